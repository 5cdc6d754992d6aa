package dev.byron.runtime.api;

/**
 * A failure with the code a client sees; {@code field} names the input field at fault, if any. Failures found
 * together (every invalid field of one input) travel as one, the first with the others beside it, and the client
 * gets an error for each.
 */
public class ByronException extends RuntimeException {
	private static final long serialVersionUID = 1L;
	private final ErrorCode code;
	private final String field;
	private final java.util.List<ByronException> others;

	public ByronException(ErrorCode code, String message, String field, Throwable cause) {
		this(code, message, field, cause, java.util.List.of());
	}

	private ByronException(ErrorCode code, String message, String field, Throwable cause, java.util.List<ByronException> others) {
		super(message, cause);
		this.code = code;
		this.field = field;
		this.others = java.util.List.copyOf(others);
	}

	/** One failure standing for all of {@code found} (at least one), in their order. */
	public static ByronException all(java.util.List<ByronException> found) {
		ByronException first = found.get(0);
		return found.size() == 1 ? first
				: new ByronException(first.code, first.getMessage(), first.field, first.getCause(), found.subList(1, found.size()));
	}

	/** The failures found together with this one. */
	public java.util.List<ByronException> others() {
		return others;
	}

	public ByronException(ErrorCode code, String message) {
		this(code, message, null, null);
	}

	public static ByronException validation(String field, String message) {
		return new ByronException(ErrorCode.VALIDATION, message, field, null);
	}

	public static ByronException unavailable(String message, Throwable cause) {
		return new ByronException(ErrorCode.UNAVAILABLE, message, null, cause);
	}

	public ErrorCode code() {
		return code;
	}

	public String field() {
		return field;
	}
}
