package dev.byron.runtime.api;

import java.util.List;
import java.util.Map;

import dev.byron.runtime.gateway.auth.AccessRules;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;

/**
 * A component's own check of the model's {@code @auth} roles, after validation and before anything is read or
 * written: the caller is the one the gateway signed, so a request sent past the gateway gets no more than through it.
 */
final class AccessInstrumentation extends SimplePerformantInstrumentation {
	private final AccessRules rules;

	AccessInstrumentation(AccessRules rules) {
		this.rules = rules;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		Caller caller = execution.getGraphQLContext().getOrDefault(GraphQLEndpoint.CALLER, Caller.ANONYMOUS);
		Map<String, Object> variables = execution.getExecutionInput().getVariables();
		List<GraphQLError> denials = rules.check(execution.getGraphQLSchema(), execution.getDocument(),
				execution.getOperationDefinition().getName(), variables, caller).stream()
				.map(denial -> (GraphQLError) GraphqlErrorBuilder.newError().message(denial.message())
						.errorType(ErrorClassification.errorClassification(ErrorCode.FORBIDDEN.name()))
						.extensions(Map.of("code", ErrorCode.FORBIDDEN.name(), "field", denial.target(), "role", denial.role())).build())
				.toList();
		if (!denials.isEmpty()) {
			throw new AbortExecutionException(denials);
		}
		return super.beginExecuteOperation(parameters, state);
	}
}
