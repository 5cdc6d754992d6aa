package dev.byron.runtime.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event as it travels on the broker: a CloudEvent (id, source, type, subject, time) with W3C trace
 * context, Byron's extensions and, as data, the entity's full state after the change (event-carried state
 * transfer, so that every Sink can apply it alone and idempotently).
 *
 * <p>{@code names} are the event names subscribers know under the component's granularity
 * (e.g. {@code ShipmentStatusChanged}); {@code changed} lists the fields an update changed.
 */
public record Event(String id, String source, String type, String subject, Instant time, String traceparent,
		String component, String entity, String entityId, Operation operation, List<String> changed,
		List<String> names, Map<String, Object> data) {

	public Event {
		changed = changed == null ? List.of() : List.copyOf(changed);
		names = names == null ? List.of() : List.copyOf(names);
	}

	public boolean isDeletion() {
		return operation == Operation.DELETED;
	}
}
