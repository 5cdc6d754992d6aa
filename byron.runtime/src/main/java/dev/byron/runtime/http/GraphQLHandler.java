package dev.byron.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GraphQLErrors;

/**
 * {@code POST /graphql} for components and the gateway alike: a JSON body of at most {@link #MAX_BODY}
 * bytes with {@code query}, {@code variables} and {@code operationName}; the answer is the GraphQL response.
 * {@code GET ?query=...} runs queries (never mutations) for clients that ask for JSON; where there is GraphiQL, a
 * browser ({@code Accept: text/html}) gets its page, the editor filled from {@code ?query=}.
 */
public final class GraphQLHandler implements HttpHandler {
	public static final int MAX_BODY = ServerLimits.DEFAULT.maxBodyBytes();
	/** Strict where parsers differ: a key given twice or text after the object is an error, not a choice made for the client. */
	private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GraphQLHandler.class);
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** Executes one GraphQL request. */
	@FunctionalInterface
	public interface Executor {
		Map<String, Object> execute(GraphQLRequest request);
	}

	private final Executor executor;
	private final String graphiql;
	private final Function<Exchange, Caller> callers;

	/**
	 * @param callers who sent an exchange: the gateway's verified token, or at a component the caller the gateway
	 *                passed on
	 */
	public GraphQLHandler(Executor executor, String graphiqlHtml, Function<Exchange, Caller> callers) {
		this.executor = executor;
		this.graphiql = graphiqlHtml;
		this.callers = callers;
	}

	/** The caller a component's request comes from: the one the gateway passed on in {@link Caller#HEADER}. */
	public static Caller forwardedCaller(Exchange exchange) {
		return Caller.fromHeader(exchange.header(Caller.HEADER));
	}

	@Override
	public void handle(Exchange exchange) throws IOException {
		GraphQLMediaType type = GraphQLMediaType.accepted(exchange.header("Accept"));
		try {
			if ("GET".equals(exchange.method())) {
				Map<String, String> parameters = parameters(exchange.rawQuery());
				String accept = exchange.header("Accept");
				boolean browser = wantsPage(exchange);
				if (parameters.containsKey("query") && !(browser && graphiql != null)) {
					if (type == null) {
						notAcceptable(exchange);
						return;
					}
					get(exchange, parameters, type);
					return;
				}
				if (graphiql != null && acceptsHtml(accept)) { // a browser opening GraphiQL, its editor filled from ?query=
					send(exchange, 200, "text/html; charset=utf-8", graphiql);
					return;
				}
			}
			if (!"POST".equals(exchange.method())) {
				exchange.addHeader("Allow", "POST");
				refuse(exchange, type, 405, "Send GraphQL requests as POST with a JSON body {\"query\": ..., \"variables\": ...}.");
				return;
			}
			if (type == null) {
				discard(exchange.body());
				notAcceptable(exchange);
				return;
			}
			if (exchange.headerCount(GraphQLRequest.IDEMPOTENCY_KEY) > 1) {
				discard(exchange.body());
				refuse(exchange, type, 400, "The request has " + exchange.headerCount(GraphQLRequest.IDEMPOTENCY_KEY)
						+ " Idempotency-Key headers; send one, the same each time the request is sent again.");
				return;
			}
			if (!isJson(exchange.header("Content-Type"))) {
				discard(exchange.body());
				exchange.addHeader("Accept-Post", "application/json");
				refuse(exchange, type, 415, "Send GraphQL requests with Content-Type: application/json. Other types (forms, text/plain)"
						+ " are refused, so that a web page cannot send requests here without the browser asking first.");
				return;
			}
			String length = exchange.header("Content-Length");
			byte[] body = length != null && parse(length) > MAX_BODY ? null : readAtMost(exchange.body(), MAX_BODY);
			if (body == null) {
				discard(exchange.body());
				refuse(exchange, type, 413, "The request is larger than " + MAX_BODY + " bytes.");
				return;
			}
			Map<String, Object> request;
			try {
				String text = Utf8.strict(body);
				if (text == null) {
					refuse(exchange, type, 400, "The body is not valid UTF-8 (malformed, overlong or surrogate bytes); send it as UTF-8.");
					return;
				}
				request = text.isEmpty() ? null : JSON.readValue(text, MAP);
				if (request != null && Utf8.hasLoneSurrogate(request)) {
					refuse(exchange, type, 400, "The body has a \\u escape for half a character (an unpaired surrogate); send whole characters.");
					return;
				}
				if (request == null) {
					refuse(exchange, type, 400, "The body must be a JSON object: {\"query\": ..., \"variables\": {...}}.");
					return;
				}
			} catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
				refuse(exchange, type, 400, "The body must be a JSON object: {\"query\": ..., \"variables\": {...}}.");
				return;
			} catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
				refuse(exchange, type, 400, "The body's JSON is beyond what is accepted (nesting depth, number or string length);"
						+ " send {\"query\": ..., \"variables\": {...}} with ordinary values.");
				return;
			} catch (JsonProcessingException e) {
				var where = e.getLocation();
				boolean duplicate = e.getMessage() != null && e.getMessage().startsWith("Duplicate field");
				refuse(exchange, type, 400, (duplicate ? "The body gives a key twice" : "The body is not JSON") + (where == null ? ""
						: " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")") + ": send {\"query\": ..., \"variables\": {...}}.");
				return;
			}
			Object query = request.get("query");
			Object variables = request.get("variables");
			Object operation = request.get("operationName");
			if (!(query instanceof String) || variables != null && !(variables instanceof Map)
					|| operation != null && !(operation instanceof String)) {
				refuse(exchange, type, 400, "Expected {\"query\": string, \"variables\": object, \"operationName\": string}.");
				return;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> result = executor.execute(new GraphQLRequest((String) query, (Map<String, Object>) variables,
					(String) operation, exchange.header("traceparent"), callers.apply(exchange),
					exchange.header(GraphQLRequest.IDEMPOTENCY_KEY)));
			send(exchange, type.status(result), type.contentType(), JSON.writeValueAsString(result));
		} catch (RuntimeException e) {
			LOG.error("request failed on {} {}", exchange.method(), exchange.path(), e);
			if (!exchange.responded()) {
				refuse(exchange, type, 500, "Internal error.");
			}
		}
	}

	/** {@code GET ?query=...&variables=...&operationName=...}: queries only; a mutation must come as a POST. */
	private void get(Exchange exchange, Map<String, String> parameters, GraphQLMediaType type) throws IOException {
		String query = parameters.get("query");
		String operation = parameters.get("operationName");
		if (isMutation(query, operation)) {
			exchange.addHeader("Allow", "POST");
			refuse(exchange, type, 405, "Mutations are sent as POST; GET runs queries only.");
			return;
		}
		Map<String, Object> variables = null;
		if (parameters.get("variables") != null && !parameters.get("variables").isBlank()) {
			try {
				JsonNode parsed = JSON.readTree(parameters.get("variables"));
				if (parsed == null || !parsed.isObject()) {
					refuse(exchange, type, 400, "'variables' must be a JSON object.");
					return;
				}
				variables = JSON.convertValue(parsed, MAP);
			} catch (JsonProcessingException e) {
				refuse(exchange, type, 400, "'variables' is not JSON.");
				return;
			}
		}
		Map<String, Object> result = executor.execute(new GraphQLRequest(query, variables, operation,
				exchange.header("traceparent"), callers.apply(exchange)));
		send(exchange, type.status(result), type.contentType(), JSON.writeValueAsString(result));
	}

	/** A browser asking for a page ({@code Accept: text/html}): where there is GraphiQL, it gets the page, never an execution. */
	public static boolean wantsPage(Exchange exchange) {
		String accept = exchange.header("Accept");
		return "GET".equals(exchange.method()) && accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
	}

	/** Whether the operation the request selects is a mutation; a document that does not parse is the executor's to report. */
	static boolean isMutation(String query, String operationName) {
		try {
			var operations = graphql.parser.Parser.parse(query).getDefinitionsOfType(graphql.language.OperationDefinition.class);
			return operations.stream().filter(o -> operationName == null || operationName.equals(o.getName()))
					.anyMatch(o -> o.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION);
		} catch (RuntimeException e) {
			return false;
		}
	}

	/** GraphiQL's page for browsers (and clients that take anything); not for clients that ask for JSON only. */
	static boolean acceptsHtml(String accept) {
		if (accept == null || accept.isBlank()) {
			return true;
		}
		String lower = accept.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("text/html") || !(lower.contains("application/json") || lower.contains("graphql-response+json"));
	}

	/** The parameters of a query string, decoded. */
	public static Map<String, String> parameters(String rawQuery) {
		Map<String, String> parameters = new java.util.LinkedHashMap<>();
		if (rawQuery == null) {
			return parameters;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			parameters.putIfAbsent(decoded(equals < 0 ? pair : pair.substring(0, equals)),
					equals < 0 ? "" : decoded(pair.substring(equals + 1)));
		}
		return parameters;
	}

	private static String decoded(String text) {
		try {
			return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			return text; // a stray '%': taken as written
		}
	}

	/** {@code application/json}, with or without parameters such as {@code charset}. */
	static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		int parameters = contentType.indexOf(';');
		return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().equalsIgnoreCase("application/json");
	}

	private static void notAcceptable(Exchange exchange) throws IOException {
		refuse(exchange, GraphQLMediaType.JSON, 406, "GraphQL answers are application/graphql-response+json or application/json: accept one of them.");
	}

	private static void refuse(Exchange exchange, GraphQLMediaType type, int status, String message) throws IOException {
		ErrorCode code = status == 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION;
		send(exchange, status, (type == null ? GraphQLMediaType.JSON : type).contentType(),
				JSON.writeValueAsString(GraphQLErrors.response(code, message)));
	}

	private static long parse(String number) {
		try {
			return Long.parseLong(number.trim());
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	/** Reads what the client still sends (up to a bound) so that it receives the refusal instead of a reset. */
	private static void discard(InputStream in) throws IOException {
		long left = 64L * MAX_BODY;
		byte[] buffer = new byte[8192];
		int read;
		while (left > 0 && (read = in.read(buffer)) > 0) {
			left -= read;
		}
	}

	private static byte[] readAtMost(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		return bytes.length > limit ? null : bytes;
	}

	static void send(Exchange exchange, int status, String type, String body) throws IOException {
		exchange.respond(status, type, body);
	}
}
