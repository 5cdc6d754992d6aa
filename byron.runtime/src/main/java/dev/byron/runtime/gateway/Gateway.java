package dev.byron.runtime.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.gateway.auth.AccessRules;
import dev.byron.runtime.gateway.auth.BearerAuthentication;
import dev.byron.runtime.gateway.auth.TokenVerifier;
import dev.byron.runtime.http.Exchange;
import dev.byron.runtime.http.GraphQLHandler;
import dev.byron.runtime.http.HttpHandler;
import dev.byron.runtime.http.ServerLimits;
import dev.byron.runtime.http.WebServer;

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

	private final WebServer server;
	private final GatewayExecutor executor;

	private Gateway(WebServer server, GatewayExecutor executor) {
		this.server = server;
		this.executor = executor;
	}

	private static Map<String, HttpHandler> routes(GatewayExecutor gateway, Map<String, HttpHandler> extra, GatewaySettings settings,
			BooleanSupplier ready) throws IOException {
		TokenVerifier verifier = settings.auth() == null ? null : new TokenVerifier(settings.auth(), settings.jwtSecret());
		Map<String, HttpHandler> handlers = new LinkedHashMap<>();
		HttpHandler graphql = new GraphQLHandler(gateway::execute, resource("/dev/byron/runtime/gateway/graphiql.html"),
				BearerAuthentication::callerOf);
		if (verifier != null) {
			graphql = new BearerAuthentication(verifier).before(graphql);
		}
		if (!settings.corsOrigins().isEmpty()) {
			graphql = new Cors(settings.corsOrigins()).before(graphql);
		}
		handlers.put("/graphql", graphql);
		handlers.put("/graphiql/", Gateway::asset);
		handlers.put("/health/live", exchange -> exchange.respond(200, "application/json", "{\"status\":\"UP\"}"));
		handlers.put("/health/ready", exchange -> {
			boolean up = ready.getAsBoolean();
			exchange.respond(up ? 200 : 503, "application/json", up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
		});
		extra.forEach((path, handler) -> {
			HttpHandler management = verifier == null ? handler : new BearerAuthentication(verifier, true).before(handler);
			handlers.put(path, new SameOriginOnly().before(management));
		});
		handlers.put("/", exchange -> {
			if ("/".equals(exchange.path())) {
				exchange.setHeader("Location", "/graphql");
				exchange.respond(302);
			} else {
				exchange.respond(404, "application/json",
						"{\"errors\":[{\"message\":\"Nothing here: GraphQL is at /graphql.\",\"extensions\":{\"code\":\"NOT_FOUND\"}}]}");
			}
		});
		if (settings.localHostsOnly()) {
			handlers.replaceAll((path, handler) -> new LocalHostsOnly().before(handler));
		}
		return handlers;
	}

	public static Gateway start(List<Route> routes, String host, int port) throws IOException {
		return start(routes, host, port, Map.of(), GatewaySettings.DEFAULT);
	}

	/**
	 * With request limits and authentication, and more handlers on the same server (e.g. the local run's component
	 * controls, which stay on loopback).
	 */
	public static Gateway start(List<Route> routes, String host, int port, Map<String, HttpHandler> extra,
			GatewaySettings settings) throws IOException {
		return start(routes, host, port, extra, settings, () -> true);
	}

	/** With {@code ready} answering {@code /health/ready} (a local run's broker being restarted, say). */
	public static Gateway start(List<Route> routes, String host, int port, Map<String, HttpHandler> extra,
			GatewaySettings settings, BooleanSupplier ready) throws IOException {
		GatewayExecutor executor = new GatewayExecutor(new GatewaySchema(routes), settings.timeout(), settings.limits(),
				new AccessRules(routes), settings.callerKey() == null ? null : GatewaySignature.withKey(settings.callerKey()));
		try {
			return new Gateway(WebServer.start(host, port, routes(executor, extra, settings, ready), ServerLimits.DEFAULT, "byron-gateway"),
					executor);
		} catch (IOException | RuntimeException e) {
			executor.close();
			throw e;
		}
	}

	public int port() {
		return server.port();
	}

	public String url() {
		return "http://127.0.0.1:" + port() + "/graphql";
	}

	private static void asset(Exchange exchange) throws IOException {
		String name = exchange.path().substring("/graphiql/".length());
		String path = ASSETS.get(name);
		if (path == null) {
			exchange.respond(404, "text/plain", "not found");
			return;
		}
		try (InputStream in = Gateway.class.getResourceAsStream(path)) {
			String type = name.endsWith(".css") ? "text/css" : "application/javascript";
			exchange.setHeader("Cache-Control", "max-age=86400");
			exchange.respond(200, type, in.readAllBytes());
		}
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = Gateway.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Override
	public void close() {
		server.close();
		executor.close();
	}
}
