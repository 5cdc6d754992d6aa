package dev.byron.runtime.sink;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.broker.FollowUps;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.EventCodec;
import dev.byron.runtime.event.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;

/**
 * One durable pull consumer: this component reading one source stream (its own or another component's),
 * from the beginning the first time, then from where it acknowledged last.
 */
final class SourceConsumer implements Runnable {
	private static final Logger LOG = LoggerFactory.getLogger(SourceConsumer.class);

	private final Broker broker;
	private final String component;
	private final String source;
	private final EventHandler handler;
	private final DeadLetters deadLetters;
	private final SinkOptions options;
	private final Counter applied;
	private final Counter retried;
	private final Counter deadLettered;
	private final io.micrometer.core.instrument.Timer delay;
	private final io.micrometer.core.instrument.DistributionSummary writtenTogether;
	private final AtomicLong lastSequence = new AtomicLong();
	private volatile boolean running = true;
	/** False while the Sink writes again, on start, what its Cache may have lost (see {@link CatchUp}). */
	private volatile boolean caughtUp;
	private JetStreamSubscription subscription;

	SourceConsumer(Broker broker, String component, String source, EventHandler handler, DeadLetters deadLetters,
			SinkOptions options, MeterRegistry meters) {
		this.broker = broker;
		this.component = component;
		this.source = source;
		this.handler = handler;
		this.deadLetters = deadLetters;
		this.options = options;
		this.applied = Counter.builder("byron.sink.events").tag("source", source).tag("result", "handled").register(meters);
		this.retried = Counter.builder("byron.sink.events").tag("source", source).tag("result", "retried").register(meters);
		this.delay = io.micrometer.core.instrument.Timer.builder("byron.sink.delay")
				.description("from the event's append to its handling by this Sink").tag("source", source).register(meters);
		this.writtenTogether = io.micrometer.core.instrument.DistributionSummary.builder("byron.sink.written.together")
				.description("events written to the Cache in one round").tag("source", source).register(meters);
		this.deadLettered = Counter.builder("byron.sink.events").tag("source", source).tag("result", "dead-lettered")
				.register(meters);
	}

	boolean caughtUp() {
		return caughtUp;
	}

	void subscribe() throws IOException, JetStreamApiException {
		broker.ensureStream(source);
		String durable = broker.names().consumer(component, source);
		ConsumerConfiguration configuration = ConsumerConfiguration.builder().durable(durable)
				.ackPolicy(AckPolicy.Explicit).deliverPolicy(DeliverPolicy.All)
				.filterSubject(broker.names().streamSubjects(source)).maxAckPending(options.maxInFlight())
				.ackWait(options.ackWait()).maxDeliver(options.maxTries() + 1).build();
		subscription = broker.jetStream().subscribe(broker.names().streamSubjects(source),
				PullSubscribeOptions.builder().stream(broker.names().stream(source)).configuration(configuration).build());
	}

	@Override
	public void run() {
		if (options.catchUpOnStart()) {
			catchUp();
		}
		caughtUp = true;
		while (running) {
			try {
				// iterate hands over each message as it arrives: no waiting for a full batch
				Iterator<Message> fetched = subscription.iterate(options.batch(), Duration.ofMillis(500));
				while (fetched.hasNext()) {
					List<Message> arrived = new ArrayList<>();
					arrived.add(fetched.next());
					// what has arrived meanwhile is handled with it; nothing waits for more
					while (subscription.getPendingMessageCount() > 0 && fetched.hasNext()) {
						arrived.add(fetched.next());
					}
					if (!running) {
						return; // stopped hard: unacknowledged messages come back after ackWait
					}
					processAll(arrived);
				}
			} catch (RuntimeException e) {
				if (running) {
					LOG.warn("{} cannot fetch from {}: {}", component, source, e.getMessage());
					pause();
				}
			}
		}
	}

