package dev.byron.runtime.command;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.broker.ConcurrentAppend;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.Operation;
import dev.byron.runtime.trace.TraceSpan;
import dev.byron.runtime.trace.Tracing;
import io.opentelemetry.api.trace.SpanKind;

/**
 * The commit point: appends the event, with the entity's full new state, to the component's stream,
 * expecting the sequence read at the start. Nothing else is written by the API.
 */
final class AppendEvent implements CommandStep {
	private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
	private final ComponentDescriptor component;
	private final Broker broker;

	AppendEvent(ComponentDescriptor component, Broker broker, ReadFence fence) {
		this.component = component;
		this.broker = broker;
		this.fence = fence;
	}

	private final ReadFence fence;

	@Override
	public void apply(CommandContext context) {
		if (context.alreadyDone) {
			return;
		}
		Operation operation = switch (context.kind) {
			case CREATE -> Operation.CREATED;
			case UPDATE -> Operation.UPDATED;
			case DELETE -> Operation.DELETED;
		};
		var names = EventNames.of(component.granularity(), context.kind, context.entity.name(), context.changed);
		String type = component.name() + "." + (names.size() == 1 ? names.get(0)
				: context.entity.name() + "Updated");
		try (TraceSpan span = Tracing.start(component.name(), "append " + type.substring(type.indexOf('.') + 1),
				SpanKind.PRODUCER, context.traceparent)) {
			String id = context.eventId != null ? context.eventId : IDS.generate().toString();
			Event event = new Event(id, broker.names().eventSource(component.name()), type,
					broker.names().entitySubject(component.name(), context.entity.name(), context.id), Instant.now(),
					span.traceparent(), component.name(), context.entity.name(), context.id, operation, context.changed,
					names, Map.copyOf(withoutNulls(context.state)));
			fence.sending(event);
			try {
				if (context.readsOwnData && context.group != null) {
					context.sequence = fence.appendInGroup(context, event, (head, afterId) -> broker.appendAsync(component.name(),
							event, context.expectedSequence, head, afterId, context.followUps));
				} else if (context.readsOwnData) {
					try {
						context.sequence = broker.append(component.name(), event, context.expectedSequence, context.readHead,
								context.followUps);
					} catch (ConcurrentAppend e) {
						throw new StaleRead(e);
					}
				} else {
					context.sequence = broker.append(component.name(), event, context.expectedSequence, -1, context.followUps);
				}
			} catch (RuntimeException e) {
				fence.notSent(event);
				span.fail(e.getMessage());
				throw e;
			}
			context.event = event;
			fence.remember(context.sequence, event);
			context.committed = true;
			fence.release(context);
			if (ReadFence.sharesHeadWithEnclosing(context)) {
				context.enclosing.readHead = context.sequence; // the enclosing command's own doing, not a change it missed
			}
		}
	}

	private static Map<String, Object> withoutNulls(Map<String, Object> state) {
		Map<String, Object> copy = new java.util.LinkedHashMap<>();
		state.forEach((k, v) -> {
			if (v != null) {
				copy.put(k, v);
			}
		});
		return copy;
	}

	static String newId() {
		return IDS.generate().toString();
	}
}
