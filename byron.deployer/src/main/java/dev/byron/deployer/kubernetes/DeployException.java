package dev.byron.deployer.kubernetes;

/** A deployment that cannot start or cannot finish; the message says why and what to do. */
public class DeployException extends Exception {
	private static final long serialVersionUID = 1L;

	public DeployException(String message) {
		super(message);
	}

	public DeployException(String message, Throwable cause) {
		super(message, cause);
	}
}
