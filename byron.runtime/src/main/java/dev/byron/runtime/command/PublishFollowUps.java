package dev.byron.runtime.command;

import dev.byron.runtime.api.ByronException;

/**
 * Appends the events a before hook published because of its decision, once the command itself committed:
 * never for a command that did not. Their ids derive from the command, so a repeated append is dropped by
 * the broker's de-duplication.
 */
final class PublishFollowUps implements CommandStep {
	private static final int TRIES = 3;
	private final DomainEventPublisher publisher;

	PublishFollowUps(DomainEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void apply(CommandContext context) {
		if (context.alreadyDone) {
			return;
		}
		for (DomainEventPublisher.Prepared event : context.followUps) {
			for (int tries = 1;; tries++) {
				try {
					publisher.publish(event);
					break;
				} catch (ByronException e) {
					if (tries >= TRIES) {
						throw e;
					}
				}
			}
		}
	}
}
