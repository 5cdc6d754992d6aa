package dev.byron.runtime.spi;

import dev.byron.runtime.api.Caller;

import java.util.Map;

/** One call of a command hook: what the hook sees (the record's accessors implement the context). */
public record CommandHookCall(String command, String entity, String id, Map<String, Object> previous,
		Map<String, Object> state, String traceparent, ComponentClient component, Caller caller)
		implements CommandHookContext {
	public CommandHookCall {
		caller = caller == null ? Caller.ANONYMOUS : caller;
	}
}
