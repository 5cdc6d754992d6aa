package dev.byron.runtime.gateway;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GraphQLErrors;
import dev.byron.runtime.http.Exchange;
import dev.byron.runtime.http.HttpFilter;
import dev.byron.runtime.http.HttpHandler;

/**
 * The local run answers only requests addressed to this machine by a local name. A page on another site can point
 * its own name at 127.0.0.1 (DNS rebinding) and then send requests that the browser treats as same-origin; they
 * carry that name in {@code Host} and are refused here.
 */
final class LocalHostsOnly implements HttpFilter {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	@Override
	public void filter(Exchange exchange, HttpHandler next) throws IOException {
		if (!local(exchange.authority())) {
			exchange.respond(403, "application/json", JSON.writeValueAsBytes(GraphQLErrors.response(ErrorCode.FORBIDDEN,
					"byron run answers requests addressed to localhost or 127.0.0.1 only.")));
			return;
		}
		next.handle(exchange);
	}

	static boolean local(String authority) {
		if (authority == null || authority.isEmpty()) {
			return false;
		}
		String host = authority.toLowerCase(Locale.ROOT);
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			host = end < 0 ? host : host.substring(0, end + 1);
		} else if (host.indexOf(':') >= 0) {
			host = host.substring(0, host.indexOf(':'));
		}
		return LOCAL.contains(host);
	}
}
