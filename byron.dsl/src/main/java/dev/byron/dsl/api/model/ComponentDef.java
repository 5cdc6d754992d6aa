package dev.byron.dsl.api.model;

import java.util.List;
import java.util.Optional;

/**
 * A component: the unit of ownership and deployment. {@code events} lists everything it publishes,
 * generated and declared; {@code granularity} is one of {@code per-operation}, {@code per-entity},
 * {@code per-field}.
 */
public record ComponentDef(String name, String granularity, List<EntityDef> entities, List<EnumDef> enums,
		List<EventDef> events, List<ReplicaDef> replicas, List<ReactionDef> reactions, List<HookDef> hooks,
		List<OperationDef> operations, SourceRange range) {

	public Optional<EntityDef> entity(String entityName) {
		return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
	}

	public Optional<EventDef> event(String eventName) {
		return events.stream().filter(e -> e.name().equals(eventName)).findFirst();
	}
}
