package dev.byron.dsl.api.model;

import java.util.List;

/**
 * An event a component publishes: generated for an entity ({@code entity} set; {@code field} set for
 * per-field events) or declared in the model ({@code kind == DOMAIN}, with its payload fields).
 */
public record EventDef(String name, Kind kind, String entity, String field, List<FieldDef> payload, SourceRange range) {
	public enum Kind {
		CREATED, UPDATED, DELETED, CHANGED, FIELD_CHANGED, DOMAIN
	}
}
