package dev.byron.deployer.local;

/** The system cannot start: the message says why and what to do. */
public class LocalRunException extends Exception {
	private static final long serialVersionUID = 1L;
	private final boolean inTheProject;

	public LocalRunException(String message) {
		this(message, null, false);
	}

	public LocalRunException(String message, Throwable cause) {
		this(message, cause, false);
	}

	private LocalRunException(String message, Throwable cause, boolean inTheProject) {
		super(message, cause);
		this.inTheProject = inTheProject;
	}

	static LocalRunException inTheProject(String message) {
		return new LocalRunException(message, null, true);
	}

	/** The model or its hooks are wrong (not the machine): the user fixes the project. */
	static LocalRunException inTheProject(String message, Throwable cause) {
		return new LocalRunException(message, cause, true);
	}

	public boolean inTheProject() {
		return inTheProject;
	}
}
