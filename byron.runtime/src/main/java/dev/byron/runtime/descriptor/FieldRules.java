package dev.byron.runtime.descriptor;

import java.math.BigDecimal;

/**
 * Validation of one field: {@code @unique}, {@code @pattern}, {@code @length}, {@code @range} and
 * {@code @default} ({@code "now"} for DateTime means the time of the command). Absent bounds are null.
 */
public record FieldRules(boolean unique, String pattern, Integer minLength, Integer maxLength, BigDecimal min,
		BigDecimal max, Object defaultValue) {
	public static final FieldRules NONE = new FieldRules(false, null, null, null, null, null, null);

	public FieldRules withUnique() {
		return new FieldRules(true, pattern, minLength, maxLength, min, max, defaultValue);
	}

	public FieldRules withPattern(String regex) {
		return new FieldRules(unique, regex, minLength, maxLength, min, max, defaultValue);
	}

	public FieldRules withLength(Integer minimum, Integer maximum) {
		return new FieldRules(unique, pattern, minimum, maximum, min, max, defaultValue);
	}

	public FieldRules withRange(BigDecimal minimum, BigDecimal maximum) {
		return new FieldRules(unique, pattern, minLength, maxLength, minimum, maximum, defaultValue);
	}

	public FieldRules withDefault(Object value) {
		return new FieldRules(unique, pattern, minLength, maxLength, min, max, value);
	}
}
