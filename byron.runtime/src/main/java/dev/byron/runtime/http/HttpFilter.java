package dev.byron.runtime.http;

import java.io.IOException;

/** Runs before a path's handler: answers itself (a refusal, a preflight) or passes the exchange on to {@code next}. */
@FunctionalInterface
public interface HttpFilter {
	void filter(Exchange exchange, HttpHandler next) throws IOException;

	/** {@code handler} behind this filter. */
	default HttpHandler before(HttpHandler handler) {
		return exchange -> filter(exchange, handler);
	}
}
