package dev.byron.runtime.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.byron.runtime.api.GraphQLEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** A component's HTTP face: {@code POST /graphql}, {@code /health/live}, {@code /health/ready}, {@code /metrics}. */
public final class HttpApi implements AutoCloseable {
	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;
	private final ThreadPoolExecutor executor;

	public HttpApi(String host, int port, GraphQLEndpoint graphQL, Health health, PrometheusMeterRegistry metrics)
			throws IOException {
		server = HttpServer.create(new InetSocketAddress(host, port), 128);
		executor = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(512), r -> {
			Thread thread = new Thread(r, "byron-http");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.createContext("/graphql", new GraphQLHandler(graphQL::execute, null, GraphQLHandler::forwardedCaller));
		server.createContext("/health/live", exchange -> GraphQLHandler.send(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
		server.createContext("/health/ready", exchange -> {
			Map<String, Object> ready = health.ready();
			GraphQLHandler.send(exchange, "UP".equals(ready.get("status")) ? 200 : 503, "application/json", JSON.writeValueAsString(ready));
		});
		server.createContext("/metrics", exchange -> GraphQLHandler.send(exchange, 200, "text/plain; version=0.0.4", metrics.scrape()));
	}

	public HttpApi start() {
		server.start();
		return this;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
