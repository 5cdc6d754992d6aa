package dev.byron.runtime.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * Everything the runtime needs to know about one component, as plain data that the generator writes as
 * JSON ({@link Descriptors}). {@code version} is the descriptor format version.
 */
public record ComponentDescriptor(int version, String system, String name, String granularity,
		List<EntityDescriptor> entities, List<EnumDescriptor> enums, List<EventDescriptor> events,
		List<ReplicaDescriptor> replicas, List<ReactionDescriptor> reactions, List<HookDescriptor> hooks,
		List<OperationDescriptor> operations) {

	public static final int FORMAT_VERSION = 1;

	public ComponentDescriptor {
		entities = List.copyOf(entities);
		enums = enums == null ? List.of() : List.copyOf(enums);
		events = events == null ? List.of() : List.copyOf(events);
		replicas = replicas == null ? List.of() : List.copyOf(replicas);
		reactions = reactions == null ? List.of() : List.copyOf(reactions);
		hooks = hooks == null ? List.of() : List.copyOf(hooks);
		operations = operations == null ? List.of() : List.copyOf(operations);
		granularity = granularity == null ? "per-operation" : granularity;
	}

	/** A descriptor without custom operations (the common case in tests and small models). */
	public ComponentDescriptor(int version, String system, String name, String granularity, List<EntityDescriptor> entities,
			List<EnumDescriptor> enums, List<EventDescriptor> events, List<ReplicaDescriptor> replicas,
			List<ReactionDescriptor> reactions, List<HookDescriptor> hooks) {
		this(version, system, name, granularity, entities, enums, events, replicas, reactions, hooks, List.of());
	}

	/** The components whose streams this one reads: itself, those it replicates, those it reacts to. */
	public java.util.Set<String> sources() {
		java.util.Set<String> sources = new java.util.LinkedHashSet<>();
		sources.add(name);
		replicas.forEach(r -> sources.add(r.component()));
		reactions.forEach(r -> sources.add(r.component()));
		return java.util.Collections.unmodifiableSet(sources);
	}

	public Optional<EntityDescriptor> entity(String entityName) {
		return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
	}

	public Optional<ReplicaDescriptor> replica(String component, String entity) {
		return replicas.stream().filter(r -> r.component().equals(component) && r.entity().equals(entity)).findFirst();
	}

	public Optional<EnumDescriptor> enumType(String enumName) {
		return enums.stream().filter(e -> e.name().equals(enumName)).findFirst();
	}
}
