package dev.byron.runtime.api;

/** A failure with the code a client sees; {@code field} names the input field at fault, if any. */
public class ByronException extends RuntimeException {
	private static final long serialVersionUID = 1L;
	private final ErrorCode code;
	private final String field;

	public ByronException(ErrorCode code, String message, String field, Throwable cause) {
		super(message, cause);
		this.code = code;
		this.field = field;
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
