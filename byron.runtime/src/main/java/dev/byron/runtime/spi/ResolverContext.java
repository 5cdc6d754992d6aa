package dev.byron.runtime.spi;

import dev.byron.runtime.api.Caller;

import java.util.Map;

/** What a resolver sees: its arguments (defaults applied), the component, and the caller's trace. */
public interface ResolverContext {
	String operation();

	Map<String, Object> arguments();

	ComponentClient component();

	String traceparent();

	/** Who called the operation: the token's subject, roles and claims; anonymous without authentication. */
	Caller caller();
}
