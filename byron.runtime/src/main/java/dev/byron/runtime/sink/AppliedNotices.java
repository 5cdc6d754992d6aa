package dev.byron.runtime.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.AppliedSequences;
import dev.byron.runtime.cache.Cache;
import io.nats.client.Dispatcher;

/**
 * What a component's Sinks applied of its own events, told to its API instances over plain NATS (not kept), so
 * that a command waiting to read its write, or fenced behind another's, is woken when any Sink of the component
 * applied it, in another process as in its own. A notice that does not arrive costs only time: the waiter reads
 * the Cache meanwhile.
 */
public final class AppliedNotices {
	private AppliedNotices() {
	}

	/** One notice for the documents a Sink just wrote: a line per document, {@code collection id sequence}. */
	static void publish(Broker broker, String component, List<Cache.Write> writes) {
		if (writes.isEmpty()) {
			return;
		}
		StringBuilder notice = new StringBuilder();
		for (Cache.Write write : writes) {
			notice.append(write.collection()).append(' ').append(write.id()).append(' ').append(write.sequence()).append('\n');
		}
		try {
			broker.connection().publish(broker.names().appliedSubject(component), notice.toString().getBytes(StandardCharsets.UTF_8));
		} catch (RuntimeException e) {
			// a lost notice only makes a waiter read the Cache
		}
	}

	/** Wakes the waiters of {@code applied} on every notice of the component's Sinks; close the dispatcher to stop. */
	public static Dispatcher listen(Broker broker, String component, AppliedSequences applied) {
		Dispatcher dispatcher = broker.connection().createDispatcher(message -> {
			for (String line : new String(message.getData(), StandardCharsets.UTF_8).split("\n")) {
				String[] parts = line.split(" ");
				if (parts.length == 3) {
					try {
						applied.applied(parts[0], parts[1], Long.parseLong(parts[2]));
					} catch (NumberFormatException e) {
						// not a notice of ours
					}
				}
			}
		});
		dispatcher.subscribe(broker.names().appliedSubject(component));
		return dispatcher;
	}
}
