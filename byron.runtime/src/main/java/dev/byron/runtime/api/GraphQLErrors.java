package dev.byron.runtime.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GraphQL errors as components and the gateway answer them: always with {@code extensions.code}. */
public final class GraphQLErrors {
	private GraphQLErrors() {
	}

	/** One error; {@code path} may be null. */
	public static Map<String, Object> error(String message, ErrorCode code, List<Object> path) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		if (path != null) {
			error.put("path", path);
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		error.put("extensions", extensions);
		return error;
	}

	/** A response that is only this error. */
	public static Map<String, Object> response(ErrorCode code, String message) {
		return Map.of("errors", List.of(error(message, code, null)));
	}

	/**
	 * A copy of an error with a code: errors graphql-java raises itself (syntax, unknown fields, wrong types)
	 * get VALIDATION, and its own classification is dropped.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> withCode(Object error) {
		Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) error);
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (copy.get("extensions") instanceof Map<?, ?> existing) {
			extensions.putAll((Map<String, Object>) existing);
		}
		extensions.putIfAbsent("code", ErrorCode.VALIDATION.name());
		extensions.remove("classification");
		copy.put("extensions", extensions);
		return copy;
	}
}
