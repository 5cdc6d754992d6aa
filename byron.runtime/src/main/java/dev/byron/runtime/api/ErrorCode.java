package dev.byron.runtime.api;

/** The codes clients find in {@code extensions.code} of a GraphQL error. */
public enum ErrorCode {
	/** The request or its input is invalid; {@code extensions.field} names the field when there is one. */
	VALIDATION,
	NOT_FOUND,
	/** A concurrent write won, or a {@code @unique} value is taken. Retrying with fresh data may succeed. */
	CONFLICT,
	/** A dependency (broker, cache, a component) is down or the service sheds load. Retry later. */
	UNAVAILABLE,
	UNAUTHENTICATED,
	FORBIDDEN,
	/** A bug: the message is generic, the details are in the service's log under the trace id. */
	INTERNAL
}
