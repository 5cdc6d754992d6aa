package dev.byron.runtime.descriptor;

import java.util.List;

/**
 * Fields whose values together no two entities may share: one field ({@code @unique}) or several
 * ({@code @unique(attendee, talk)} on the entity); with {@code ignoreCase}, Strings compare without case.
 */
public record UniqueKey(List<String> fields, boolean ignoreCase) {
	public UniqueKey {
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("a unique key needs at least one field");
		}
	}

	public static UniqueKey of(String field) {
		return new UniqueKey(List.of(field), false);
	}
}
