package dev.byron.runtime.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.Operation;
import dev.byron.runtime.sink.HandlingOwnEvent;

/**
 * Makes a command's reads of its component's own data exact. At the first read a hook makes, the command
 * takes a write lock in this process (so that commands deciding on the same data run one at a time here),
 * reads the stream's last sequence and waits until the own Sink has acknowledged everything up to it (so
 * that the Cache holds every committed write). The append then expects the stream still to end there: if
 * another process, or a command that read nothing, appended in between, the command runs again.
 *
 * <p>When the command's hooks declare a key ({@code before createRegistration call checkCapacity by talk}),
 * the lock is the group's (commands of other talks run in parallel), and a refused append first looks at
 * what was appended meanwhile: if none of it belongs to the group, the hooks' decision still holds and only
 * the append is repeated, against the new head.
 */
final class ReadFence {
	private static final int STRIPES = 64;
	private static final int REVALIDATIONS = 50;

	/** The data a keyed command's reads stand for: entities whose {@code field} holds {@code value}, and the entity it names. */
	record Group(String entity, String field, Object value, String referenced) {
		boolean touchedBy(Event event) {
			if (event.operation() == Operation.DOMAIN) {
				return false;
			}
			if (entity.equals(event.entity())) {
				return event.isDeletion() || event.changed().contains(field)
						|| Objects.equals(String.valueOf(event.data().get(field)), String.valueOf(value));
			}
			return referenced != null && referenced.equals(event.entity()) && String.valueOf(value).equals(event.entityId());
		}
	}

	private final Broker broker;
	private final ComponentDescriptor component;
	private final String ownConsumer;
	private final Duration catchUp;
	private final ReentrantLock lock = new ReentrantLock(true);
	private final ReentrantLock[] groupLocks = new ReentrantLock[STRIPES];
	private final Map<String, String> keys;

	ReadFence(Broker broker, ComponentDescriptor component, Duration catchUp) {
		this.broker = broker;
		this.component = component;
		this.ownConsumer = broker.names().consumer(component.name(), component.name());
		this.catchUp = catchUp;
		this.keys = keysOf(component.hooks());
		for (int i = 0; i < STRIPES; i++) {
			groupLocks[i] = new ReentrantLock(true);
		}
	}

	/** A command's key: the one every hook of it declares; none when they disagree or one has none. */
	static Map<String, String> keysOf(List<HookDescriptor> hooks) {
		Map<String, String> keys = new java.util.HashMap<>();
		Map<String, Boolean> agreed = new java.util.HashMap<>();
		for (HookDescriptor hook : hooks) {
			if (!agreed.containsKey(hook.command())) {
				agreed.put(hook.command(), hook.key() != null);
				keys.put(hook.command(), hook.key());
			} else if (!Objects.equals(keys.get(hook.command()), hook.key())) {
				agreed.put(hook.command(), false);
			}
		}
		keys.keySet().removeIf(command -> !agreed.get(command));
		return Map.copyOf(keys);
	}

	/** Called before every read of own data by the command's hooks; the first one fences the command. */
	void beforeRead(CommandContext context) {
		if (context.readsOwnData) {
			return;
		}
		CommandContext enclosing = context.enclosing;
		if (enclosing != null && enclosing.readsOwnData) {
			inherit(context);
			return;
		}
		Group group = groupOf(context);
		ReentrantLock taken = group == null ? lock : groupLocks[Math.floorMod(Objects.hash(group.field(), String.valueOf(group.value())), STRIPES)];
		taken.lock();
		context.heldLock = taken;
		context.group = group;
		context.readsOwnData = true;
		context.readHead = caughtUpHead();
	}

	/** A command inside a fenced one (run by its hook) commits against the same head, in the same group. */
	void inherit(CommandContext context) {
		CommandContext enclosing = context.enclosing;
		if (enclosing != null && enclosing.readsOwnData) {
			context.readsOwnData = true;
			context.readHead = enclosing.readHead;
			context.group = enclosing.group;
		}
	}

	void release(CommandContext context) {
		if (context.heldLock != null) {
			context.heldLock.unlock();
			context.heldLock = null;
		}
	}

	/**
	 * After a refused append of a keyed command: whether everything appended since its reads lies outside its
	 * group, in which case its head moves to the stream's end and the append may be repeated as it is.
	 */
	boolean stillValid(CommandContext context) {
		if (context.group == null || context.revalidations >= REVALIDATIONS) {
			return false;
		}
		context.revalidations++;
		long end = broker.lastSequence(component.name());
		if (end <= context.readHead) {
			return false; // the stream did not move: the entity's own subject did
		}
		for (long sequence = context.readHead + 1; sequence <= end; sequence++) {
			Event event = broker.event(component.name(), sequence).orElse(null);
			if (event == null || context.group.touchedBy(event)) {
				return false; // an event of the group, or one that cannot be read: decide again
			}
		}
		context.readHead = end;
		return true;
	}

	private Group groupOf(CommandContext context) {
		String field = keys.get(context.commandName());
		if (field == null) {
			return null;
		}
		Object value = context.state.containsKey(field) ? context.state.get(field) : context.previous.get(field);
		if (value == null) {
			return null;
		}
		EntityDescriptor entity = context.entity;
		String referenced = entity.field(field).map(FieldDescriptor::type)
				.filter(type -> type.kind() == FieldType.Kind.ENTITY && !type.list()
						&& (type.component() == null || type.component().equals(component.name())))
				.map(FieldType::name).orElse(null);
		return new Group(entity.name(), field, value, referenced);
	}

	private long caughtUpHead() {
		long head = broker.lastSequence(component.name());
		if (head == 0) {
			return 0;
		}
		// run by a reaction to an own event: the Sink acknowledges that event only after the reaction returns
		long needed = Math.min(head, HandlingOwnEvent.current().orElse(head + 1) - 1);
		long deadline = System.nanoTime() + catchUp.toNanos();
		long pause = 1;
		String stream = broker.names().stream(component.name());
		while (true) {
			long acknowledged = broker.acknowledgedThrough(stream, ownConsumer).orElse(-1L);
			if (acknowledged >= needed) {
				return head;
			}
			if (System.nanoTime() > deadline) {
				throw ByronException.unavailable(component.name() + "'s Sink has not applied its events up to #" + head
						+ (acknowledged < 0 ? " (it has not started)" : " (it is at #" + acknowledged + ")")
						+ ", so a hook reading " + component.name() + "'s data could decide on old data; try again when it caught up.",
						null);
			}
			try {
				TimeUnit.MILLISECONDS.sleep(pause);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw ByronException.unavailable("interrupted while " + component.name() + "'s Sink caught up", e);
			}
			pause = Math.min(20, pause * 2);
		}
	}
}
