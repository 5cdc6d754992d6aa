package dev.byron.deployer.local;

/** The system cannot start: the message says why and what to do. */
public class LocalRunException extends Exception {
	private static final long serialVersionUID = 1L;

	public LocalRunException(String message) {
		super(message);
	}

	public LocalRunException(String message, Throwable cause) {
		super(message, cause);
	}
}
