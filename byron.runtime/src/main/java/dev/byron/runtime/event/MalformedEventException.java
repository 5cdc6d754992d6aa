package dev.byron.runtime.event;

/** A message on a Byron stream that cannot be read as an event; it goes to the dead-letter stream. */
public class MalformedEventException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}
}
