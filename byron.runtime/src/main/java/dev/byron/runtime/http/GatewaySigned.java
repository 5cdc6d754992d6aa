package dev.byron.runtime.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.api.GraphQLErrors;

/**
 * At a component: lets a request through only with the gateway's signature for this component, and leaves the
 * caller it names on the exchange; anything else is refused 401 before the component reads or writes anything.
 */
public final class GatewaySigned implements HttpFilter {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String CALLER = "byron.signed-caller";

	private final GatewaySignature signature;
	private final String component;

	public GatewaySigned(GatewaySignature signature, String component) {
		this.signature = signature;
		this.component = component;
	}

	@Override
	public void filter(Exchange exchange, HttpHandler next) throws IOException {
		try {
			exchange.attribute(CALLER, signature.verify(exchange.header(Caller.HEADER), component));
		} catch (GatewaySignature.Refused e) {
			exchange.setHeader("WWW-Authenticate", "Byron-Gateway");
			exchange.respond(401, "application/json",
					JSON.writeValueAsBytes(GraphQLErrors.response(ErrorCode.UNAUTHENTICATED, e.getMessage())));
			return;
		}
		next.handle(exchange);
	}

	/** The caller this filter verified. */
	public static Caller callerOf(Exchange exchange) {
		return exchange.attribute(CALLER) instanceof Caller caller ? caller : Caller.ANONYMOUS;
	}
}
