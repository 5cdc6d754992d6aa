package dev.byron.runtime.command;

import java.util.Map;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.CommandHookCall;
import dev.byron.runtime.spi.Hooks;

/** Runs the model's {@code before} or {@code after} hooks of the command. */
final class RunCommandHooks implements CommandStep {
	private final ComponentDescriptor component;
	private final Hooks hooks;
	private final String timing;
	private final LocalComponentClient client;
	private final ReadFence fence;

	RunCommandHooks(ComponentDescriptor component, Hooks hooks, String timing, LocalComponentClient client, ReadFence fence) {
		this.component = component;
		this.hooks = hooks;
		this.timing = timing;
		this.client = client;
		this.fence = fence;
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
		hooks.runCommandHooks(component, timing, contextFor(context));
		if ("before".equalsIgnoreCase(timing)) {
			context.state.put("id", context.id);
			BuildNewState.recordChanges(context);
		}
	}

	private CommandHookCall contextFor(CommandContext context) {
		boolean before = "before".equalsIgnoreCase(timing);
		Map<String, Object> state = before ? context.state : java.util.Collections.unmodifiableMap(context.state);
		return new CommandHookCall(context.commandName(), context.entity.name(), context.id, context.previous, state,
				context.traceparent, client.forCommand(context, before, fence), context.caller);
	}
}
