package dev.byron.runtime.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.HookDescriptor;

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

	/**
	 * Runs the hooks the model declares with {@code timing} (BEFORE or AFTER) around {@code call.command()}.
	 * A hook's failure other than a {@link ByronException} becomes INTERNAL.
	 */
	public void runCommandHooks(ComponentDescriptor component, String timing, CommandHookCall call) {
		for (HookDescriptor declared : component.hooks()) {
			if (!declared.timing().equalsIgnoreCase(timing) || !declared.command().equals(call.command())) {
				continue;
			}
			CommandHook hook = command(declared.hook()).orElseThrow(() -> new ByronException(ErrorCode.INTERNAL,
					"The model names hook '" + declared.hook() + "' but no such hook is registered."));
			try {
				hook.run(call);
			} catch (ByronException e) {
				throw e;
			} catch (Exception e) {
				throw new ByronException(ErrorCode.INTERNAL, "Hook " + declared.hook() + " failed.", null, e);
			}
		}
	}

	/** The hooks, reactions and resolvers a component's model names, gathered from every provider. */
	public static Hooks from(ComponentDescriptor descriptor, Iterable<HookProvider> providers) {
		Builder merged = builder();
		for (HookProvider provider : providers) {
			Hooks hooks = provider.hooks(descriptor);
			descriptor.hooks().forEach(h -> hooks.command(h.hook()).ifPresent(hook -> merged.command(h.hook(), hook)));
			descriptor.reactions().forEach(r -> hooks.event(r.hook()).ifPresent(hook -> merged.event(r.hook(), hook)));
			descriptor.operations().forEach(o -> hooks.resolver(o.name()).ifPresent(r -> merged.resolver(o.name(), r)));
		}
		return merged.build();
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
