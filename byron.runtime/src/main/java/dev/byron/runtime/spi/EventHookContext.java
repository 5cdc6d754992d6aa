package dev.byron.runtime.spi;

import dev.byron.runtime.event.Event;

/** What a reaction sees: the event, and the component it runs in. */
public interface EventHookContext {
	Event event();

	ComponentClient component();
}
