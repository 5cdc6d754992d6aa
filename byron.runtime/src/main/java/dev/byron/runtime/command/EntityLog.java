package dev.byron.runtime.command;

import java.util.Optional;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.broker.StoredEvent;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.sink.EventCheck;

/**
 * An own entity's current state as the write path reads it: its last event on the stream that the Sink would apply
 * too. A message on the entity's subject that is not such an event is read past, so one bad message cannot make the
 * entity's updates fail for good; the append still expects the subject's last message.
 */
final class EntityLog {
	private final Broker broker;
	private final String component;
	private final EventCheck check;

	EntityLog(Broker broker, ComponentDescriptor component) {
		this.broker = broker;
		this.component = component.name();
		this.check = new EventCheck(component);
	}

	Optional<StoredEvent> last(String entity, String id) {
		return broker.last(component, broker.names().entitySubject(component, entity, id), check::fits);
	}

	/** The entity's event with this id, if it was appended. */
	Optional<StoredEvent> find(String entity, String id, String eventId) {
		return broker.find(component, broker.names().entitySubject(component, entity, id), eventId, 0);
	}
}
