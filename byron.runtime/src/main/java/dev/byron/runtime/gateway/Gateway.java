package dev.byron.runtime.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.byron.runtime.gateway.auth.AccessRules;
import dev.byron.runtime.gateway.auth.BearerAuthentication;
import dev.byron.runtime.gateway.auth.TokenVerifier;
import dev.byron.runtime.http.GraphQLHandler;

/**
 * The system's one GraphQL endpoint: {@code POST /graphql} answers with the union of the components'
 * schemas, {@code GET /graphql} serves GraphiQL for a browser, {@code /health/live} and {@code /health/ready}.
 */
public final class Gateway implements AutoCloseable {
	private static final Map<String, String> ASSETS = Map.of(
			"graphiql.min.js", "/META-INF/resources/webjars/graphiql/2.4.7/graphiql.min.js",
			"graphiql.min.css", "/META-INF/resources/webjars/graphiql/2.4.7/graphiql.min.css",
			"react.production.min.js", "/META-INF/resources/webjars/react/18.3.1/umd/react.production.min.js",
			"react-dom.production.min.js", "/META-INF/resources/webjars/react-dom/18.3.1/umd/react-dom.production.min.js");

	private final HttpServer server;
	private final ThreadPoolExecutor executor;

	private Gateway(List<Route> routes, String host, int port, Map<String, com.sun.net.httpserver.HttpHandler> extra,
			GatewaySettings settings, java.util.function.BooleanSupplier ready) throws IOException {
		GatewayExecutor gateway = new GatewayExecutor(new GatewaySchema(routes), settings.timeout(), settings.limits(),
				new AccessRules(routes));
		TokenVerifier verifier = settings.auth() == null ? null : new TokenVerifier(settings.auth(), settings.jwtSecret());
		server = HttpServer.create(new InetSocketAddress(host, port), 128);
		executor = new ThreadPoolExecutor(32, 32, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
			Thread thread = new Thread(r, "byron-gateway");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		HttpContext graphql = server.createContext("/graphql", new GraphQLHandler(gateway::execute,
				resource("/dev/byron/runtime/gateway/graphiql.html"), BearerAuthentication::callerOf));
		if (!settings.corsOrigins().isEmpty()) {
			graphql.getFilters().add(new Cors(settings.corsOrigins()));
		}
		if (verifier != null) {
			graphql.getFilters().add(new BearerAuthentication(verifier));
		}
		server.createContext("/graphiql/", this::asset);
		server.createContext("/health/live", exchange -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8)));
		server.createContext("/health/ready", exchange -> {
			boolean up = ready.getAsBoolean();
			send(exchange, up ? 200 : 503, "application/json", (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
					.getBytes(StandardCharsets.UTF_8));
		});
		extra.forEach((path, handler) -> {
			HttpContext management = server.createContext(path, handler);
			management.getFilters().add(new SameOriginOnly());
			if (verifier != null) {
				management.getFilters().add(new BearerAuthentication(verifier, true));
			}
		});
		server.createContext("/", exchange -> {
			exchange.getResponseHeaders().add("Location", "/graphql");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
	}

	public static Gateway start(List<Route> routes, String host, int port) throws IOException {
		return start(routes, host, port, Map.of(), GatewaySettings.DEFAULT);
	}

	/**
	 * With request limits and authentication, and more handlers on the same server (e.g. the local run's component
	 * controls, which stay on loopback).
	 */
	public static Gateway start(List<Route> routes, String host, int port, Map<String, com.sun.net.httpserver.HttpHandler> extra,
			GatewaySettings settings) throws IOException {
		return start(routes, host, port, extra, settings, () -> true);
	}

	/** With {@code ready} answering {@code /health/ready} (a local run's broker being restarted, say). */
	public static Gateway start(List<Route> routes, String host, int port, Map<String, com.sun.net.httpserver.HttpHandler> extra,
			GatewaySettings settings, java.util.function.BooleanSupplier ready) throws IOException {
		Gateway gateway = new Gateway(routes, host, port, extra, settings, ready);
		gateway.server.start();
		return gateway;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public String url() {
		return "http://127.0.0.1:" + port() + "/graphql";
	}

	private void asset(HttpExchange exchange) throws IOException {
		String name = exchange.getRequestURI().getPath().substring("/graphiql/".length());
		String path = ASSETS.get(name);
		if (path == null) {
			send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
			return;
		}
		try (InputStream in = Gateway.class.getResourceAsStream(path)) {
			String type = name.endsWith(".css") ? "text/css" : "application/javascript";
			exchange.getResponseHeaders().add("Cache-Control", "max-age=86400");
			send(exchange, 200, type, in.readAllBytes());
		}
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = Gateway.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
