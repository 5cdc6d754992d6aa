package dev.byron.runtime.gateway.auth;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.GraphQLErrors;

/**
 * Lets a GraphQL request through only with a valid bearer token, and leaves the verified {@link Caller} on the
 * exchange. GraphiQL's page ({@code GET} without a query) stays open: the requests it sends, and a query sent as a
 * {@code GET}, need the token like any other.
 */
public final class BearerAuthentication extends Filter {
	public static final String CALLER = "byron.caller";
	private static final ObjectMapper JSON = new ObjectMapper();

	private final TokenVerifier verifier;
	private final boolean everyMethod;

	public BearerAuthentication(TokenVerifier verifier) {
		this(verifier, false);
	}

	/** With {@code everyMethod}, a GET needs the token too (management endpoints). */
	public BearerAuthentication(TokenVerifier verifier, boolean everyMethod) {
		this.verifier = verifier;
		this.everyMethod = everyMethod;
	}

	@Override
	public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
		if (!everyMethod && !"POST".equals(exchange.getRequestMethod())
				&& !dev.byron.runtime.http.GraphQLHandler.parameters(exchange.getRequestURI().getRawQuery()).containsKey("query")) {
			chain.doFilter(exchange);
			return;
		}
		try {
			exchange.setAttribute(CALLER, verifier.verify(exchange.getRequestHeaders().getFirst("Authorization")));
		} catch (AuthenticationFailed e) {
			if (e.httpStatus() == 401) {
				exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			}
			byte[] body = JSON.writeValueAsBytes(GraphQLErrors.response(e.code(), e.getMessage()));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(e.httpStatus(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			return;
		}
		chain.doFilter(exchange);
	}

	/** The caller a filter left on the exchange; anonymous where the gateway has no authentication. */
	public static Caller callerOf(HttpExchange exchange) {
		Object caller = exchange.getAttribute(CALLER);
		return caller instanceof Caller known ? known : Caller.ANONYMOUS;
	}

	@Override
	public String description() {
		return "Bearer token authentication (" + verifier.settings().issuer() + ")";
	}

}
