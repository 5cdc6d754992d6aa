package dev.byron.runtime.http;

import java.util.Map;

import dev.byron.runtime.api.Caller;

/** One GraphQL request as it arrived: the document, its variables, the operation to run, the trace and the caller. */
public record GraphQLRequest(String query, Map<String, Object> variables, String operationName, String traceparent,
		Caller caller) {
	public GraphQLRequest {
		caller = caller == null ? Caller.ANONYMOUS : caller;
	}
}
