package dev.byron.runtime.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.api.GraphQLEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** A component's HTTP face: {@code POST /graphql}, {@code /health/live}, {@code /health/ready}, {@code /metrics}. */
public final class HttpApi implements AutoCloseable {
	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
	private final String host;
	private final int port;
	private WebServer server;

	/**
	 * @param signature the gateway's, which every GraphQL request must carry; null: the caller header is taken unsigned
	 *                  (a component embedded in a test, say)
	 */
	public HttpApi(String host, int port, GraphQLEndpoint graphQL, Health health, PrometheusMeterRegistry metrics,
			String component, GatewaySignature signature) {
		this.host = host;
		this.port = port;
		routes.put("/graphql", signature == null ? new GraphQLHandler(graphQL::execute, null, GraphQLHandler::forwardedCaller)
				: new GatewaySigned(signature, component).before(new GraphQLHandler(graphQL::execute, null, GatewaySigned::callerOf)));
		routes.put("/health/live", exchange -> GraphQLHandler.send(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
		routes.put("/health/ready", exchange -> {
			Map<String, Object> ready = health.ready();
			GraphQLHandler.send(exchange, "UP".equals(ready.get("status")) ? 200 : 503, "application/json", JSON.writeValueAsString(ready));
		});
		routes.put("/metrics", exchange -> GraphQLHandler.send(exchange, 200, "text/plain; version=0.0.4", metrics.scrape()));
	}

	public HttpApi start() throws IOException {
		server = WebServer.start(host, port, routes, ServerLimits.DEFAULT, "byron-http");
		return this;
	}

	public int port() {
		return server.port();
	}

	@Override
	public void close() {
		if (server != null) {
			server.close();
		}
	}
}
