package dev.byron.runtime.spi;

import java.util.Map;

/** One call of a command hook: what the hook sees (the record's accessors implement the context). */
public record CommandHookCall(String command, String entity, String id, Map<String, Object> previous,
		Map<String, Object> state, String traceparent, ComponentClient component) implements CommandHookContext {
}
