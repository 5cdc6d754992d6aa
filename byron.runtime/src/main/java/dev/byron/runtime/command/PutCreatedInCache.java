package dev.byron.runtime.command;

import java.time.Duration;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.cache.AppliedSequences;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.event.EventCodec;
import dev.byron.runtime.sink.EventHandler;

/**
 * Read-your-writes for a create without waiting for the Sink: right after the append, the API inserts the new
 * entity's document into the Cache (the very document the Sink writes for the event, from the event as the Sink
 * decodes it) and tells the waiters it is there; the Sink then finds it written. A document already there (an id
 * created again after a delete, a Sink that was faster) is left as it is, and a Cache that refuses the insert
 * changes nothing: the command waits for the Sink as any other.
 * <p>
 * Not for a component that reacts to its own events (its reactions see the Cache as of their own event, and a
 * document inserted ahead of the Sink would show them a later one), nor for a create whose hooks published events:
 * the Sink appends those before it writes, so that whoever reads the create finds them too.
 */
final class PutCreatedInCache implements CommandStep {
	private final Cache cache;
	private final AppliedSequences applied;
	private final boolean enabled;

	PutCreatedInCache(ComponentDescriptor component, Cache cache, AppliedSequences applied, Duration readYourWrites) {
		this.cache = cache;
		this.applied = applied;
		this.enabled = !readYourWrites.isZero()
				&& component.reactions().stream().noneMatch(reaction -> reaction.component().equals(component.name()));
	}

	@Override
	public void apply(CommandContext context) {
		if (!enabled || context.kind != CommandKind.CREATE || context.alreadyDone || context.event == null
				|| !context.followUps.isEmpty()) {
			return;
		}
		Cache.Write write = EventHandler.ownWrite(EventCodec.decode(EventCodec.encode(context.event)), context.sequence);
		try {
			if (cache.insertNew(write)) {
				applied.applied(write.collection(), write.id(), write.sequence());
			}
		} catch (ByronException unavailable) {
			// the event is appended all the same: its Sink writes the document, and the next step waits for that
		}
	}
}
