package dev.byron.runtime.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One entity of the component, typed by its generated record: what a hook or resolver reads and writes.
 * Reads inside a command's hooks are exact (the command runs again if what they read changed before it
 * committed); {@link #find} reads the committed state, {@link #where} the Cache.
 */
public final class Entities<R extends GeneratedRecord> {
	private final ComponentClient client;
	private final String entity;
	private final Function<Map<String, Object>, R> from;

	public Entities(ComponentClient client, String entity, Function<Map<String, Object>, R> from) {
		this.client = client;
		this.entity = entity;
		this.from = from;
	}

	/** The entity with this id, as its last committed event says. */
	public Optional<R> find(String id) {
		return client.find(entity, id).map(from);
	}

	/** The entities whose field holds the value. */
	public <V> List<R> where(EntityField<R, V> field, V value) {
		return client.where(entity, field.name(), Values.plain(value)).stream().map(from).toList();
	}

	/** How many entities hold the value in the field, as {@link #where} would list them, without reading them. */
	public <V> long count(EntityField<R, V> field, V value) {
		return client.count(entity, field.name(), Values.plain(value));
	}

	/** Creates one from a record (its id, if any, is ignored: the new entity gets its own). */
	public R create(R record) {
		Map<String, Object> input = new LinkedHashMap<>(record.toMap());
		input.remove("id");
		input.values().removeIf(java.util.Objects::isNull);
		return from.apply(client.create(entity, input));
	}

	/** Changes the given fields, by the model's field names. */
	public R update(String id, Map<String, Object> patch) {
		return from.apply(client.update(entity, id, patch));
	}

	/** Changes one field. */
	public <V> R update(String id, EntityField<R, V> field, V value) {
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put(field.name(), Values.plain(value));
		return update(id, patch);
	}

	/** Compare-and-set: applies the patch only if the condition holds for the committed state (empty otherwise). */
	public Optional<R> updateIf(String id, Predicate<R> condition, Map<String, Object> patch) {
		return client.updateIf(entity, id, state -> condition.test(from.apply(state)), patch).map(from);
	}

	public void delete(String id) {
		client.delete(entity, id);
	}
}
