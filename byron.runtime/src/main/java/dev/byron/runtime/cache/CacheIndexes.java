package dev.byron.runtime.cache;

import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.ReplicaDescriptor;

/**
 * The Cache's secondary indexes: the fields its reads select on, so that a hook's {@code where}, a {@code @limit}'s
 * count and a reference's lookup do not read the whole collection. Those are the single-valued references of each
 * own entity and replica, the fields hooks are keyed {@code by}, and the fields limits count {@code per}.
 * Creating an index that exists is a no-op; a server that cannot index a field (the embedded one) is read as before.
 */
public final class CacheIndexes {
	private static final Logger LOG = LoggerFactory.getLogger(CacheIndexes.class);

	private CacheIndexes() {
	}

	/** The fields of an own entity the component selects on. */
	static Set<String> of(ComponentDescriptor component, EntityDescriptor entity) {
		Set<String> fields = new LinkedHashSet<>(references(entity.fields()));
		// a key names a field of its command's entity; one that another entity also has is indexed there too, harmlessly
		component.hooks().stream().map(dev.byron.runtime.descriptor.HookDescriptor::key)
				.filter(key -> key != null && entity.field(key).isPresent()).forEach(fields::add);
		entity.countLimits().forEach(limit -> fields.add(limit.per()));
		return fields;
	}

	private static Set<String> references(java.util.List<FieldDescriptor> fields) {
		Set<String> names = new LinkedHashSet<>();
		for (FieldDescriptor field : fields) {
			if (field.type().kind() == FieldType.Kind.ENTITY && !field.type().list()) {
				names.add(field.name());
			}
		}
		return names;
	}

	public static void ensure(Cache cache, ComponentDescriptor component) {
		for (EntityDescriptor entity : component.entities()) {
			of(component, entity).forEach(field -> create(cache, Cache.ownCollection(entity.name()), field));
		}
		for (ReplicaDescriptor replica : component.replicas()) {
			references(replica.fields()).forEach(field ->
					create(cache, Cache.replicaCollection(replica.component(), replica.entity()), field));
		}
	}

	private static void create(Cache cache, String collection, String field) {
		try {
			cache.database().getCollection(collection).createIndex(Indexes.ascending(field), new IndexOptions().name("byron_" + field));
		} catch (MongoException | UnsupportedOperationException e) {
			LOG.debug("no index on {}.{}: {}", collection, field, e.getMessage());
		}
	}
}
