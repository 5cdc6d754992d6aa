package dev.byron.runtime.gateway;

import java.io.IOException;
import java.util.List;

import dev.byron.runtime.http.Exchange;
import dev.byron.runtime.http.HttpFilter;
import dev.byron.runtime.http.HttpHandler;

/**
 * Cross-origin access for browser apps served from other origins ({@code gateway { corsOrigins: "..." }}): answers
 * preflights and marks answers for the origins listed ({@code *} for any). Other origins get no CORS headers, so
 * browsers keep them out; without the setting the gateway is same-origin only (GraphiQL is same-origin).
 */
public final class Cors implements HttpFilter {
	private static final String ALLOWED_HEADERS = "Authorization, Content-Type, traceparent, Idempotency-Key";

	private final List<String> origins;

	public Cors(List<String> origins) {
		this.origins = List.copyOf(origins);
	}

	public boolean allows(String origin) {
		return origins.contains("*") || origins.contains(origin);
	}

	@Override
	public void filter(Exchange exchange, HttpHandler next) throws IOException {
		String origin = exchange.header("Origin");
		boolean preflight = "OPTIONS".equals(exchange.method());
		exchange.addHeader("Vary", "Origin");
		if (origin == null || !allows(origin)) {
			if (preflight) {
				exchange.respond(403);
				return;
			}
			next.handle(exchange);
			return;
		}
		exchange.setHeader("Access-Control-Allow-Origin", origin);
		if (preflight) {
			exchange.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
			exchange.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
			exchange.setHeader("Access-Control-Max-Age", "600");
			exchange.respond(204);
			return;
		}
		next.handle(exchange);
	}
}
