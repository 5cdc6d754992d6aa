package dev.byron.runtime.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The media type of a GraphQL answer, chosen from the client's {@code Accept} as the GraphQL over HTTP specification
 * asks. {@code application/graphql-response+json} speaks in status codes too: an answer without {@code data} (the
 * request was not executed) is a 4xx or 5xx; {@code application/json}, the default, is always 200 for an answer the
 * executor gave, since older clients read the body only.
 */
public enum GraphQLMediaType {
	JSON("application/json"), GRAPHQL_RESPONSE("application/graphql-response+json");

	private final String type;

	GraphQLMediaType(String type) {
		this.type = type;
	}

	public String contentType() {
		return type + "; charset=utf-8";
	}

	/**
	 * The client's preferred type of the two, by quality value and then by the order given; JSON when the client
	 * says nothing or takes anything; null when it accepts neither (the answer is then 406).
	 */
	public static GraphQLMediaType accepted(String accept) {
		if (accept == null || accept.isBlank()) {
			return JSON;
		}
		GraphQLMediaType best = null;
		double bestQuality = 0;
		for (String range : accept.split(",")) {
			String[] parts = range.split(";");
			String name = parts[0].trim().toLowerCase(Locale.ROOT);
			double quality = quality(parts);
			GraphQLMediaType candidate = switch (name) {
				case "application/graphql-response+json" -> GRAPHQL_RESPONSE;
				case "application/json", "application/*", "*/*" -> JSON;
				default -> null;
			};
			if (candidate != null && quality > bestQuality) {
				best = candidate;
				bestQuality = quality;
			}
		}
		return best;
	}

	/** The HTTP status of an answer the executor gave, in this type. */
	public int status(Map<String, Object> answer) {
		if (this == JSON || answer.containsKey("data")) {
			return 200;
		}
		Object code = answer.get("errors") instanceof List<?> errors && !errors.isEmpty() && errors.get(0) instanceof Map<?, ?> first
				&& first.get("extensions") instanceof Map<?, ?> extensions ? extensions.get("code") : null;
		return switch (String.valueOf(code)) {
			case "UNAUTHENTICATED" -> 401;
			case "FORBIDDEN" -> 403;
			case "UNAVAILABLE" -> 503;
			case "INTERNAL" -> 500;
			default -> 400;
		};
	}

	private static double quality(String[] parameters) {
		for (int i = 1; i < parameters.length; i++) {
			String parameter = parameters[i].trim();
			if (parameter.startsWith("q=")) {
				try {
					return Double.parseDouble(parameter.substring(2));
				} catch (NumberFormatException e) {
					return 0;
				}
			}
		}
		return 1;
	}
}
