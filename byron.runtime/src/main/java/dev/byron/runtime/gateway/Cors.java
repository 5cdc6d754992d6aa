package dev.byron.runtime.gateway;

import java.io.IOException;
import java.util.List;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Cross-origin access for browser apps served from other origins ({@code gateway { corsOrigins: "..." }}): answers
 * preflights and marks answers for the origins listed ({@code *} for any). Other origins get no CORS headers, so
 * browsers keep them out; without the setting the gateway is same-origin only (GraphiQL is same-origin).
 */
public final class Cors extends Filter {
	private static final String ALLOWED_HEADERS = "Authorization, Content-Type, traceparent";

	private final List<String> origins;

	public Cors(List<String> origins) {
		this.origins = List.copyOf(origins);
	}

	public boolean allows(String origin) {
		return origins.contains("*") || origins.contains(origin);
	}

	@Override
	public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
		String origin = exchange.getRequestHeaders().getFirst("Origin");
		boolean preflight = "OPTIONS".equals(exchange.getRequestMethod());
		Headers headers = exchange.getResponseHeaders();
		headers.add("Vary", "Origin");
		if (origin == null || !allows(origin)) {
			if (preflight) {
				exchange.sendResponseHeaders(403, -1);
				exchange.close();
				return;
			}
			chain.doFilter(exchange);
			return;
		}
		headers.set("Access-Control-Allow-Origin", origin);
		if (preflight) {
			headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
			headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
			headers.set("Access-Control-Max-Age", "600");
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		chain.doFilter(exchange);
	}

	@Override
	public String description() {
		return "CORS for " + origins;
	}
}
