package dev.byron.runtime.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.byron.runtime.command.CommandPipeline;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.spi.CommandHookCall;
import dev.byron.runtime.spi.ComponentClient;
import dev.byron.runtime.spi.Hooks;
import dev.byron.runtime.spi.Resolver;
import dev.byron.runtime.spi.ResolverContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * A custom query or mutation: before hooks (which may change the arguments or refuse), the user's
 * resolver, after hooks (which see the result). A mutation's before hooks and resolver run as one unit
 * ({@link CommandPipeline#operation}): exact when they read the component's own data, as a command's hooks are.
 */
final class OperationFetcher implements DataFetcher<Object> {
	private final ComponentDescriptor component;
	private final OperationDescriptor operation;
	private final Hooks hooks;
	private final ComponentClient client;
	private final CommandPipeline commands;

	OperationFetcher(ComponentDescriptor component, OperationDescriptor operation, Hooks hooks, ComponentClient client,
			CommandPipeline commands) {
		this.component = component;
		this.operation = operation;
		this.hooks = hooks;
		this.client = client;
		this.commands = commands;
	}

	@Override
	public Object get(DataFetchingEnvironment env) throws Exception {
		String traceparent = env.getGraphQlContext().get(GraphQLEndpoint.TRACEPARENT);
		Caller caller = DataFetchers.caller(env);
		Resolver resolver = hooks.resolver(operation.name()).orElseThrow(() -> new ByronException(ErrorCode.INTERNAL,
				"No resolver is registered for " + operation.name() + "; implement it in hooks/ (a method of the generated hooks interface)."));
		if (!operation.isMutation()) {
			return resolve(resolver, new LinkedHashMap<>(env.getArguments()), traceparent, caller, client.inTrace(traceparent));
		}
		if (env.getGraphQlContext().get(GraphQLEndpoint.IDEMPOTENCY_KEY) != null) {
			throw new ByronException(ErrorCode.VALIDATION, dev.byron.runtime.http.GraphQLRequest.customMutationKeyed(operation.name()),
					dev.byron.runtime.http.GraphQLRequest.IDEMPOTENCY_KEY, null);
		}
		Map<String, Object> given = env.getArguments();
		Map<String, Object> arguments = new LinkedHashMap<>();
		Object result = commands.operation(operation.name(), traceparent, caller, unit -> {
			arguments.clear();
			arguments.putAll(given); // a second run starts from what the caller sent, not from what the first run's hooks made of it
			runHooks("BEFORE", arguments, Map.of(), traceparent, caller, unit);
			return resolve(resolver, arguments, traceparent, caller, unit);
		});
		@SuppressWarnings("unchecked")
		Map<String, Object> state = result instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("result", String.valueOf(result));
		runHooks("AFTER", Collections.unmodifiableMap(state), arguments, traceparent, caller, client.inTrace(traceparent));
		return result;
	}

	private Object resolve(Resolver resolver, Map<String, Object> arguments, String traceparent, Caller caller, ComponentClient scoped) {
		try {
			return resolver.resolve(context(arguments, traceparent, caller, scoped));
		} catch (ByronException e) {
			throw e;
		} catch (RuntimeException e) {
			if (CommandPipeline.runsAgain(e)) {
				throw e;
			}
			throw new ByronException(ErrorCode.INTERNAL, "Resolver " + operation.name() + " failed.", null, e);
		} catch (Exception e) {
			throw new ByronException(ErrorCode.INTERNAL, "Resolver " + operation.name() + " failed.", null, e);
		}
	}

	private void runHooks(String timing, Map<String, Object> state, Map<String, Object> previous, String traceparent,
			Caller caller, ComponentClient scoped) {
		hooks.runCommandHooks(component, timing, new CommandHookCall(operation.name(), null, null, previous, state, traceparent, scoped, caller));
	}

	private ResolverContext context(Map<String, Object> arguments, String traceparent, Caller caller, ComponentClient scoped) {
		return new ResolverContext() {
			@Override
			public String operation() {
				return operation.name();
			}

			@Override
			public Map<String, Object> arguments() {
				return arguments;
			}

			@Override
			public ComponentClient component() {
				return scoped;
			}

			@Override
			public String traceparent() {
				return traceparent;
			}

			@Override
			public Caller caller() {
				return caller;
			}
		};
	}
}
