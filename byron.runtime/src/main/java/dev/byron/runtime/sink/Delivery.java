package dev.byron.runtime.sink;

import java.time.Instant;
import java.util.List;

import dev.byron.runtime.event.Event;

/**
 * One event as the Sink received it: its place in its stream, the follow-up events it carries (only an own
 * command's append has any), when it was stored, and whether this is its first delivery to any Sink.
 */
public record Delivery(long sequence, List<Event> followUps, Instant storedAt, boolean first) {
	/** An event handed over without the broker's delivery details (a replay, a test). */
	public static Delivery of(long sequence) {
		return new Delivery(sequence, List.of(), Instant.EPOCH, false);
	}
}
