package dev.byron.runtime.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * An entity the component owns; {@code plural} names its list query; {@code role}, when set ({@code @auth}), is the
 * role a caller needs for any query, mutation or field of it; {@code ownership} ({@code @owner}) who may change it;
 * {@code unique}, when set, the unique keys beyond single {@code @unique} fields (several fields together, or
 * values compared without case); {@code limits}, when set, its {@code @limit}s.
 */
public record EntityDescriptor(String name, String plural, List<FieldDescriptor> fields, String role, Ownership ownership,
		List<UniqueKey> unique, List<CountLimit> limits) {
	public EntityDescriptor {
		fields = List.copyOf(fields);
		unique = unique == null || unique.isEmpty() ? null : List.copyOf(unique);
		limits = limits == null || limits.isEmpty() ? null : List.copyOf(limits);
	}

	public EntityDescriptor(String name, String plural, List<FieldDescriptor> fields, String role, Ownership ownership,
			List<UniqueKey> unique) {
		this(name, plural, fields, role, ownership, unique, null);
	}

	public EntityDescriptor(String name, String plural, List<FieldDescriptor> fields, String role, Ownership ownership) {
		this(name, plural, fields, role, ownership, null);
	}

	/** The entity's {@code @limit}s; none when it declares none. */
	public List<CountLimit> countLimits() {
		return limits == null ? List.of() : limits;
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

	/** Every unique key: each {@code @unique} field (unless a declared key covers it without case) and the declared keys. */
	public List<UniqueKey> uniqueKeys() {
		List<UniqueKey> declared = unique == null ? List.of() : unique;
		List<UniqueKey> keys = new java.util.ArrayList<>();
		for (FieldDescriptor field : uniqueFields()) {
			if (!declared.contains(new UniqueKey(List.of(field.name()), true))) {
				keys.add(UniqueKey.of(field.name()));
			}
		}
		keys.addAll(declared);
		return keys;
	}
}
