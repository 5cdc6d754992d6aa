package dev.byron.runtime.command;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.sink.HandlingOwnEvent;

/**
 * Makes a command's reads of its component's own data exact. At the first read a hook makes, the command
 * takes the component's write lock in this process (so that commands deciding on own data run one at a time
 * here), reads the stream's last sequence and waits until the own Sink has acknowledged everything up to it
 * (so that the Cache holds every committed write). The append then expects the stream still to end there:
 * if another process, or a command that read nothing, appended in between, the command runs again.
 */
final class ReadFence {
	private final Broker broker;
	private final String component;
	private final String ownConsumer;
	private final Duration catchUp;
	private final ReentrantLock lock = new ReentrantLock(true);

	ReadFence(Broker broker, String component, Duration catchUp) {
		this.broker = broker;
		this.component = component;
		this.ownConsumer = broker.names().consumer(component, component);
		this.catchUp = catchUp;
	}

	/** Called before every read of own data by the command's hooks; the first one fences the command. */
	void beforeRead(CommandContext context) {
		if (context.readsOwnData) {
			return;
		}
		CommandContext enclosing = context.enclosing;
		if (enclosing != null && enclosing.readsOwnData) {
			context.readsOwnData = true; // the enclosing command already holds the lock and the head
			context.readHead = enclosing.readHead;
			return;
		}
		lock.lock();
		context.holdsLock = true;
		context.readsOwnData = true;
		context.readHead = caughtUpHead();
	}

	/** A command inside a fenced one (created by its hook) commits against the same head. */
	void inherit(CommandContext context) {
		CommandContext enclosing = context.enclosing;
		if (enclosing != null && enclosing.readsOwnData) {
			context.readsOwnData = true;
			context.readHead = enclosing.readHead;
		}
	}

	void release(CommandContext context) {
		if (context.holdsLock) {
			context.holdsLock = false;
			lock.unlock();
		}
	}

	private long caughtUpHead() {
		long head = broker.lastSequence(component);
		if (head == 0) {
			return 0;
		}
		// run by a reaction to an own event: the Sink acknowledges that event only after the reaction returns
		long needed = Math.min(head, HandlingOwnEvent.current().orElse(head + 1) - 1);
		long deadline = System.nanoTime() + catchUp.toNanos();
		long pause = 1;
		String stream = broker.names().stream(component);
		while (true) {
			long acknowledged = broker.acknowledgedThrough(stream, ownConsumer).orElse(-1L);
			if (acknowledged >= needed) {
				return head;
			}
			if (System.nanoTime() > deadline) {
				throw ByronException.unavailable(component + "'s Sink has not applied its events up to #" + head
						+ (acknowledged < 0 ? " (it has not started)" : " (it is at #" + acknowledged + ")")
						+ ", so a hook reading " + component + "'s data could decide on old data; try again when it caught up.", null);
			}
			try {
				TimeUnit.MILLISECONDS.sleep(pause);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw ByronException.unavailable("interrupted while " + component + "'s Sink caught up", e);
			}
			pause = Math.min(20, pause * 2);
		}
	}
}
