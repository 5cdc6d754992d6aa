package dev.byron.runtime.descriptor;

import java.util.List;

/** A declared domain event and its payload fields (CRUD events follow from the entities and granularity). */
public record EventDescriptor(String name, List<FieldDescriptor> payload) {
	public EventDescriptor {
		payload = payload == null ? List.of() : List.copyOf(payload);
	}
}
