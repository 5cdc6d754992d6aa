package dev.byron.runtime.command;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per group value ({@code talk = t1}), made when a command first needs it and dropped when no
 * command holds or waits for it: commands of different groups never wait for each other, as they would on
 * striped locks whose groups happen to share a stripe.
 */
final class GroupLocks {
	/** A group's lock and how many commands hold it or wait for it. */
	private static final class Entry {
		final ReentrantLock lock = new ReentrantLock(true);
		int users;
	}

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	/** Takes the group's lock, waiting for the commands of the group before this one. */
	Held lock(String group) {
		Entry entry = entries.compute(group, (key, existing) -> {
			Entry taken = existing == null ? new Entry() : existing;
			taken.users++;
			return taken;
		});
		entry.lock.lock();
		return new Held(group, entry);
	}

	/** A taken group lock; {@link #unlock()} from the thread that took it. */
	final class Held {
		private final String group;
		private final Entry entry;

		private Held(String group, Entry entry) {
			this.group = group;
			this.entry = entry;
		}

		void unlock() {
			entry.lock.unlock();
			entries.computeIfPresent(group, (key, existing) -> --existing.users == 0 ? null : existing);
		}
	}

	/** Groups with a lock in use now. */
	int inUse() {
		return entries.size();
	}
}
