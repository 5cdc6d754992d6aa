package dev.byron.runtime.descriptor;

/**
 * {@code kind} is SCALAR ({@code name} is String, Int, Float, Boolean, ID or DateTime), ENUM, or ENTITY
 * ({@code component} owns it). {@code list} makes it a list whose elements are non-null when
 * {@code elementRequired}; {@code required} is the outer non-null.
 */
public record FieldType(Kind kind, String name, String component, boolean list, boolean elementRequired,
		boolean required) {
	public enum Kind {
		SCALAR, ENUM, ENTITY
	}

	public static FieldType scalar(String name, boolean required) {
		return new FieldType(Kind.SCALAR, name, null, false, false, required);
	}

	public static FieldType reference(String component, String entity, boolean required) {
		return new FieldType(Kind.ENTITY, entity, component, false, false, required);
	}
}
