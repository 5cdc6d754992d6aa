package dev.byron.runtime.command;

import java.util.LinkedHashMap;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.Echo;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.StoredEvent;

/**
 * Reads the entity's current state from its last event on the stream (not the Cache, which may lag), and
 * the stream sequence the append will expect.
 */
final class LoadCurrentState implements CommandStep {
	private final EntityLog log;

	LoadCurrentState(EntityLog log) {
		this.log = log;
	}

	@Override
	public void apply(CommandContext context) {
		if (context.sentAgain) { // the request came before with its key: what its first time wrote is the answer
			var written = log.find(context.entity.name(), context.id, context.eventId);
			if (written.isPresent()) {
				context.alreadyDone = true;
				context.state = new LinkedHashMap<>(written.get().event().data());
				context.sequence = written.get().sequence();
				return;
			}
		}
		if (context.kind == CommandKind.CREATE && !context.idempotentCreate) {
			context.expectedSequence = 0; // a fresh id: the append itself refuses it if it exists
			return;
		}
		var last = log.last(context.entity.name(), context.id);
		if (context.kind == CommandKind.CREATE) {
			if (last.isPresent() && context.idempotentCreate && !last.get().event().isDeletion()) {
				context.alreadyDone = true;
				context.state = new LinkedHashMap<>(last.get().event().data());
				context.sequence = last.get().sequence();
				return;
			}
			if (last.isPresent()) {
				throw new ByronException(ErrorCode.CONFLICT, context.entity.name() + " " + Echo.of(context.id) + " already exists.");
			}
			context.expectedSequence = 0;
			return;
		}
		StoredEvent current = last.filter(e -> !e.event().isDeletion()).orElseThrow(() -> new ByronException(
				ErrorCode.NOT_FOUND, "No " + context.entity.name() + " with id " + Echo.of(context.id) + "."));
		context.previous = current.event().data();
		context.expectedSequence = current.headSequence();
		if (context.precondition != null && !context.precondition.test(context.previous)) {
			context.alreadyDone = true; // the append would expect this very state: nothing to do
			context.state = new java.util.LinkedHashMap<>(context.previous);
			context.sequence = current.sequence();
		}
	}
}
