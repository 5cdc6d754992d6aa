package dev.byron.runtime.gateway.auth;

import dev.byron.runtime.api.ErrorCode;

/**
 * A request the gateway cannot authenticate: {@code UNAUTHENTICATED} (HTTP 401) for a missing or invalid token,
 * {@code UNAVAILABLE} (HTTP 503) when the issuer's keys cannot be read. The message says what to do.
 */
public final class AuthenticationFailed extends Exception {
	private static final long serialVersionUID = 1L;
	private final ErrorCode code;

	public AuthenticationFailed(String message) {
		this(ErrorCode.UNAUTHENTICATED, message);
	}

	public AuthenticationFailed(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}

	public int httpStatus() {
		return code == ErrorCode.UNAUTHENTICATED ? 401 : 503;
	}
}
