package dev.byron.runtime.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStreamApiException;

/**
 * A component's Sink: one durable consumer per source stream it needs (its own, and each component it
 * replicates or reacts to), each on its own thread.
 */
public final class Sink implements AutoCloseable {
	private final List<SourceConsumer> consumers = new ArrayList<>();
	private final ExecutorService threads;
	private final DeadLetters deadLetters;

	public Sink(ComponentDescriptor component, Broker broker, EventHandler handler, SinkOptions options, MeterRegistry meters) {
		this.deadLetters = new DeadLetters(broker, component.name(), handler);
		for (String source : component.sources()) {
			consumers.add(new SourceConsumer(broker, component.name(), source, handler, deadLetters, options, meters));
		}
		this.threads = Executors.newFixedThreadPool(consumers.size(), r -> {
			Thread thread = new Thread(r, "byron-sink-" + component.name());
			thread.setDaemon(true);
			return thread;
		});
		meters.gauge("byron.sink.pending", this, Sink::pending);
	}

	public Sink start() {
		for (SourceConsumer consumer : consumers) {
			try {
				dev.byron.runtime.broker.Broker.whileStarting(() -> {
					consumer.subscribe();
					return null;
				});
			} catch (IOException | JetStreamApiException e) {
				throw ByronException.unavailable("cannot subscribe to " + consumer.source() + ": " + e.getMessage(), e);
			}
			threads.submit(consumer);
		}
		return this;
	}

	public DeadLetters deadLetters() {
		return deadLetters;
	}

	/**
	 * Whether every source has started taking new events: false while one still writes again, on start, what the
	 * Cache may have lost; writes made meanwhile wait for their Sink, so the component is not ready for them.
	 */
	public boolean caughtUp() {
		return consumers.stream().allMatch(SourceConsumer::caughtUp);
	}

	/** Events not yet handled, over all sources. */
	public long pending() {
		long total = 0;
		for (SourceConsumer consumer : consumers) {
			long pending = consumer.pending();
			if (pending == Long.MAX_VALUE) {
				return Long.MAX_VALUE;
			}
			total += pending;
		}
		return total;
	}

	/** Stops at once, acknowledging nothing more: what was in flight is redelivered to the next Sink. */
	public void kill() {
		consumers.forEach(SourceConsumer::stop);
		threads.shutdownNow();
		consumers.forEach(SourceConsumer::unsubscribe);
	}

	@Override
	public void close() throws InterruptedException {
		consumers.forEach(SourceConsumer::stop);
		threads.shutdown();
		threads.awaitTermination(5, TimeUnit.SECONDS);
		consumers.forEach(SourceConsumer::unsubscribe);
	}
}
