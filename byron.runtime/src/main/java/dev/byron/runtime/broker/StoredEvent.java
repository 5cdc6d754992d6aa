package dev.byron.runtime.broker;

import dev.byron.runtime.event.Event;

/**
 * An event as stored on its stream, with the stream sequence the append gave it, and the sequence of the last
 * message on its subject ({@code headSequence}), which an append to the subject must expect: the same, unless
 * messages that are not events of the model came after it.
 */
public record StoredEvent(Event event, long sequence, long headSequence) {
	public StoredEvent(Event event, long sequence) {
		this(event, sequence, sequence);
	}
}
