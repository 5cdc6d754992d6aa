package dev.byron.runtime.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.byron.runtime.cache.AppliedSequences;
import dev.byron.runtime.cache.Cache;

/**
 * Read-your-writes: the command answers once the component's own Sink has applied its event to the
 * Cache, or after {@code timeout} (the answer is then built from the event itself). A zero timeout answers
 * right after the append.
 */
final class AwaitOwnSink implements CommandStep {
	private final Cache cache;
	private final AppliedSequences sequences;
	private final Duration timeout;

	AwaitOwnSink(Cache cache, AppliedSequences applied, Duration timeout) {
		this.cache = cache;
		this.sequences = applied;
		this.timeout = timeout;
	}

	@Override
	public void apply(CommandContext context) {
		if (timeout.isZero() || context.alreadyDone) {
			return;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		String collection = Cache.ownCollection(context.entity.name());
		CompletableFuture<Void> applied = sequences.whenApplied(collection, context.id, context.sequence);
		try {
			while (System.nanoTime() < deadline) {
				try {
					applied.get(20, TimeUnit.MILLISECONDS);
					return;
				} catch (TimeoutException e) {
					// the Sink may run in another process: then only the Cache tells
					if (cache.sequenceOf(collection, context.id) >= context.sequence) {
						return;
					}
				} catch (ExecutionException e) {
					return;
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} finally {
			applied.cancel(false);
		}
	}
}
