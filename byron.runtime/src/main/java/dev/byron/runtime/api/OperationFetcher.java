package dev.byron.runtime.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * resolver, after hooks (which see the result).
 */
final class OperationFetcher implements DataFetcher<Object> {
	private final ComponentDescriptor component;
	private final OperationDescriptor operation;
	private final Hooks hooks;
	private final ComponentClient client;

	OperationFetcher(ComponentDescriptor component, OperationDescriptor operation, Hooks hooks, ComponentClient client) {
		this.component = component;
		this.operation = operation;
		this.hooks = hooks;
		this.client = client;
	}

	@Override
	public Object get(DataFetchingEnvironment env) throws Exception {
		String traceparent = env.getGraphQlContext().get(GraphQLEndpoint.TRACEPARENT);
		Caller caller = DataFetchers.caller(env);
		Map<String, Object> arguments = new LinkedHashMap<>(env.getArguments());
		runHooks("BEFORE", arguments, Map.of(), traceparent, caller);
		Resolver resolver = hooks.resolver(operation.name()).orElseThrow(() -> new ByronException(ErrorCode.INTERNAL,
				"No resolver is registered for " + operation.name() + "; implement it in hooks/ (a method of the generated hooks interface)."));
		Object result;
		try {
			result = resolver.resolve(context(arguments, traceparent, caller));
		} catch (ByronException e) {
			throw e;
		} catch (Exception e) {
			throw new ByronException(ErrorCode.INTERNAL, "Resolver " + operation.name() + " failed.", null, e);
		}
		if (operation.isMutation()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> state = result instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("result", String.valueOf(result));
			runHooks("AFTER", Collections.unmodifiableMap(state), arguments, traceparent, caller);
		}
		return result;
	}

	private void runHooks(String timing, Map<String, Object> state, Map<String, Object> previous, String traceparent,
			Caller caller) {
		hooks.runCommandHooks(component, timing, new CommandHookCall(operation.name(), null, null, previous, state, traceparent, client.inTrace(traceparent), caller));
	}

	private ResolverContext context(Map<String, Object> arguments, String traceparent, Caller caller) {
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
				return client.inTrace(traceparent);
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
