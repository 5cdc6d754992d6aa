package dev.byron.runtime.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GraphQLErrors;
import dev.byron.runtime.gateway.auth.AccessRules;
import dev.byron.runtime.http.GraphQLRequest;
import dev.byron.runtime.trace.TraceSpan;
import dev.byron.runtime.trace.Tracing;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.validation.GoodFaithIntrospectionExceeded;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.opentelemetry.api.trace.SpanKind;

/**
 * Answers a request on the gateway: validates it against the union schema, sends each root field's
 * sub-query to the component that owns it (queries in parallel, mutations in order), answers introspection
 * itself, and merges the answers. A component that does not answer gives {@code UNAVAILABLE} for its fields
 * only.
 */
public final class GatewayExecutor implements AutoCloseable {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** Threads for the parts of a query beyond its first; when all are busy, the request's thread runs the part itself. */
	private static final java.util.concurrent.ExecutorService FAN_OUT = new java.util.concurrent.ThreadPoolExecutor(0, 256, 60,
			java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), runnable -> {
				Thread thread = new Thread(runnable, "byron-gateway-fan-out");
				thread.setDaemon(true);
				return thread;
			}, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());

	private final GatewaySchema schema;
	private final GraphQL introspection;
	private final ComponentCalls http;
	private final Duration timeout;
	private final QueryLimits limits;
	private final AccessRules access;

	/** Signs the caller for each component; null where components run without a key (the caller goes unsigned). */
	private final dev.byron.runtime.api.GatewaySignature signature;

	public GatewayExecutor(GatewaySchema schema, Duration timeout, QueryLimits limits, AccessRules access,
			dev.byron.runtime.api.GatewaySignature signature) {
		this.schema = schema;
		this.signature = signature;
		this.limits = limits;
		this.access = access;
		this.introspection = GraphQL.newGraphQL(schema.schema()).build();
		this.http = new ComponentCalls(Duration.ofSeconds(2), timeout);
		this.timeout = timeout;
	}

	/** Closes the connections to components. */
	@Override
	public void close() {
		http.close();
	}

	/** A part of the request that goes to one place: a component, or the gateway itself (introspection). */
	private record Part(Route route, List<Field> fields) {
	}

	/** A part as it is sent: its document's text and the variables it uses. */
	private record Call(Route route, List<Field> fields, String text, java.util.Set<String> variables) {
	}

	/**
	 * What a valid query becomes before its variables and caller are known: parsed, within the limits, validated,
	 * split into the calls to make. Kept per query text and operation name, since clients repeat a few queries.
	 */
	/** {@code spanName} names an anonymous request in traces by what it asks for, worked out once with the plan. */
	private record Plan(Document document, OperationDefinition operation, boolean mutation, List<Field> rootFields,
			List<Call> calls, String spanName) {
	}

	/** A plan, or the answer that refuses the query. */
	private record Planned(Plan plan, Map<String, Object> refusal) {
	}

	/** Longer queries are planned each time: they are rarely repeated and would crowd the cache. */
	private static final int MAX_CACHED_QUERY = 16 * 1024;
	private final dev.byron.runtime.memo.BoundedCache<List<String>, Plan> plans = new dev.byron.runtime.memo.BoundedCache<>(1024);

	/**
	 * Executes a request in a span of the gateway's (continuing the client's {@code traceparent}); the answer's
	 * {@code extensions.traceId} names the trace, for {@code byron trace}.
	 */
	public Map<String, Object> execute(GraphQLRequest request) {
		try (TraceSpan span = Tracing.start("gateway", Tracing.requestSpanName(request.operationName()), SpanKind.SERVER,
				request.traceparent())) {
			Map<String, Object> result = new LinkedHashMap<>(execute(request, span));
			if (result.get("errors") instanceof List<?> errors && !errors.isEmpty() && errors.get(0) instanceof Map<?, ?> first) {
				span.fail(String.valueOf(first.get("message")));
			}
			result.put("extensions", Map.of("traceId", span.traceId()));
			return result;
		}
	}

	private Map<String, Object> execute(GraphQLRequest request, TraceSpan span) {
		String trace = span.traceparent();
		String query = request.query();
		Map<String, Object> variables = request.variables();
		List<String> key = java.util.Arrays.asList(query, request.operationName());
		Plan plan = plans.get(key);
		if (plan == null) {
			Planned planned = plan(query, request.operationName());
			if (planned.refusal() != null) {
				return planned.refusal();
			}
			plan = planned.plan();
			if (query.length() <= MAX_CACHED_QUERY) {
				plans.put(key, plan);
			}
		}
		if (request.operationName() == null) { // an anonymous operation is named in traces by what it asks for
			span.rename(plan.spanName());
		}
		List<Map<String, Object>> refused;
		try {
			refused = access.check(schema.schema(), plan.document(), plan.operation().getName(), variables, request.caller()).stream()
					.map(d -> error(d.message(), ErrorCode.FORBIDDEN, null, Map.of("field", d.target(), "role", d.role())))
					.toList();
		} catch (RuntimeException e) { // validation passed: what fails here is coercing the client's variables
			refused = List.of(error("The variables do not fit the operation: " + e.getMessage(), ErrorCode.VALIDATION, null));
		}
		if (!refused.isEmpty()) {
			return errors(refused);
		}
		Map<String, Object> vars = variables == null ? Map.of() : variables;
		Caller caller = request.caller();
		List<Call> calls = plan.calls();
		List<Map<String, Object>> answers = new ArrayList<>();
		if (plan.mutation()) {
			String idempotencyKey;
			try {
				idempotencyKey = request.idempotencyKey() == null ? null : GraphQLRequest.idempotencyKey(request.idempotencyKey());
			} catch (IllegalArgumentException e) {
				return keyRefused(e.getMessage());
			}
			// checked before anything runs: a request under a key runs whole or not at all
			String custom = idempotencyKey == null ? null
					: calls.stream().map(this::customMutation).filter(java.util.Objects::nonNull).findFirst().orElse(null);
			if (custom != null) {
				return keyRefused(GraphQLRequest.customMutationKeyed(custom));
			}
			for (int i = 0; i < calls.size(); i++) { // each root field a request of its own, by its place in the request
				answers.add(run(calls.get(i), vars, trace, caller, idempotencyKey == null ? null : i + " " + idempotencyKey));
			}
		} else { // a query is safe to send again as it is: a key it came with means nothing
			// the first call runs on the request's own thread, the others beside it on the gateway's fan-out threads
			List<CompletableFuture<Map<String, Object>>> others = calls.stream().skip(1)
					.map(call -> CompletableFuture.supplyAsync(() -> run(call, vars, trace, caller, null), FAN_OUT)).toList();
			if (!calls.isEmpty()) {
				answers.add(run(calls.get(0), vars, trace, caller, null));
			}
			others.forEach(f -> answers.add(f.join()));
		}
		return merge(plan.mutation() ? schema.schema().getMutationType() : schema.schema().getQueryType(), plan.rootFields(), answers);
	}

	/** "graphql mutation createLoan", "graphql query books, members": what a trace list shows for an anonymous request. */
	private static String spanName(boolean mutation, List<Field> rootFields) {
		List<String> fields = rootFields.stream().map(Field::getName).distinct().toList();
		String shown = String.join(", ", fields.subList(0, Math.min(3, fields.size()))) + (fields.size() > 3 ? ", ..." : "");
		return "graphql " + (mutation ? "mutation " : "query ") + shown;
	}

	/** Parses, checks and validates a query, and splits it into calls; or refuses it. */
	private Planned plan(String query, String operationName) {
		var tooLarge = limits.checkSize(query);
		if (tooLarge.isPresent()) {
			return refuse(error(tooLarge.get(), ErrorCode.VALIDATION, null));
		}
		Document document;
		try {
			document = Parser.parse(query);
		} catch (InvalidSyntaxException e) {
			Map<String, Object> syntax = error(e.getMessage(), ErrorCode.VALIDATION, null);
			if (e.getLocation() != null) { // the client's own text: its line and column are the client's
				syntax.put("locations", List.of(Map.of("line", e.getLocation().getLine(), "column", e.getLocation().getColumn())));
			}
			return refuse(syntax);
		}
		var tooCostly = limits.checkDocument(document);
		if (tooCostly.isPresent()) {
			return refuse(error(tooCostly.get(), ErrorCode.VALIDATION, null));
		}
		List<ValidationError> invalid;
		try {
			invalid = new Validator().validateDocument(schema.schema(), document, Locale.ENGLISH);
		} catch (GoodFaithIntrospectionExceeded e) {
			return refuse(error("The query asks for more introspection than a client needs (" + e.getMessage()
					+ " repeated too often); send the usual introspection query.", ErrorCode.VALIDATION, null));
		}
		if (!invalid.isEmpty()) {
			List<Map<String, Object>> errors = new ArrayList<>();
			invalid.forEach(e -> errors.add(error(e.getMessage(), ErrorCode.VALIDATION, null)));
			return new Planned(null, errors(errors));
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition operation = operations.stream()
				.filter(o -> operationName == null ? operations.size() == 1 : operationName.equals(o.getName())).findFirst()
				.orElse(null);
		if (operation == null) {
			return refuse(error(operationName == null ? "The document has several operations: name one with operationName."
					: "No operation named " + operationName + ".", ErrorCode.VALIDATION, null));
		}
		if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
			return refuse(error("Subscriptions are not supported yet.", ErrorCode.VALIDATION, null));
		}
		boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
		Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
		document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
		var tooComplex = limits.checkShape(operation.getSelectionSet(), fragments);
		if (tooComplex.isPresent()) {
			return refuse(error(tooComplex.get(), ErrorCode.VALIDATION, null));
		}
		List<Field> rootFields = Documents.rootFields(operation.getSelectionSet(), mutation ? "Mutation" : "Query", fragments);
		List<Call> calls = split(rootFields, mutation).stream().map(part -> call(part, operation, fragments)).toList();
		return new Planned(new Plan(document, operation, mutation, rootFields, calls, spanName(mutation, rootFields)), null);
	}

	private static Planned refuse(Map<String, Object> error) {
		return new Planned(null, errors(List.of(error)));
	}

	private List<Part> split(List<Field> fields, boolean mutation) {
		List<Part> parts = new ArrayList<>();
		for (Field field : fields) {
			Route route = field.getName().startsWith("__") ? null
					: mutation ? schema.mutationOwner(field.getName()) : schema.queryOwner(field.getName());
			if (mutation) {
				parts.add(new Part(route, List.of(field))); // mutations run one after the other, in the order written
				continue;
			}
			Part existing = parts.stream().filter(p -> p.route() == route).findFirst().orElse(null);
			if (existing != null) {
				existing.fields().add(field);
			} else {
				parts.add(new Part(route, new ArrayList<>(List.of(field))));
			}
		}
		return parts;
	}

	/** A part's document as the component gets it: its fields, the fragments and variable definitions they use. */
	private static Call call(Part part, OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
		var usedVariables = Documents.variables(part.fields(), fragments);
		List<VariableDefinition> definitions = operation.getVariableDefinitions().stream()
				.filter(v -> usedVariables.contains(v.getName())).toList();
		List<Definition> definitionsOut = new ArrayList<>();
		definitionsOut.add(OperationDefinition.newOperationDefinition().name(operation.getName()).operation(operation.getOperation())
				.variableDefinitions(definitions).selectionSet(SelectionSet.newSelectionSet(new ArrayList<>(part.fields())).build()).build());
		Documents.fragments(part.fields(), fragments).forEach(name -> definitionsOut.add(fragments.get(name)));
		String text = AstPrinter.printAst(Document.newDocument().definitions(definitionsOut).build());
		return new Call(part.route(), List.copyOf(part.fields()), text, java.util.Set.copyOf(usedVariables));
	}

	private static Map<String, Object> keyRefused(String why) {
		return errors(List.of(error(why, ErrorCode.VALIDATION, null, Map.of("field", GraphQLRequest.IDEMPOTENCY_KEY))));
	}

	/** The name of the custom mutation a call of a mutation runs, or null for a create, update or delete (or none). */
	private String customMutation(Call call) {
		String field = call.fields().get(0).getName();
		return call.route() != null && call.route().component().operations().stream()
				.anyMatch(o -> o.isMutation() && o.name().equals(field)) ? field : null;
	}

	/** A call to the component that owns its fields; {@code key}: the field's Idempotency-Key (its place and the request's), or null. */
	private Map<String, Object> run(Call call, Map<String, Object> variables, String traceparent, Caller caller, String key) {
		Map<String, Object> partVariables = new LinkedHashMap<>();
		variables.forEach((k, v) -> {
			if (call.variables().contains(k)) {
				partVariables.put(k, v);
			}
		});
		if (call.route() == null) {
			ExecutionResult result = introspection.execute(ExecutionInput.newExecutionInput().query(call.text()).variables(partVariables).build());
			return result.toSpecification();
		}
		return forward(call, partVariables, traceparent, caller, key);
	}

	private Map<String, Object> forward(Call part, Map<String, Object> variables, String traceparent, Caller caller, String key) {
		String component = part.route().component().name();
		try (TraceSpan span = Tracing.start("gateway", "call " + component, SpanKind.CLIENT, traceparent)) {
			return send(part, variables, span, caller, key);
		}
	}

	private Map<String, Object> send(Call part, Map<String, Object> variables, TraceSpan span, Caller caller, String key) {
		String component = part.route().component().name();
		String traceparent = span.traceparent();
		try {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", part.text());
			body.put("variables", variables);
			byte[] json = JSON.writeValueAsBytes(body);
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("traceparent", traceparent);
			if (signature != null) {
				headers.put(Caller.HEADER, signature.sign(caller, component));
			} else if (caller.authenticated()) {
				headers.put(Caller.HEADER, caller.toHeader());
			}
			if (key != null) {
				headers.put(GraphQLRequest.IDEMPOTENCY_KEY, key);
			}
			ComponentCalls.Answer response = null;
			java.util.Iterator<String> instances = part.route().inTurn().iterator();
			while (response == null) {
				try {
					response = http.post(instances.next(), json, headers);
				} catch (java.net.ConnectException e) {
					// refused before anything was sent: another instance may take it
					if (!instances.hasNext()) {
						throw e;
					}
				}
			}
			if (response.status() >= 500) {
				return unavailable(span, part, component + " answered HTTP " + response.status());
			}
			return JSON.readValue(response.body(), MAP);
		} catch (java.net.SocketTimeoutException e) {
			return unavailable(span, part, component + " did not answer within " + timeout.toSeconds() + " s" + mayHaveApplied(part));
		} catch (java.net.ConnectException e) {
			return unavailable(span, part, component + " is unavailable (no connection)");
		} catch (IOException e) {
			return unavailable(span, part, component + " closed the connection before answering" + mayHaveApplied(part));
		}
	}

	/** A mutation that was sent and not answered may have committed: retrying it blindly could do it twice. */
	private static String mayHaveApplied(Call part) {
		return part.text().stripLeading().startsWith("mutation") ? MAY_HAVE_APPLIED : "";
	}

	private static final String MAY_HAVE_APPLIED = "; the mutation may have been applied: send it again with the same"
			+ " Idempotency-Key header, or read before you send it again without one.";

	private static Map<String, Object> unavailable(TraceSpan span, Call part, String message) {
		span.fail(message);
		return unavailable(part, message);
	}

	private static Map<String, Object> unavailable(Call part, String message) {
		List<Map<String, Object>> errors = new ArrayList<>();
		Map<String, Object> data = new LinkedHashMap<>();
		for (Field field : part.fields()) {
			data.put(Documents.responseKey(field), null);
			Map<String, Object> error = error(message + (message.endsWith(MAY_HAVE_APPLIED) ? "" : "; retry later."), ErrorCode.UNAVAILABLE,
					List.of(Documents.responseKey(field)));
			@SuppressWarnings("unchecked")
			Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
			extensions.put("component", part.route().component().name());
			errors.add(error);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("data", data);
		result.put("errors", errors);
		return result;
	}

	@SuppressWarnings("unchecked")
	/**
	 * One answer from the parts' answers, in the client's field order. A root field of a non-null type that came
	 * back null makes {@code data} null, as the spec's null propagation has it (the root has no nullable parent);
	 * when no part was executed (every component refused the request, its variables say), there is no {@code data}.
	 */
	private static Map<String, Object> merge(graphql.schema.GraphQLObjectType root, List<Field> rootFields,
			List<Map<String, Object>> answers) {
		Map<String, Object> collected = new LinkedHashMap<>();
		List<Map<String, Object>> errors = new ArrayList<>();
		boolean executed = false;
		for (Map<String, Object> answer : answers) {
			executed |= answer.containsKey("data");
			if (answer.get("data") instanceof Map<?, ?> data) {
				collected.putAll((Map<String, Object>) data);
			}
			if (answer.get("errors") instanceof List<?> list) {
				list.forEach(error -> {
					Map<String, Object> coded = GraphQLErrors.withCode(error);
					// a component's locations are in the text the gateway sent it, not in the client's: the path says where
					coded.remove("locations");
					errors.add(coded);
				});
			}
		}
		if (!executed && !errors.isEmpty()) {
			return errors(errors); // request errors (e.g. variables): no data
		}
		Map<String, Object> data = new LinkedHashMap<>();
		for (Field field : rootFields) {
			String key = Documents.responseKey(field);
			Object value = collected.get(key);
			var definition = root.getFieldDefinition(field.getName());
			if (value == null && definition != null && graphql.schema.GraphQLTypeUtil.isNonNull(definition.getType())) {
				data = null;
				break;
			}
			data.put(key, value);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("data", data);
		if (!errors.isEmpty()) {
			result.put("errors", errors);
		}
		return result;
	}

	private static Map<String, Object> errors(List<Map<String, Object>> errors) {
		return Map.of("errors", errors);
	}

	private static Map<String, Object> error(String message, ErrorCode code, List<Object> path) {
		return GraphQLErrors.error(message, code, path);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> error(String message, ErrorCode code, List<Object> path, Map<String, Object> details) {
		Map<String, Object> error = GraphQLErrors.error(message, code, path);
		((Map<String, Object>) error.get("extensions")).putAll(details);
		return error;
	}
}
