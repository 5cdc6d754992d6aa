package dev.byron.runtime.gateway.auth;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.GraphQLErrors;
import dev.byron.runtime.http.Exchange;
import dev.byron.runtime.http.GraphQLHandler;
import dev.byron.runtime.http.HttpFilter;
import dev.byron.runtime.http.HttpHandler;

/**
 * Lets a GraphQL request through only with a valid bearer token, and leaves the verified {@link Caller} on the
 * exchange. GraphiQL's page (a {@code GET} from a browser, with or without {@code ?query=}) stays open: the requests it
 * sends, and a query sent as a {@code GET} by a client that wants JSON, need the token like any other.
 */
public final class BearerAuthentication implements HttpFilter {
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
	public void filter(Exchange exchange, HttpHandler next) throws IOException {
		if (!everyMethod && !"POST".equals(exchange.method())
				&& (!GraphQLHandler.parameters(exchange.rawQuery()).containsKey("query") || GraphQLHandler.wantsPage(exchange))) {
			next.handle(exchange);
			return;
		}
		try {
			exchange.attribute(CALLER, verifier.verify(exchange.header("Authorization")));
		} catch (AuthenticationFailed e) {
			if (e.httpStatus() == 401) {
				exchange.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			}
			exchange.respond(e.httpStatus(), "application/json", JSON.writeValueAsBytes(GraphQLErrors.response(e.code(), e.getMessage())));
			return;
		}
		next.handle(exchange);
	}

	/** The caller a filter left on the exchange; anonymous where the gateway has no authentication. */
	public static Caller callerOf(Exchange exchange) {
		Object caller = exchange.attribute(CALLER);
		return caller instanceof Caller known ? known : Caller.ANONYMOUS;
	}
}
