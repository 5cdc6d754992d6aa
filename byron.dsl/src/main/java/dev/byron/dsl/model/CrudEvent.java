package dev.byron.dsl.model;

import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Field;

/** A generated event of an entity; {@code field} is set only for per-field granularity. */
public record CrudEvent(String name, CrudEventKind kind, Entity entity, Field field) {
}
