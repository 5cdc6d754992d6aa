package dev.byron.runtime.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.command.CommandPipeline;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.http.GraphQLRequest;
import dev.byron.runtime.spi.ComponentClient;
import dev.byron.runtime.spi.Hooks;
import dev.byron.runtime.trace.TraceSpan;
import dev.byron.runtime.trace.Tracing;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import io.opentelemetry.api.trace.SpanKind;

/**
 * A component's GraphQL API: its schema, its data fetchers, errors with {@code extensions.code}, and load
 * shedding (at most {@code maxInFlight} requests at once; one that finds no place within {@link #ADMISSION_WAIT} gets {@code UNAVAILABLE}).
 */
public final class GraphQLEndpoint {
	static final String TRACEPARENT = "byron.traceparent";
	static final String CALLER = "byron.caller";
	/** The request's Idempotency-Key, as the gateway passes it on for one root field; absent without one. */
	static final String IDEMPOTENCY_KEY = "byron.idempotency-key";
	private static final Logger LOG = LoggerFactory.getLogger(GraphQLEndpoint.class);
	private static final int MAX_DEPTH = 15;

	private final GraphQL graphQL;
	private final String sdl;
	private final Semaphore inFlight;
	private final int maxInFlight;
	/** How long a request may wait for a place before it is shed: a burst rides out the requests ahead of it. */
	private static final java.time.Duration ADMISSION_WAIT = java.time.Duration.ofMillis(250);
	private final String componentName;
	private final ReplicaFieldHints replicaHints;

