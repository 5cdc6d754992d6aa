package dev.byron.runtime.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GraphQLErrors;

/**
 * Refuses requests a browser sends on behalf of a page of another origin (its {@code Origin} header names
 * another host, or {@code null}): a page the developer opens cannot stop the local run's components. Tools
 * such as curl send no {@code Origin} and pass.
 */
final class SameOriginOnly extends Filter {
	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
		String origin = exchange.getRequestHeaders().getFirst("Origin");
		if (origin != null && !sameOrigin(origin, exchange.getRequestHeaders().getFirst("Host"))) {
			byte[] body = JSON.writeValueAsBytes(GraphQLErrors.response(ErrorCode.FORBIDDEN,
					"Management requests are not accepted from web pages of another origin."));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(403, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			return;
		}
		chain.doFilter(exchange);
	}

	static boolean sameOrigin(String origin, String host) {
		if (host == null || "null".equals(origin)) {
			return false;
		}
		try {
			URI uri = URI.create(origin);
			String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
			return authority != null && authority.equalsIgnoreCase(host);
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	@Override
	public String description() {
		return "Same-origin requests only";
	}
}
