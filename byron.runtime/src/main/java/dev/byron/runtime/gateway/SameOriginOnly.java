package dev.byron.runtime.gateway;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GraphQLErrors;
import dev.byron.runtime.http.Exchange;
import dev.byron.runtime.http.HttpFilter;
import dev.byron.runtime.http.HttpHandler;

/**
 * Refuses requests a browser sends on behalf of a page of another origin (its {@code Origin} header names
 * another host, or {@code null}): a page the developer opens cannot stop the local run's components. Tools
 * such as curl send no {@code Origin} and pass.
 */
final class SameOriginOnly implements HttpFilter {
	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void filter(Exchange exchange, HttpHandler next) throws IOException {
		String origin = exchange.header("Origin");
		if (origin != null && !sameOrigin(origin, exchange.authority())) {
			exchange.respond(403, "application/json", JSON.writeValueAsBytes(GraphQLErrors.response(ErrorCode.FORBIDDEN,
					"Management requests are not accepted from web pages of another origin.")));
			return;
		}
		next.handle(exchange);
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
}
