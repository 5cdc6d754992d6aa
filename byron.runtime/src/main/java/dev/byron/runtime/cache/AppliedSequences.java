package dev.byron.runtime.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells waiting commands in this process when their own Sink applied an event, so that read-your-writes
 * needs no polling when API and Sink share a process. Across processes, waiters fall back to the Cache.
 */
public final class AppliedSequences {
	private record Waiter(long sequence, CompletableFuture<Void> done) {
	}

	private final Map<String, Long> latest = new ConcurrentHashMap<>();
	/** Several commands may wait on one document: its writer for read-your-writes, others fenced on its group. */
	private final Map<String, java.util.Set<Waiter>> waiters = new ConcurrentHashMap<>();

	public void applied(String collection, String id, long sequence) {
		String key = collection + "/" + id;
		latest.merge(key, sequence, Math::max);
		java.util.Set<Waiter> waiting = waiters.get(key);
		if (waiting != null) {
			waiting.stream().filter(waiter -> waiter.sequence() <= sequence).forEach(waiter -> waiter.done().complete(null));
		}
		if (latest.size() > 100_000) {
			latest.clear(); // only recent writes are awaited; the Cache answers for older ones
		}
	}

	/** Whether a Sink of the component is known to have applied {@code sequence} (or a later one) to the document. */
	public boolean isApplied(String collection, String id, long sequence) {
		return latest.getOrDefault(collection + "/" + id, -1L) >= sequence;
	}

	/** Completes once the own Sink in this process applied {@code sequence} (or a later one) to the document. */
	public CompletableFuture<Void> whenApplied(String collection, String id, long sequence) {
		String key = collection + "/" + id;
		Waiter waiter = new Waiter(sequence, new CompletableFuture<>());
		waiters.compute(key, (k, set) -> {
			java.util.Set<Waiter> waiting = set == null ? ConcurrentHashMap.newKeySet() : set;
			waiting.add(waiter);
			return waiting;
		});
		waiter.done().whenComplete((ok, error) -> waiters.computeIfPresent(key, (k, set) -> {
			set.remove(waiter);
			return set.isEmpty() ? null : set;
		}));
		if (latest.getOrDefault(key, -1L) >= sequence) {
			waiter.done().complete(null);
		}
		return waiter.done();
	}
}
