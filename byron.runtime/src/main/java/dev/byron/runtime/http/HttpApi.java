package dev.byron.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GraphQLEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The component's HTTP face: {@code POST /graphql}, {@code /health/live}, {@code /health/ready},
 * {@code /metrics}. Requests larger than {@link #MAX_BODY} bytes are refused before they are read.
 */
public final class HttpApi implements AutoCloseable {
	public static final int MAX_BODY = 1 << 20;
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final HttpServer server;
	private final ThreadPoolExecutor executor;

	static {
		// without TCP_NODELAY, a response written in two parts waits for the client's delayed ACK (~40 ms)
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	public HttpApi(String host, int port, GraphQLEndpoint graphQL, Health health, PrometheusMeterRegistry metrics)
			throws IOException {
		server = HttpServer.create(new InetSocketAddress(host, port), 128);
		executor = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(512), r -> {
			Thread thread = new Thread(r, "byron-http");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.createContext("/graphql", exchange -> graphql(exchange, graphQL));
		server.createContext("/health/live", exchange -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
		server.createContext("/health/ready", exchange -> {
			Map<String, Object> ready = health.ready();
			send(exchange, "UP".equals(ready.get("status")) ? 200 : 503, "application/json", JSON.writeValueAsString(ready));
		});
		server.createContext("/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4", metrics.scrape()));
	}

	public HttpApi start() {
		server.start();
		return this;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	private static void graphql(HttpExchange exchange, GraphQLEndpoint graphQL) throws IOException {
		try {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().add("Allow", "POST");
				send(exchange, 405, "application/json", JSON.writeValueAsString(GraphQLEndpointErrors.of(ErrorCode.VALIDATION,
						"Send GraphQL requests as POST with a JSON body {\"query\": ..., \"variables\": ...}.")));
				return;
			}
			String length = exchange.getRequestHeaders().getFirst("Content-Length");
			if (length != null && parse(length) > MAX_BODY) {
				discard(exchange.getRequestBody());
				send(exchange, 413, "application/json", JSON.writeValueAsString(GraphQLEndpointErrors.of(ErrorCode.VALIDATION,
						"The request is larger than " + MAX_BODY + " bytes.")));
				return;
			}
			byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY);
			if (body == null) {
				discard(exchange.getRequestBody());
				send(exchange, 413, "application/json", JSON.writeValueAsString(GraphQLEndpointErrors.of(ErrorCode.VALIDATION,
						"The request is larger than " + MAX_BODY + " bytes.")));
				return;
			}
			Map<String, Object> request;
			try {
				request = JSON.readValue(body, MAP);
			} catch (JsonProcessingException e) {
				send(exchange, 400, "application/json", JSON.writeValueAsString(GraphQLEndpointErrors.of(ErrorCode.VALIDATION,
						"The body is not JSON: " + e.getOriginalMessage())));
				return;
			}
			Object query = request.get("query");
			Object variables = request.get("variables");
			Object operation = request.get("operationName");
			if (!(query instanceof String) || variables != null && !(variables instanceof Map)
					|| operation != null && !(operation instanceof String)) {
				send(exchange, 400, "application/json", JSON.writeValueAsString(GraphQLEndpointErrors.of(ErrorCode.VALIDATION,
						"Expected {\"query\": string, \"variables\": object, \"operationName\": string}.")));
				return;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> result = graphQL.execute((String) query, (Map<String, Object>) variables, (String) operation,
					exchange.getRequestHeaders().getFirst("traceparent"));
			send(exchange, 200, "application/json", JSON.writeValueAsString(result));
		} catch (RuntimeException e) {
			send(exchange, 500, "application/json",
					JSON.writeValueAsString(GraphQLEndpointErrors.of(ErrorCode.INTERNAL, "Internal error.")));
		}
	}

	private static long parse(String number) {
		try {
			return Long.parseLong(number.trim());
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	/** Reads what the client still sends (up to a bound) so that it receives the refusal instead of a reset. */
	private static void discard(InputStream in) throws IOException {
		long left = 64L * MAX_BODY;
		byte[] buffer = new byte[8192];
		int read;
		while (left > 0 && (read = in.read(buffer)) > 0) {
			left -= read;
		}
	}

	private static byte[] readAtMost(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		return bytes.length > limit ? null : bytes;
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	/** Error bodies in the GraphQL response shape, for failures before execution. */
	static final class GraphQLEndpointErrors {
		static Map<String, Object> of(ErrorCode code, String message) {
			return Map.of("errors", java.util.List.of(Map.of("message", message, "extensions", Map.of("code", code.name()))));
		}
	}
}
