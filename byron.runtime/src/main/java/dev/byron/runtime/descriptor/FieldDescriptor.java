package dev.byron.runtime.descriptor;

/**
 * A field with its type and the validation rules the API enforces; {@code role}, when set ({@code @auth}), is the
 * role a caller needs to read or write it.
 */
public record FieldDescriptor(String name, FieldType type, FieldRules rules, String role) {
	public FieldDescriptor {
		rules = rules == null ? FieldRules.NONE : rules;
	}

	public FieldDescriptor(String name, FieldType type, FieldRules rules) {
		this(name, type, rules, null);
	}
}
