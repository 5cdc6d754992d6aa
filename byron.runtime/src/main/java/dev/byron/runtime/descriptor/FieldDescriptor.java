package dev.byron.runtime.descriptor;

/** A field with its type and the validation rules the API enforces. */
public record FieldDescriptor(String name, FieldType type, FieldRules rules) {
	public FieldDescriptor {
		rules = rules == null ? FieldRules.NONE : rules;
	}
}
