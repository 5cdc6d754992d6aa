package dev.byron.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A GraphQL client over real HTTP, as a user's would be. */
public final class Http {
	private static final HttpClient CLIENT = HttpClient.newHttpClient();
	private static final ObjectMapper JSON = new ObjectMapper();

	public record Response(int status, Map<String, Object> body) {
		@SuppressWarnings("unchecked")
		public Map<String, Object> data() {
			return (Map<String, Object>) body.get("data");
		}

		@SuppressWarnings("unchecked")
		public List<Map<String, Object>> errors() {
			return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
		}

		@SuppressWarnings("unchecked")
		public String code() {
			return errors().isEmpty() ? null : (String) ((Map<String, Object>) errors().get(0).get("extensions")).get("code");
		}

		@SuppressWarnings("unchecked")
		public String field() {
			return errors().isEmpty() ? null : (String) ((Map<String, Object>) errors().get(0).get("extensions")).get("field");
		}

		@SuppressWarnings("unchecked")
		public Map<String, Object> object(String field) {
			return (Map<String, Object>) data().get(field);
		}
	}

	private Http() {
	}

	public static Response graphql(String url, String query, Map<String, Object> variables) {
		return post(url, Map.of("query", query, "variables", variables), null);
	}

	public static Response graphql(String url, String query, Map<String, Object> variables, Map<String, String> headers) {
		try {
			return rawWithHeaders(url, JSON.writeValueAsString(Map.of("query", query, "variables", variables)), headers);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public static Response post(String url, Object body, String traceparent) {
		try {
			return raw(url, JSON.writeValueAsString(body), traceparent);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public static Response raw(String url, String body, String traceparent) {
		return rawWithHeaders(url, body, traceparent == null ? Map.of() : Map.of("traceparent", traceparent));
	}

	public static Response rawWithHeaders(String url, String body, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body));
			headers.forEach(request::header);
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), JSON.readValue(response.body(), new TypeReference<>() {
			}));
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A POST with a JSON body and these headers, the answer as sent (status, headers, text). */
	public static HttpResponse<String> exchange(String url, String body, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body));
			headers.forEach(request::header);
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static HttpResponse<String> get(String url) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
