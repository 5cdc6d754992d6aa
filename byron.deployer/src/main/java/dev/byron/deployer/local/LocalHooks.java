package dev.byron.deployer.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;

/** Gathers a component's hooks from the user's providers, and says which ones the model names but nobody implements. */
final class LocalHooks {
	private LocalHooks() {
	}

	static Hooks merge(ComponentDescriptor descriptor, List<HookProvider> providers) {
		return Hooks.from(descriptor, providers);
	}

	/** Whether no provider implements any of the component's hooks and resolvers. */
	static boolean coversNothing(ComponentDescriptor descriptor, List<HookProvider> providers) {
		Hooks merged = merge(descriptor, providers);
		return descriptor.hooks().stream().noneMatch(h -> merged.command(h.hook()).isPresent())
				&& descriptor.reactions().stream().noneMatch(r -> merged.event(r.hook()).isPresent())
				&& descriptor.operations().stream().noneMatch(o -> merged.resolver(o.name()).isPresent());
	}

	static List<String> missing(Collection<ComponentDescriptor> descriptors, Map<String, Hooks> hooks) {
		List<String> missing = new ArrayList<>();
		for (ComponentDescriptor descriptor : descriptors) {
			Hooks available = hooks.get(descriptor.name());
			descriptor.hooks().stream().filter(h -> available.command(h.hook()).isEmpty())
					.forEach(h -> missing.add(descriptor.name() + ": hook " + h.hook() + " (" + h.timing().toLowerCase() + " " + h.command() + ")"));
			descriptor.reactions().stream().filter(r -> available.event(r.hook()).isEmpty())
					.forEach(r -> missing.add(descriptor.name() + ": hook " + r.hook() + " (on " + r.component() + "." + r.event() + ")"));
			descriptor.operations().stream().filter(o -> available.resolver(o.name()).isEmpty())
					.forEach(o -> missing.add(descriptor.name() + ": resolver " + o.name() + " (" + o.kind().toLowerCase() + ")"));
		}
		return missing;
	}
}
