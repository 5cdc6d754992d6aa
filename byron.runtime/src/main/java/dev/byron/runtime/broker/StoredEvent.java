package dev.byron.runtime.broker;

import dev.byron.runtime.event.Event;

/** An event as stored on its stream, with the stream sequence the append gave it. */
public record StoredEvent(Event event, long sequence) {
}
