package dev.byron.runtime.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EventDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.Operation;
import dev.byron.runtime.trace.TraceSpan;
import dev.byron.runtime.trace.Tracing;
import io.opentelemetry.api.trace.SpanKind;

/** Appends a declared domain event ({@code event OrderPlaced { ... }}) to the component's stream. */
public final class DomainEventPublisher {
	private final ComponentDescriptor component;
	private final Broker broker;

	public DomainEventPublisher(ComponentDescriptor component, Broker broker) {
		this.component = component;
		this.broker = broker;
	}

	/** A declared event checked against its declaration, ready to be appended. */
	public record Prepared(String eventName, Map<String, Object> data, String eventId, String traceparent) {
	}

	/** Publishes with the given event id (derived ids make a redelivered reaction publish nothing twice). */
	public long publish(String eventName, Map<String, Object> payload, String eventId, String traceparent) {
		return publish(prepare(eventName, payload, eventId, traceparent));
	}

	/** Checks the payload against the event's declaration; VALIDATION names what does not fit. */
	public Prepared prepare(String eventName, Map<String, Object> payload, String eventId, String traceparent) {
		EventDescriptor declared = component.events().stream().filter(e -> e.name().equals(eventName)).findFirst()
				.orElseThrow(() -> new ByronException(ErrorCode.VALIDATION, component.name() + " declares no event " + eventName
						+ "; declare it in the model with 'event " + eventName + " { ... }'."));
		Map<String, Object> data = new LinkedHashMap<>();
		for (FieldDescriptor field : declared.payload()) {
			Object value = payload.get(field.name());
			if (value == null && field.type().required()) {
				throw ByronException.validation(field.name(), eventName + " needs '" + field.name() + "'.");
			}
			if (value != null) {
				data.put(field.name(), value);
			}
		}
		for (String key : payload.keySet()) {
			if (declared.payload().stream().noneMatch(f -> f.name().equals(key))) {
				throw ByronException.validation(key, eventName + " has no field '" + key + "'.");
			}
		}
		return new Prepared(eventName, Map.copyOf(data), eventId == null ? AppendEvent.newId() : eventId, traceparent);
	}

	public long publish(Prepared prepared) {
		return broker.publish(component.name(), event(prepared));
	}

	/** The event as it is appended: a follow-up travels inside its command's append until the Sink appends it. */
	public Event event(Prepared prepared) {
		try (TraceSpan span = Tracing.start(component.name(), "publish " + prepared.eventName(), SpanKind.PRODUCER,
				prepared.traceparent())) {
			return new Event(prepared.eventId(), broker.names().eventSource(component.name()),
					component.name() + "." + prepared.eventName(), broker.names().domainSubject(component.name(), prepared.eventName()),
					Instant.now(), span.traceparent(), component.name(), null, null, Operation.DOMAIN, List.of(),
					List.of(prepared.eventName()), prepared.data());
		}
	}
}
