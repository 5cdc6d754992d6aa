package dev.byron.runtime.sink;

import java.time.Duration;

/**
 * How a Sink consumes: {@code maxInFlight} un-acknowledged messages at most per source, {@code batch}
 * messages per fetch, {@code maxTries} deliveries before an event goes to the dead-letter stream, retries
 * {@code backoff} × 2^(try-1) apart, {@code ackWait} before an unacknowledged message is redelivered.
 * {@code catchUpOnStart}: for a Cache whose store may lose writes the Sink has acknowledged (the embedded store of
 * {@code byron run} commits to its file in the background), the Sink first writes again, from the stream, what
 * the Cache may lack ({@link CatchUp}).
 */
public record SinkOptions(int batch, int maxInFlight, int maxTries, Duration backoff, Duration ackWait, boolean catchUpOnStart) {
	public static final SinkOptions DEFAULT = new SinkOptions(64, 256, 5, Duration.ofMillis(200), Duration.ofSeconds(30));

	public SinkOptions(int batch, int maxInFlight, int maxTries, Duration backoff, Duration ackWait) {
		this(batch, maxInFlight, maxTries, backoff, ackWait, false);
	}

	public SinkOptions catchingUpOnStart() {
		return new SinkOptions(batch, maxInFlight, maxTries, backoff, ackWait, true);
	}

	public Duration backoffFor(long delivery) {
		long factor = 1L << Math.min(10, Math.max(0, delivery - 1));
		return backoff.multipliedBy(factor);
	}
}
