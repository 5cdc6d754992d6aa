package dev.byron.runtime.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The component's own commands and reads, for hooks and resolvers. */
public interface ComponentClient {
	/** This client, with its commands and events continuing the trace {@code traceparent} names. */
	default ComponentClient inTrace(String traceparent) {
		return this;
	}

	Map<String, Object> create(String entity, Map<String, Object> input);

	Map<String, Object> update(String entity, String id, Map<String, Object> patch);

	/**
	 * Compare-and-set: applies the patch only if {@code condition} holds for the entity's committed state,
	 * and only if nobody changes it in between (else CONFLICT, and a reaction is retried). Empty when the
	 * condition does not hold. Use it where a hook decides on what it read: a plain find + update could
	 * overwrite a change committed between the two.
	 */
	Optional<Map<String, Object>> updateIf(String entity, String id, java.util.function.Predicate<Map<String, Object>> condition,
			Map<String, Object> patch);

	String delete(String entity, String id);

	/** Publishes one of the component's declared events, e.g. {@code publish("OrderPlaced", Map.of("order", id))}. */
	void publish(String event, Map<String, Object> payload);

	/** An own entity as its last committed event says: exact, never behind. */
	Optional<Map<String, Object>> find(String entity, String id);

	/** Own entities whose field equals a value, from the Cache (it may be a moment behind the stream). */
	List<Map<String, Object>> where(String entity, String field, Object value);

	/**
	 * How many own entities hold a value in a field: what {@code where(...).size()} says, exact in the same way,
	 * without reading the entities (a limit's count, a quota).
	 */
	long count(String entity, String field, Object value);

	/** A replicated entity of another component, as this component's Sink last saw it. */
	Optional<Map<String, Object>> replica(String component, String entity, String id);

	List<Map<String, Object>> replicaWhere(String component, String entity, String field, Object value);
}
