package dev.byron.runtime.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.descriptor.FieldDescriptor;

/** The state the command leads to: defaults + input for a create, previous + patch for an update. */
final class BuildNewState implements CommandStep {

	@Override
	public void apply(CommandContext context) {
		for (String key : context.input.keySet()) {
			if (context.entity.field(key).isEmpty()) {
				throw ByronException.validation(key, context.entity.name() + " has no field '" + key + "'.");
			}
		}
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", context.id);
		switch (context.kind) {
			case CREATE -> {
				for (FieldDescriptor field : context.entity.fields()) {
					Object value = context.input.containsKey(field.name()) ? context.input.get(field.name())
							: defaultValue(field);
					state.put(field.name(), value);
				}
			}
			case UPDATE -> {
				state.putAll(context.previous);
				state.put("id", context.id);
				for (Map.Entry<String, Object> change : context.input.entrySet()) {
					state.put(change.getKey(), change.getValue());
				}
			}
			case DELETE -> state.putAll(context.previous);
		}
		context.state = state;
		recordChanges(context);
	}

	static void recordChanges(CommandContext context) {
		context.changed.clear();
		if (context.kind != CommandKind.UPDATE) {
			return;
		}
		for (FieldDescriptor field : context.entity.fields()) {
			if (!Objects.equals(normalize(context.previous.get(field.name())), normalize(context.state.get(field.name())))) {
				context.changed.add(field.name());
			}
		}
	}

	/** JSON round trips turn Integer into Long and back; compare numbers by value. */
	private static Object normalize(Object value) {
		return value instanceof Number n && !(value instanceof Double || value instanceof Float) ? n.longValue() : value;
	}

	private static Object defaultValue(FieldDescriptor field) {
		Object value = field.rules().defaultValue();
		if ("now".equals(value) && "DateTime".equals(field.type().name())) {
			return Instant.now().toString();
		}
		return value;
	}
}
