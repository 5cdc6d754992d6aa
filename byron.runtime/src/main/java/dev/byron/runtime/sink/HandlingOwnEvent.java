package dev.byron.runtime.sink;

import java.util.OptionalLong;

/**
 * The event of its component's own stream that this Sink thread is handling, if any. A command that the
 * event's reaction runs cannot wait for the Sink to acknowledge that event, nor the ones after it: it waits
 * for those before it.
 */
public final class HandlingOwnEvent {
	private static final ThreadLocal<Long> SEQUENCE = new ThreadLocal<>();

	private HandlingOwnEvent() {
	}

	static void start(long sequence) {
		SEQUENCE.set(sequence);
	}

	static void end() {
		SEQUENCE.remove();
	}

	public static OptionalLong current() {
		Long sequence = SEQUENCE.get();
		return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
	}
}
