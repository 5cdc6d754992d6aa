package dev.byron.runtime.command;

import java.util.Map;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.spi.CommandHook;
import dev.byron.runtime.spi.CommandHookCall;
import dev.byron.runtime.spi.CommandHookContext;
import dev.byron.runtime.spi.ComponentClient;
import dev.byron.runtime.spi.Hooks;

/** Runs the model's {@code before} or {@code after} hooks of the command. */
final class RunCommandHooks implements CommandStep {
	private final ComponentDescriptor component;
	private final Hooks hooks;
	private final String timing;
	private final ComponentClient client;

	RunCommandHooks(ComponentDescriptor component, Hooks hooks, String timing, ComponentClient client) {
		this.component = component;
		this.hooks = hooks;
		this.timing = timing;
		this.client = client;
	}

	@Override
	public String name() {
		return timing.toLowerCase() + "-hooks";
	}

	@Override
	public void apply(CommandContext context) {
		if (context.alreadyDone) {
			return;
		}
		for (HookDescriptor declared : component.hooks()) {
			if (!declared.timing().equalsIgnoreCase(timing) || !declared.command().equals(context.commandName())) {
				continue;
			}
			CommandHook hook = hooks.command(declared.hook()).orElseThrow(() -> new ByronException(ErrorCode.INTERNAL,
					"The model names hook '" + declared.hook() + "' but no such hook is registered."));
			try {
				hook.run(contextFor(context));
			} catch (ByronException e) {
				throw e;
			} catch (Exception e) {
				throw new ByronException(ErrorCode.INTERNAL, "Hook " + declared.hook() + " failed.", null, e);
			}
		}
		if ("before".equalsIgnoreCase(timing)) {
			context.state.put("id", context.id);
			BuildNewState.recordChanges(context);
		}
	}

	private CommandHookContext contextFor(CommandContext context) {
		Map<String, Object> state = "before".equalsIgnoreCase(timing) ? context.state
				: java.util.Collections.unmodifiableMap(context.state);
		return new CommandHookCall(context.commandName(), context.entity.name(), context.id, context.previous, state,
				context.traceparent, client);
	}
}
