package dev.byron.runtime.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.AppliedSequences;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.command.LocalComponentClient;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.ReactionDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.Operation;
import dev.byron.runtime.spi.ComponentClient;
import dev.byron.runtime.spi.EventHook;
import dev.byron.runtime.spi.EventHookContext;
import dev.byron.runtime.spi.Hooks;
import dev.byron.runtime.trace.TraceSpan;
import dev.byron.runtime.trace.Tracing;
import io.opentelemetry.api.trace.SpanKind;

/**
 * What a component's Sink does with one event: apply it to the own entity or to a replica (idempotently,
 * by stream sequence), then run the reactions subscribed to it. Safe to call twice with the same event.
 */
public final class EventHandler {
	private final ComponentDescriptor component;
	private final Cache cache;
	private final Hooks hooks;
	private final LocalComponentClient client;
	private final AppliedSequences applied;
	private final EventCheck check;
	private final Broker broker;

	public EventHandler(ComponentDescriptor component, Cache cache, Hooks hooks, LocalComponentClient client) {
		this(component, cache, new AppliedSequences(), hooks, client, null);
	}

	/** {@code broker} appends the follow-up events an own command carries; null for a Sink that is handed none. */
	public EventHandler(ComponentDescriptor component, Cache cache, AppliedSequences applied, Hooks hooks,
			LocalComponentClient client, Broker broker) {
		this.broker = broker;
		this.applied = applied;
		this.component = component;
		this.cache = cache;
		this.hooks = hooks;
		this.client = client;
		this.check = new EventCheck(component);
	}

	public void handle(Event event, long sequence) throws Exception {
		handle(event, Delivery.of(sequence));
	}

	public void handle(Event event, Delivery delivery) throws Exception {
		try (TraceSpan span = Tracing.start(component.name(), "sink " + event.type(), SpanKind.CONSUMER, event.traceparent())) {
			span.attribute("byron.event.id", event.id());
			try {
				apply(event, delivery, span.traceparent());
			} catch (Exception e) {
				span.fail(e.getMessage());
				throw e;
			}
		}
	}

	private void apply(Event event, Delivery delivery, String traceparent) throws Exception {
		refusePoison(event);
		appendFollowUps(event, delivery);
		Optional<Cache.Write> write = write(event, delivery.sequence());
		if (write.isPresent()) {
			cache.apply(write.get());
			written(List.of(event), List.of(write.get()));
		}
		for (ReactionDescriptor reaction : reactionsTo(event)) {
			EventHook hook = hooks.event(reaction.hook()).orElseThrow(() -> new IllegalStateException(
					"The model names hook '" + reaction.hook() + "' but no such hook is registered."));
			hook.run(context(event, traceparent));
		}
	}

	private void refusePoison(Event event) throws PoisonEvent {
		if (consumes(event.component())) {
			var problem = check.problem(event);
			if (problem.isPresent()) {
				throw new PoisonEvent(problem.get());
			}
		}
	}

	/** The Cache write an event makes here, if any. */
	private Optional<Cache.Write> write(Event event, long sequence) {
		if (event.operation() == Operation.DOMAIN || event.entity() == null || event.entityId() == null) {
			return Optional.empty();
		}
		if (event.component().equals(component.name())) {
			return component.entity(event.entity()).map(entity -> new Cache.Write(Cache.ownCollection(event.entity()),
					event.entityId(), sequence, event.data(), event.isDeletion(), event.operation() == Operation.CREATED));
		}
		return component.replica(event.component(), event.entity()).map(replica -> new Cache.Write(
				Cache.replicaCollection(event.component(), event.entity()), event.entityId(), sequence,
				project(replica, event.data()), event.isDeletion(), event.operation() == Operation.CREATED));
	}

	/** Wakes the commands that wait to read an own write: in this process at once, in the component's others by a notice. */
	private void written(List<Event> events, List<Cache.Write> writes) {
		List<Cache.Write> own = new ArrayList<>();
		for (int i = 0; i < writes.size(); i++) {
			if (events.get(i).component().equals(component.name())) {
				Cache.Write write = writes.get(i);
				applied.applied(write.collection(), write.id(), write.sequence());
				own.add(write);
			}
		}
		if (broker != null) {
			AppliedNotices.publish(broker, component.name(), own);
		}
	}

	private List<ReactionDescriptor> reactionsTo(Event event) {
		return component.reactions().stream()
				.filter(reaction -> reaction.component().equals(event.component()) && matches(reaction, event)).toList();
	}