	public GraphQLEndpoint(ComponentDescriptor component, Cache cache, CommandPipeline commands, Hooks hooks,
			ComponentClient client, int maxInFlight) {
		this.sdl = SchemaWriter.sdl(component);
		this.componentName = component.name();
		this.replicaHints = new ReplicaFieldHints(component);
		DataFetchers fetchers = new DataFetchers(component, cache, commands);
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().scalar(DateTimeScalar.INSTANCE);
		TypeRuntimeWiring.Builder query = TypeRuntimeWiring.newTypeWiring("Query");
		TypeRuntimeWiring.Builder mutation = TypeRuntimeWiring.newTypeWiring("Mutation");
		for (EntityDescriptor entity : component.entities()) {
			query.dataFetcher(SchemaWriter.lowerFirst(entity.name()), fetchers.byId(entity));
			query.dataFetcher(SchemaWriter.lowerFirst(entity.plural()), fetchers.list(entity));
			mutation.dataFetcher("create" + entity.name(), fetchers.create(entity));
			mutation.dataFetcher("update" + entity.name(), fetchers.update(entity));
			mutation.dataFetcher("delete" + entity.name(), fetchers.delete(entity));
			TypeRuntimeWiring.Builder type = TypeRuntimeWiring.newTypeWiring(entity.name());
			for (FieldDescriptor field : entity.fields()) {
				if (field.type().kind() == FieldType.Kind.ENTITY) {
					type.dataFetcher(field.name(), fetchers.reference(field.name(), field.type()));
				} else if (field.rules().defaultValue() != null && !"now".equals(field.rules().defaultValue())) {
					type.dataFetcher(field.name(), fetchers.withDefault(field));
				}
			}
			wiring.type(type);
		}
		boolean anyQuery = !component.entities().isEmpty();
		boolean anyMutation = !component.entities().isEmpty();
		for (OperationDescriptor operation : component.operations()) {
			(operation.isMutation() ? mutation : query).dataFetcher(operation.name(),
					new OperationFetcher(component, operation, hooks, client, commands));
			anyMutation |= operation.isMutation();
			anyQuery |= !operation.isMutation();
		}
		if (!anyQuery) {
			query.dataFetcher("_component", env -> component.name());
		}
		wiring.type(query);
		if (anyMutation) {
			wiring.type(mutation);
		}
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring.build());
		this.graphQL = GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new ErrorHandler())
				.preparsedDocumentProvider(new CachedDocuments())
				.instrumentation(new graphql.execution.instrumentation.ChainedInstrumentation(new MaxQueryDepthInstrumentation(MAX_DEPTH),
						new AccessInstrumentation(dev.byron.runtime.gateway.auth.AccessRules.of(component)))).build();
		this.inFlight = new Semaphore(maxInFlight);
		this.maxInFlight = maxInFlight;
	}

	public String sdl() {
		return sdl;
	}

	/** Executes a request; the answer is the GraphQL response map ({@code data}, {@code errors}). */
	public Map<String, Object> execute(GraphQLRequest request) {
		String query = request.query();
		Map<String, Object> variables = request.variables();
		String operationName = request.operationName();
		String traceparent = request.traceparent();
		if (query == null || query.isBlank()) {
			return GraphQLErrors.response(ErrorCode.VALIDATION, "The request has no query.");
		}
		boolean admitted;
		try {
			admitted = inFlight.tryAcquire(ADMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			return GraphQLErrors.response(ErrorCode.UNAVAILABLE, componentName + " is at capacity: " + maxInFlight
					+ " requests in flight, and no place came free within " + ADMISSION_WAIT.toMillis() + " ms. Retry shortly.");
		}
		try (TraceSpan span = Tracing.start(componentName, Tracing.requestSpanName(operationName), SpanKind.SERVER, traceparent)) {
			Map<Object, Object> context = new java.util.HashMap<>(Map.of(TRACEPARENT, span.traceparent(), CALLER, request.caller()));
			if (request.idempotencyKey() != null) {
				context.put(IDEMPOTENCY_KEY, request.idempotencyKey());
			}
			ExecutionInput input = ExecutionInput.newExecutionInput().query(query)
					.variables(variables == null ? Map.of() : variables).operationName(operationName).graphQLContext(context).build();
			ExecutionResult result = graphQL.execute(input);
			Map<String, Object> response = withCodes(result.toSpecification(), result.getErrors());
			if (!result.getErrors().isEmpty()) {
				span.fail(result.getErrors().get(0).getMessage());
			}
			return response;
		} finally {
			inFlight.release();
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> withCodes(Map<String, Object> response, List<graphql.GraphQLError> raised) {
		if (!(response.get("errors") instanceof List<?> list)) {
			return response;
		}
		List<Map<String, Object>> errors = new java.util.ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Map<String, Object> error = GraphQLErrors.withCode(list.get(i));
			if (i < raised.size()) {
				replicaHints.explain(raised.get(i)).ifPresent(message -> error.put("message", message));
			}
			errors.add(error);
		}
		Map<String, Object> result = new LinkedHashMap<>(response);
		result.put("errors", errors);
		return result;
	}

	/** Failures in data fetchers: Byron's carry their code; anything else is INTERNAL without details. */
	private static final class ErrorHandler implements DataFetcherExceptionHandler {
		@Override
		public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
				graphql.execution.DataFetcherExceptionHandlerParameters parameters) {
			Throwable exception = parameters.getException();
			while (exception instanceof java.util.concurrent.CompletionException && exception.getCause() != null) {
				exception = exception.getCause();
			}
			List<GraphQLError> errors = new java.util.ArrayList<>();
			if (exception instanceof ByronException byron) {
				if (byron.code() == ErrorCode.INTERNAL) {
					LOG.warn("{} at {}: {}", byron.code(), parameters.getPath(), byron.getMessage(), byron.getCause());
				} else if (byron.code() == ErrorCode.UNAVAILABLE) {
					// an outage answers many requests the same way: one line each, the trace at debug
					LOG.warn("{} at {}: {}", byron.code(), parameters.getPath(), byron.getMessage());
					LOG.debug("{} at {}", byron.code(), parameters.getPath(), byron.getCause());
				}
				errors.add(error(parameters, byron));
				byron.others().forEach(other -> errors.add(error(parameters, other)));
			} else {
				LOG.error("Unexpected failure at {}", parameters.getPath(), exception);
				errors.add(GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
						.message("Internal error; the service log has the details.")
						.extensions(Map.of("code", ErrorCode.INTERNAL.name())).build());
			}
			return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().errors(errors).build());
		}

		private static GraphQLError error(graphql.execution.DataFetcherExceptionHandlerParameters parameters, ByronException byron) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", byron.code().name());
			if (byron.field() != null) {
				extensions.put("field", byron.field());
			}
			return GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment()).message(byron.getMessage())
					.extensions(extensions).build();
		}
	}
}
