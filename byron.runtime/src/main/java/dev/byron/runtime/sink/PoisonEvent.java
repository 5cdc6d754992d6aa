package dev.byron.runtime.sink;

/** An event that does not fit its descriptor: it goes to the dead-letter stream at once, untried. */
public final class PoisonEvent extends RuntimeException {
	private static final long serialVersionUID = 1L;

	PoisonEvent(String reason) {
		super(reason, null, false, false);
	}
}