	/**
	 * Whether all this event does here is one Cache write (or nothing): no follow-ups to append, no reaction to
	 * run. Such events may be handled together by {@link #handleWrites}; throws {@link PoisonEvent} as
	 * {@link #handle} would.
	 */
	public boolean onlyWrites(Event event, Delivery delivery) throws PoisonEvent {
		refusePoison(event);
		return delivery.followUps().isEmpty() && reactionsTo(event).isEmpty();
	}

	/**
	 * Handles events for which {@link #onlyWrites} holds, in stream order, with one Cache round of writes: the
	 * same end state and wake-ups as handling them one by one. Each event keeps its own trace span.
	 */
	public void handleWrites(List<Event> events, List<Delivery> deliveries) {
		List<TraceSpan> spans = new ArrayList<>();
		List<Event> writers = new ArrayList<>();
		List<Cache.Write> writes = new ArrayList<>();
		try {
			for (int i = 0; i < events.size(); i++) {
				Event event = events.get(i);
				TraceSpan span = Tracing.start(component.name(), "sink " + event.type(), SpanKind.CONSUMER, event.traceparent());
				span.attribute("byron.event.id", event.id());
				spans.add(span);
				write(event, deliveries.get(i).sequence()).ifPresent(write -> {
					writers.add(event);
					writes.add(write);
				});
			}
			cache.applyAll(writes);
			written(writers, writes);
		} catch (RuntimeException e) {
			spans.forEach(span -> span.fail(e.getMessage()));
			throw e;
		} finally {
			spans.forEach(TraceSpan::close);
		}
	}

	/**
	 * Before the command's state is applied, so that a caller who reads its write finds the follow-ups
	 * appended too. Each is checked as the Sink checks any event: a follow-up the model does not declare is
	 * refused with its command.
	 */
	private void appendFollowUps(Event command, Delivery delivery) throws PoisonEvent {
		if (delivery.followUps().isEmpty()) {
			return;
		}
		if (!command.component().equals(component.name()) || broker == null) {
			throw new PoisonEvent("carries follow-up events this Sink does not append");
		}
		for (Event followUp : delivery.followUps()) {
			var problem = check.problem(followUp);
			if (problem.isPresent() || !followUp.component().equals(component.name())) {
				throw new PoisonEvent("follow-up " + followUp.type() + ": " + problem.orElse("of another component"));
			}
		}
		for (Event followUp : delivery.followUps()) {
			broker.publishFollowUp(component.name(), followUp, delivery.sequence(), delivery.storedAt(), delivery.first());
		}
	}

	/** Whether events of {@code source} write to this component's Cache (its own entities, or a replica). */
	public boolean writesFrom(String source) {
		return !collectionsOf(source).isEmpty();
	}

	/** The newest stream sequence of {@code source} the Cache holds a write of, or -1. */
	public long newestSequenceFrom(String source) {
		return collectionsOf(source).stream().mapToLong(cache::newestSequence).max().orElse(-1);
	}

	private List<String> collectionsOf(String source) {
		if (source.equals(component.name())) {
			return component.entities().stream().map(entity -> Cache.ownCollection(entity.name())).toList();
		}
		return component.replicas().stream().filter(replica -> replica.component().equals(source))
				.map(replica -> Cache.replicaCollection(source, replica.entity())).toList();
	}

	/** Whether an event of a source this component consumes is one its Sink applies (else it is dead-lettered). */
	boolean fits(Event event) {
		return !consumes(event.component()) || check.problem(event).isEmpty();
	}

	/** Whether this component has anything to do with events of {@code source}. */
	public boolean consumes(String source) {
		return source.equals(component.name())
				|| component.replicas().stream().anyMatch(r -> r.component().equals(source))
				|| component.reactions().stream().anyMatch(r -> r.component().equals(source));
	}

	private static boolean matches(ReactionDescriptor reaction, Event event) {
		return event.names().contains(reaction.event()) || event.type().equals(reaction.component() + "." + reaction.event());
	}

	private static Map<String, Object> project(ReplicaDescriptor replica, Map<String, Object> data) {
		Map<String, Object> kept = new LinkedHashMap<>();
		for (String field : replica.fieldNames()) {
			if (data.containsKey(field)) {
				kept.put(field, data.get(field));
			}
		}
		return kept;
	}

	private EventHookContext context(Event event, String traceparent) {
		ComponentClient scoped = client.forEvent(event.id(), traceparent);
		return new EventHookContext() {
			@Override
			public Event event() {
				return event;
			}

			@Override
			public ComponentClient component() {
				return scoped;
			}
		};
	}
}
