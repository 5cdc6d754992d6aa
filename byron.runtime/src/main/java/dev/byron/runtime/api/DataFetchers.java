package dev.byron.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.cache.Documents;
import dev.byron.runtime.command.CommandPipeline;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/** What each root field and each reference field of a component's schema does. */
final class DataFetchers {
	static final int MAX_PAGE = 100;
	private final ComponentDescriptor component;
	private final Cache cache;
	private final CommandPipeline commands;

	DataFetchers(ComponentDescriptor component, Cache cache, CommandPipeline commands) {
		this.component = component;
		this.cache = cache;
		this.commands = commands;
	}

	DataFetcher<Object> byId(EntityDescriptor entity) {
		return env -> cache.find(Cache.ownCollection(entity.name()), env.<String>getArgument("id")).map(Documents::toMap).orElse(null);
	}

	DataFetcher<Object> list(EntityDescriptor entity) {
		return env -> {
			Integer first = env.getArgument("first");
			int size = first == null ? 20 : first;
			if (size < 0 || size > MAX_PAGE) {
				throw ByronException.validation("first", "'first' must be between 0 and " + MAX_PAGE + ".");
			}
			String after = decodeCursor(env.getArgument("after"));
			List<Document> page = cache.page(Cache.ownCollection(entity.name()), after, size + 1);
			boolean more = page.size() > size;
			List<Map<String, Object>> nodes = new ArrayList<>();
			List<Map<String, Object>> edges = new ArrayList<>();
			for (Document document : page.subList(0, Math.min(size, page.size()))) {
				Map<String, Object> node = Documents.toMap(document);
				nodes.add(node);
				edges.add(Map.of("cursor", encodeCursor((String) node.get("id")), "node", node));
			}
			Map<String, Object> pageInfo = new LinkedHashMap<>();
			pageInfo.put("hasNextPage", more);
			// Relay: paging forward, true where edges before 'after' exist; looked up only when asked for
			pageInfo.put("hasPreviousPage", after != null && env.getSelectionSet().contains("pageInfo/hasPreviousPage")
					&& cache.anyUpTo(Cache.ownCollection(entity.name()), after));
			pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
			pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
			return Map.of("edges", edges, "nodes", nodes, "pageInfo", pageInfo);
		};
	}

	DataFetcher<Object> create(EntityDescriptor entity) {
		return env -> commands.create(entity.name(), input(env), traceparent(env), caller(env), keyed(env)).state();
	}

	DataFetcher<Object> update(EntityDescriptor entity) {
		return env -> commands.update(entity.name(), env.getArgument("id"), input(env), traceparent(env), caller(env), keyed(env))
				.state();
	}

	DataFetcher<Object> delete(EntityDescriptor entity) {
		return env -> commands.delete(entity.name(), env.getArgument("id"), traceparent(env), caller(env), keyed(env)).id();
	}

	/** The request as its Idempotency-Key stands for it (the field and its arguments); null when it came without one. */
	private static CommandPipeline.KeyedRequest keyed(DataFetchingEnvironment env) {
		String key = env.getGraphQlContext().get(GraphQLEndpoint.IDEMPOTENCY_KEY);
		return key == null ? null : new CommandPipeline.KeyedRequest(key, env.getField().getName(), env.getArguments());
	}

	/** A reference field: the referenced entity from the own Cache or the replica, or just its id. */
	DataFetcher<Object> reference(String fieldName, FieldType type) {
		return env -> {
			Map<String, Object> source = env.getSource();
			Object value = source == null ? null : source.get(fieldName);
			if (value instanceof List<?> ids) {
				List<Object> resolved = new ArrayList<>();
				for (Object id : ids) {
					resolved.add(id == null ? null : resolve(type, id.toString()));
				}
				return resolved;
			}
			return value == null ? null : resolve(type, value.toString());
		};
	}

	private Map<String, Object> resolve(FieldType type, String id) {
		if (SchemaWriter.isOwn(component, type)) {
			return cache.find(Cache.ownCollection(type.name()), id).map(Documents::toMap).orElse(null);
		}
		if (component.replica(type.component(), type.name()).isPresent()) {
			return cache.find(Cache.replicaCollection(type.component(), type.name()), id).map(Documents::toMap).orElse(null);
		}
		return Map.of("id", id);
	}

	private static Map<String, Object> input(DataFetchingEnvironment env) {
		Map<String, Object> input = env.getArgument("input");
		return input == null ? Map.of() : input;
	}

	private static String traceparent(DataFetchingEnvironment env) {
		return env.getGraphQlContext().get(GraphQLEndpoint.TRACEPARENT);
	}

	static Caller caller(DataFetchingEnvironment env) {
		Caller caller = env.getGraphQlContext().get(GraphQLEndpoint.CALLER);
		return caller == null ? Caller.ANONYMOUS : caller;
	}

	static String encodeCursor(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

	static String decodeCursor(String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			throw ByronException.validation("after", "'after' is not a cursor this API returned.");
		}
	}

	/**
	 * A field with a {@code @default}, read from an entity stored before the field existed (a field added to the
	 * model later): its default, as a create would have set it, rather than a null the schema may not allow.
	 */
	DataFetcher<Object> withDefault(dev.byron.runtime.descriptor.FieldDescriptor field) {
		Object fallback = field.rules().defaultValue();
		return env -> {
			Object source = env.getSource();
			if (source instanceof Map<?, ?> map) {
				Object value = map.get(field.name());
				return value != null || map.containsKey(field.name()) ? value : fallback;
			}
			return null;
		};
	}
}
