package dev.byron.runtime.http;

import java.util.Map;

import dev.byron.runtime.api.Caller;

/**
 * One GraphQL request as it arrived: the document, its variables, the operation to run, the trace, the caller, and
 * the {@code Idempotency-Key} that makes its mutations safe to send again (null without one).
 */
public record GraphQLRequest(String query, Map<String, Object> variables, String operationName, String traceparent,
		Caller caller, String idempotencyKey) {
	/** The header a client sends its key in (IETF draft-ietf-httpapi-idempotency-key-header). */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	public GraphQLRequest {
		caller = caller == null ? Caller.ANONYMOUS : caller;
	}

	public GraphQLRequest(String query, Map<String, Object> variables, String operationName, String traceparent, Caller caller) {
		this(query, variables, operationName, traceparent, caller, null);
	}

	/** Why a request with a custom mutation and an Idempotency-Key is refused whole, and what to do instead. */
	public static String customMutationKeyed(String name) {
		return "An Idempotency-Key makes a create, update or delete safe to send again; " + name + " is a custom mutation,"
				+ " whose resolver alone can say what running it twice does, so nothing of the request was run. Send " + name
				+ " in a request of its own without the key; to make it safe to send again, give it an argument the client"
				+ " chooses (a request id) that its resolver looks for first.";
	}

	/** The longest key accepted: a UUID takes 36 characters; the draft leaves the length to the server. */
	public static final int MAX_KEY = 255;

	/**
	 * The key an {@code Idempotency-Key} header holds: the header as sent, or the string inside the quotes of the
	 * draft's structured-field form ({@code "8e03978e-..."}).
	 *
	 * @throws IllegalArgumentException saying what a key may be, when the header holds none
	 */
	public static String idempotencyKey(String header) {
		String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
				? header.substring(1, header.length() - 1) : header;
		boolean printable = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\');
		if (key.isBlank() || key.length() > MAX_KEY || !printable) {
			throw new IllegalArgumentException("The Idempotency-Key header must hold 1 to " + MAX_KEY + " printable ASCII"
					+ " characters (a UUID, for instance), the same each time the same request is sent again.");
		}
		return key;
	}
}
