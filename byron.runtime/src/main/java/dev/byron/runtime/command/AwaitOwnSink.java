package dev.byron.runtime.command;

import java.time.Duration;

import dev.byron.runtime.cache.Cache;

/**
 * Read-your-writes: the command answers once the component's own Sink has applied its event to the
 * Cache, or after {@code timeout} (the answer is then built from the event itself). A zero timeout answers
 * right after the append.
 */
final class AwaitOwnSink implements CommandStep {
	private final Cache cache;
	private final Duration timeout;

	AwaitOwnSink(Cache cache, Duration timeout) {
		this.cache = cache;
		this.timeout = timeout;
	}

	@Override
	public void apply(CommandContext context) {
		if (timeout.isZero() || context.alreadyDone) {
			return;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		long pause = 1;
		String collection = Cache.ownCollection(context.entity.name());
		while (cache.sequenceOf(collection, context.id) < context.sequence && System.nanoTime() < deadline) {
			try {
				Thread.sleep(pause);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			pause = Math.min(pause * 2, 20);
		}
	}
}
