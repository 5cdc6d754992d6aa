package dev.byron.runtime.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * An entity the component owns; {@code plural} names its list query; {@code role}, when set ({@code @auth}), is the
 * role a caller needs for any query, mutation or field of it; {@code ownership} ({@code @owner}) who may change it.
 */
public record EntityDescriptor(String name, String plural, List<FieldDescriptor> fields, String role, Ownership ownership) {
	public EntityDescriptor {
		fields = List.copyOf(fields);
	}

	public EntityDescriptor(String name, String plural, List<FieldDescriptor> fields) {
		this(name, plural, fields, null, null);
	}

	public EntityDescriptor(String name, String plural, List<FieldDescriptor> fields, String role) {
		this(name, plural, fields, role, null);
	}

	public Optional<FieldDescriptor> field(String fieldName) {
		return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
	}

	public List<FieldDescriptor> uniqueFields() {
		return fields.stream().filter(f -> f.rules().unique()).toList();
	}
}
