package dev.byron.dsl.api;

/** The model could not be read at all (no such path, no .byron file, unreadable file). */
public class ModelLoadException extends Exception {
	private static final long serialVersionUID = 1L;

	public ModelLoadException(String message, Throwable cause) {
		super(message, cause);
	}

	public ModelLoadException(String message) {
		super(message);
	}
}
