package dev.byron.runtime.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The hooks a component's model names, by name. */
public final class Hooks {
	public static final Hooks NONE = new Hooks(Map.of(), Map.of());

	private final Map<String, CommandHook> commandHooks;
	private final Map<String, EventHook> eventHooks;

	private Hooks(Map<String, CommandHook> commandHooks, Map<String, EventHook> eventHooks) {
		this.commandHooks = Map.copyOf(commandHooks);
		this.eventHooks = Map.copyOf(eventHooks);
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

		public Builder command(String name, CommandHook hook) {
			commandHooks.put(name, hook);
			return this;
		}

		public Builder event(String name, EventHook hook) {
			eventHooks.put(name, hook);
			return this;
		}

		public Hooks build() {
			return new Hooks(commandHooks, eventHooks);
		}
	}
}
