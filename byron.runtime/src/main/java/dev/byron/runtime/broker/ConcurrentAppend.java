package dev.byron.runtime.broker;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;

/** An append refused because the stream or the subject moved on since the sequence it expected was read. */
public final class ConcurrentAppend extends ByronException {
	private static final long serialVersionUID = 1L;

	private final boolean chainBroken;

	ConcurrentAppend(String message, Throwable cause) {
		this(message, cause, false);
	}

	ConcurrentAppend(String message, Throwable cause, boolean chainBroken) {
		super(ErrorCode.CONFLICT, message, null, cause);
		this.chainBroken = chainBroken;
	}

	/** Whether the append was chained to a message that is not the stream's last (it failed, or another writer came between). */
	public boolean chainBroken() {
		return chainBroken;
	}
}
