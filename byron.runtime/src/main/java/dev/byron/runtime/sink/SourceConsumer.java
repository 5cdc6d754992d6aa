package dev.byron.runtime.sink;

import java.io.IOException;
import java.time.Duration;
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
	private final AtomicLong lastSequence = new AtomicLong();
	private volatile boolean running = true;
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
		this.deadLettered = Counter.builder("byron.sink.events").tag("source", source).tag("result", "dead-lettered")
				.register(meters);
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
		while (running) {
			try {
				// iterate hands over each message as it arrives: no waiting for a full batch
				Iterator<Message> batch = subscription.iterate(options.batch(), Duration.ofMillis(500));
				while (batch.hasNext()) {
					Message message = batch.next();
					if (!running) {
						return; // stopped hard: unacknowledged messages come back after ackWait
					}
					process(message);
				}
			} catch (RuntimeException e) {
				if (running) {
					LOG.warn("{} cannot fetch from {}: {}", component, source, e.getMessage());
					pause();
				}
			}
		}
	}

	private void process(Message message) {
		long sequence = message.metaData().streamSequence();
		long deliveries = message.metaData().deliveredCount();
		Event event;
		boolean own = source.equals(component);
		Delivery delivery;
		try {
			event = EventCodec.decode(message.getData());
			delivery = new Delivery(sequence, own ? FollowUps.read(message.getHeaders()) : List.of(),
					message.metaData().timestamp().toInstant(), deliveries == 1);
		} catch (MalformedEventException | IllegalArgumentException e) {
			deadLetter(message, e.getMessage());
			return;
		}
		try {
			if (own) {
				HandlingOwnEvent.start(sequence);
			}
			handler.handle(event, delivery);
			message.ack();
			applied.increment();
			delay.record(Duration.between(event.time(), java.time.Instant.now()));
			lastSequence.set(sequence);
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
