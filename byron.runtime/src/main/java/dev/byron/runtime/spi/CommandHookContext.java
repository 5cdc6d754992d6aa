package dev.byron.runtime.spi;

import dev.byron.runtime.api.Caller;

import java.util.Map;

/** What a command hook sees: the command, the entity's previous state and its new (mutable in before) state. */
public interface CommandHookContext {
	String command();

	String entity();

	String id();

	/** The state before the command; empty for a create. */
	Map<String, Object> previous();

	/** The state the command will append (before hooks may change it) or has appended (after hooks). */
	Map<String, Object> state();

	String traceparent();

	ComponentClient component();

	/** Who asked for the command: the token's subject, roles and claims; anonymous without authentication. */
	Caller caller();
}
