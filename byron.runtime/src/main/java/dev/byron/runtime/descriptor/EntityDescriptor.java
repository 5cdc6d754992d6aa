package dev.byron.runtime.descriptor;

import java.util.List;
import java.util.Optional;

/** An entity the component owns; {@code plural} names its list query. */
public record EntityDescriptor(String name, String plural, List<FieldDescriptor> fields) {
	public EntityDescriptor {
		fields = List.copyOf(fields);
	}

	public Optional<FieldDescriptor> field(String fieldName) {
		return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
	}

	public List<FieldDescriptor> uniqueFields() {
		return fields.stream().filter(f -> f.rules().unique()).toList();
	}
}
