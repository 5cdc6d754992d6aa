package dev.byron.runtime.sink;

import java.time.Duration;

/**
 * How a Sink consumes: {@code maxInFlight} un-acknowledged messages at most per source, {@code batch}
 * messages per fetch, {@code maxTries} deliveries before an event goes to the dead-letter stream, retries
 * {@code backoff} × 2^(try-1) apart, {@code ackWait} before an unacknowledged message is redelivered.
 */
public record SinkOptions(int batch, int maxInFlight, int maxTries, Duration backoff, Duration ackWait) {
	public static final SinkOptions DEFAULT = new SinkOptions(64, 256, 5, Duration.ofMillis(200), Duration.ofSeconds(30));

	public Duration backoffFor(long delivery) {
		long factor = 1L << Math.min(10, Math.max(0, delivery - 1));
		return backoff.multipliedBy(factor);
	}
}
