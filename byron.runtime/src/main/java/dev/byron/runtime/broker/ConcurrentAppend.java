package dev.byron.runtime.broker;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;

/** An append refused because the stream or the subject moved on since the sequence it expected was read. */
public final class ConcurrentAppend extends ByronException {
	private static final long serialVersionUID = 1L;

	ConcurrentAppend(String message, Throwable cause) {
		super(ErrorCode.CONFLICT, message, null, cause);
	}
}
