package dev.byron.runtime.descriptor;

/**
 * {@code @limit(max, per: field)} on an entity: at most {@code max} entities share a value of {@code per}. The
 * maximum is a number ({@code max}), or the Int field {@code maxField} of the entity {@code per} references
 * ({@code @limit(capacity, per: talk)}: at most the talk's capacity registrations per talk).
 */
public record CountLimit(String per, Integer max, String maxField) {
	public CountLimit {
		if ((max == null) == (maxField == null)) {
			throw new IllegalArgumentException("a limit has either a number or a field for its maximum");
		}
	}

	/** As the model writes it, for messages. */
	public String describe() {
		return "@limit(" + (max != null ? max : maxField) + ", per: " + per + ")";
	}
}
