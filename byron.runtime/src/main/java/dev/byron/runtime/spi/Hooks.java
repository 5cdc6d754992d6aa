package dev.byron.runtime.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The hooks a component's model names, by name. */
public final class Hooks {
	public static final Hooks NONE = new Hooks(Map.of(), Map.of(), Map.of());

	private final Map<String, CommandHook> commandHooks;
	private final Map<String, EventHook> eventHooks;
	private final Map<String, Resolver> resolvers;

	private Hooks(Map<String, CommandHook> commandHooks, Map<String, EventHook> eventHooks, Map<String, Resolver> resolvers) {
		this.commandHooks = Map.copyOf(commandHooks);
		this.eventHooks = Map.copyOf(eventHooks);
		this.resolvers = Map.copyOf(resolvers);
	}

	public Optional<Resolver> resolver(String operation) {
		return Optional.ofNullable(resolvers.get(operation));
	}

	public static Builder builder() {
		return new Builder();
	}

	public Optional<CommandHook> command(String name) {
		return Optional.ofNullable(commandHooks.get(name));
	}

	public Optional<EventHook> event(String name) {
		return Optional.ofNullable(eventHooks.get(name));
	}

	public static final class Builder {
		private final Map<String, CommandHook> commandHooks = new HashMap<>();
		private final Map<String, EventHook> eventHooks = new HashMap<>();
		private final Map<String, Resolver> resolvers = new HashMap<>();

		public Builder resolver(String operation, Resolver resolver) {
			resolvers.put(operation, resolver);
			return this;
		}

		public Builder command(String name, CommandHook hook) {
			commandHooks.put(name, hook);
			return this;
		}

		public Builder event(String name, EventHook hook) {
			eventHooks.put(name, hook);
			return this;
		}

		public Hooks build() {
			return new Hooks(commandHooks, eventHooks, resolvers);
		}
	}
}
