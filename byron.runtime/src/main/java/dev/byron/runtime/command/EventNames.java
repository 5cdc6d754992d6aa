package dev.byron.runtime.command;

import java.util.ArrayList;
import java.util.List;

/** The event names a change stands for under a component's granularity (see ADR 3 and 7). */
public final class EventNames {
	private EventNames() {
	}

	/** Every CRUD event name an entity's changes can stand for, in create, change, delete order. */
	public static List<String> all(String granularity, String entity, List<String> fields) {
		List<String> names = new ArrayList<>(of(granularity, CommandKind.CREATE, entity, List.of()));
		for (String name : of(granularity, CommandKind.UPDATE, entity, fields)) {
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		for (String name : of(granularity, CommandKind.DELETE, entity, List.of())) {
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	static List<String> of(String granularity, CommandKind kind, String entity, List<String> changed) {
		List<String> names = new ArrayList<>();
		switch (granularity) {
			case "per-entity" -> names.add(entity + "Changed");
			case "per-field" -> {
				switch (kind) {
					case CREATE -> names.add(entity + "Created");
					case DELETE -> names.add(entity + "Deleted");
					case UPDATE -> changed.forEach(f -> names.add(entity + Character.toUpperCase(f.charAt(0)) + f.substring(1) + "Changed"));
				}
			}
			default -> names.add(entity + switch (kind) {
				case CREATE -> "Created";
				case UPDATE -> "Updated";
				case DELETE -> "Deleted";
			});
		}
		return names;
	}
}
