package dev.byron.runtime.sink;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.EnumDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.Operation;

/**
 * Whether an event fits what the component knows of it before the Sink applies it: an own entity or a declared
 * event of its own stream, an id, and values of the declared types (enum values among the enum's) for the
 * fields it stores. What does not fit is dead-lettered, never applied: one bad event must not break reads for
 * every client. Fields the model no longer has are tolerated (old events replayed after a model change).
 */
public final class EventCheck {
	private final ComponentDescriptor component;

	public EventCheck(ComponentDescriptor component) {
		this.component = component;
	}

	public boolean fits(Event event) {
		return problem(event).isEmpty();
	}

	/** Why the event must not be applied here; empty when it fits. */
	public Optional<String> problem(Event event) {
		boolean own = component.name().equals(event.component());
		if (event.operation() == Operation.DOMAIN) {
			if (own && component.events().stream().noneMatch(e -> event.names().contains(e.name()))) {
				return Optional.of(event.type() + " is not an event " + component.name() + " declares");
			}
			return Optional.empty();
		}
		if (event.entityId() == null || event.entityId().isBlank()) {
			return Optional.of(event.type() + " names no entity id");
		}
		if (own) {
			Optional<EntityDescriptor> entity = event.entity() == null ? Optional.empty() : component.entity(event.entity());
			if (entity.isEmpty()) {
				return Optional.of(event.type() + " is about " + event.entity() + ", which is not an entity of " + component.name());
			}
			return event.isDeletion() ? Optional.empty() : values(event, entity.get().fields(), true);
		}
		return component.replica(event.component(), event.entity())
				.flatMap(replica -> event.isDeletion() ? Optional.empty() : values(event, replica.fields(), false));
	}

	private Optional<String> values(Event event, List<FieldDescriptor> fields, boolean enumsKnown) {
		Map<String, Object> data = event.data();
		for (FieldDescriptor field : fields) {
			Object value = data.get(field.name());
			if (value == null) {
				continue; // absent values are the model's business (a field added later), not a malformed event
			}
			String problem = field.type().list() ? list(field, value, enumsKnown) : single(field.type(), value, enumsKnown);
			if (problem != null) {
				return Optional.of(event.type() + " " + event.entityId() + ": '" + field.name() + "' " + problem);
			}
		}
		return Optional.empty();
	}

	private String list(FieldDescriptor field, Object value, boolean enumsKnown) {
		if (!(value instanceof List<?> items)) {
			return "should be a list";
		}
		for (Object item : items) {
			if (item == null) {
				if (field.type().elementRequired()) {
					return "holds a null element";
				}
				continue;
			}
			String problem = single(field.type(), item, enumsKnown);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private String single(FieldType type, Object value, boolean enumsKnown) {
		return switch (type.kind()) {
			case ENTITY -> value instanceof String ? null : "should be an id";
			case ENUM -> {
				if (!(value instanceof String text)) {
					yield "should be a value of " + type.name();
				}
				if (!enumsKnown) {
					yield null;
				}
				List<String> values = component.enumType(type.name()).map(EnumDescriptor::values).orElse(List.of());
				yield values.isEmpty() || values.contains(text) ? null : "is " + shortly(text) + ", not a value of " + type.name();
			}
			case SCALAR -> switch (type.name()) {
				case "Int" -> value instanceof Integer || value instanceof Long ? null : "should be an Int";
				case "Float" -> value instanceof Number ? null : "should be a Float";
				case "Boolean" -> value instanceof Boolean ? null : "should be a Boolean";
				default -> value instanceof String ? null : "should be a " + type.name();
			};
		};
	}

	private static String shortly(String value) {
		return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
	}
}
