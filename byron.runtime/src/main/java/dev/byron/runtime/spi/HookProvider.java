package dev.byron.runtime.spi;

import dev.byron.runtime.descriptor.ComponentDescriptor;

/**
 * How a service finds the user's hooks: implementations are listed in
 * {@code META-INF/services/dev.byron.runtime.spi.HookProvider} (the generator writes that file).
 */
public interface HookProvider {
	/** The hooks for this component, or {@link Hooks#NONE} when the provider is for another one. */
	Hooks hooks(ComponentDescriptor component);
}