	/** Writes again what the Cache may have lost of the events acknowledged before this start ({@link CatchUp}). */
	private void catchUp() {
		for (int attempt = 1; running; attempt++) {
			try {
				new CatchUp(broker, component, source, handler).run(subscription.getConsumerInfo().getAckFloor().getStreamSequence());
				return;
			} catch (IOException | JetStreamApiException | RuntimeException e) {
				LOG.warn("{} cannot yet write again what its Cache may lack of {} (try {}): {}", component, source, attempt, e.getMessage());
				pause();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Handles messages in stream order. Consecutive events whose whole effect is a Cache write are written
	 * together; an event that appends follow-ups or runs a reaction is handled alone, after the ones before it.
	 */
	private void processAll(List<Message> messages) {
		List<Message> run = new ArrayList<>();
		List<Event> events = new ArrayList<>();
		List<Delivery> deliveries = new ArrayList<>();
		for (Message message : messages) {
			Event event;
			Delivery delivery;
			try {
				event = EventCodec.decode(message.getData());
				delivery = delivery(message);
			} catch (MalformedEventException | IllegalArgumentException e) {
				deadLetter(message, e.getMessage());
				continue;
			}
			boolean onlyWrites;
			try {
				onlyWrites = handler.onlyWrites(event, delivery);
			} catch (PoisonEvent e) {
				deadLetter(message, e.getMessage());
				continue;
			}
			if (onlyWrites) {
				run.add(message);
				events.add(event);
				deliveries.add(delivery);
			} else {
				writeAll(run, events, deliveries);
				process(message, event, delivery);
			}
		}
		writeAll(run, events, deliveries);
	}

	/** Writes a run of write-only events at once; if that fails, each is handled (and retried) on its own. */
	private void writeAll(List<Message> run, List<Event> events, List<Delivery> deliveries) {
		if (run.size() == 1) {
			process(run.get(0), events.get(0), deliveries.get(0));
		} else if (!run.isEmpty()) {
			try {
				handler.handleWrites(events, deliveries);
				writtenTogether.record(run.size());
				for (int i = 0; i < run.size(); i++) {
					handled(run.get(i), events.get(i), deliveries.get(i));
				}
			} catch (RuntimeException e) {
				LOG.debug("{} writes {} events of {} one by one: {}", component, run.size(), source, e.getMessage());
				for (int i = 0; i < run.size(); i++) {
					process(run.get(i), events.get(i), deliveries.get(i));
				}
			}
		}
		run.clear();
		events.clear();
		deliveries.clear();
	}

	private Delivery delivery(Message message) {
		return new Delivery(message.metaData().streamSequence(), source.equals(component) ? FollowUps.read(message.getHeaders()) : List.of(),
				message.metaData().timestamp().toInstant(), message.metaData().deliveredCount() == 1);
	}

	private void handled(Message message, Event event, Delivery delivery) {
		message.ack();
		applied.increment();
		delay.record(Duration.between(event.time(), java.time.Instant.now()));
		lastSequence.set(delivery.sequence());
	}

	private void process(Message message, Event event, Delivery delivery) {
		long deliveries = message.metaData().deliveredCount();
		boolean own = source.equals(component);
		try {
			if (own) {
				HandlingOwnEvent.start(delivery.sequence());
			}
			handler.handle(event, delivery);
			handled(message, event, delivery);
		} catch (PoisonEvent e) {
			deadLetter(message, e.getMessage());
		} catch (Exception e) {
			if (deliveries >= options.maxTries()) {
				deadLetter(message, e.getClass().getSimpleName() + ": " + e.getMessage());
			} else {
				LOG.info("{} will retry {} (try {} of {}): {}", component, event.type(), deliveries, options.maxTries(), e.getMessage());
				retried.increment();
				message.nakWithDelay(options.backoffFor(deliveries));
			}
		} finally {
			if (own) {
				HandlingOwnEvent.end();
			}
		}
	}

	private void deadLetter(Message message, String error) {
		try {
			deadLetters.add(message, source, error);
			message.term();
			deadLettered.increment();
			LOG.warn("{} moved {} #{} to its dead-letter stream: {}", component, source,
					message.metaData().streamSequence(), error);
		} catch (RuntimeException e) {
			LOG.warn("{} cannot dead-letter {} #{} yet: {}", component, source, message.metaData().streamSequence(), e.getMessage());
			message.nakWithDelay(options.backoff());
		}
	}

	/** Messages of the source stream this consumer has not yet acknowledged. */
	long pending() {
		try {
			var info = subscription.getConsumerInfo();
			return info.getNumPending() + info.getNumAckPending();
		} catch (IOException | JetStreamApiException | RuntimeException e) {
			return Long.MAX_VALUE;
		}
	}

	String source() {
		return source;
	}

	void stop() {
		running = false;
	}

	void unsubscribe() {
		try {
			if (subscription != null) {
				subscription.unsubscribe();
			}
		} catch (RuntimeException e) {
			// the connection may already be closed
		}
	}

	private void pause() {
		try {
			Thread.sleep(500);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}
}
