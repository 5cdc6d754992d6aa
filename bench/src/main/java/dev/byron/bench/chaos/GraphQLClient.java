package dev.byron.bench.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests to the gateway over real HTTP, and what came back. */
final class GraphQLClient {
	private static final ObjectMapper JSON = new ObjectMapper();
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
	private final String url;

	GraphQLClient(String url) {
		this.url = url;
	}

	/** An answer: the HTTP status, the raw body, and the GraphQL response when the body is JSON. */
	record Answer(int status, String body, Map<String, Object> json) {
		@SuppressWarnings("unchecked")
		Map<String, Object> data(String field) {
			Object data = json == null ? null : json.get("data");
			return data instanceof Map<?, ?> map && map.get(field) instanceof Map<?, ?> value ? (Map<String, Object>) value : null;
		}

		@SuppressWarnings("unchecked")
		String code() {
			if (json == null || !(json.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
				return null;
			}
			Object extensions = ((Map<String, Object>) errors.get(0)).get("extensions");
			return extensions instanceof Map<?, ?> map ? String.valueOf(map.get("code")) : "NO_CODE";
		}
	}

	Answer execute(String query, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		try {
			return raw(JSON.writeValueAsString(body));
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	Answer raw(String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			Map<String, Object> json;
			try {
				json = JSON.readValue(response.body(), new TypeReference<>() {
				});
			} catch (java.io.IOException notJson) {
				json = null;
			}
			return new Answer(response.statusCode(), response.body(), json);
		} catch (java.io.IOException e) {
			return new Answer(-1, e.toString(), null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Answer(-1, "interrupted", null);
		}
	}

	int status(String healthUrl) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(healthUrl)).GET().build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
		} catch (Exception e) {
			return -1;
		}
	}
}
