package dev.byron.runtime.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.AppliedSequences;
import dev.byron.runtime.cache.Cache;
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
	private final AppliedSequences applied;
	private final ComponentDescriptor component;
	private final String ownConsumer;
	private final Duration catchUp;
	private final ReentrantLock lock = new ReentrantLock(true);
	private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(10);
	/** Guards the chain of keyed appends in flight: the fields below. */
	private final Object chain = new Object();
	/** Keyed appends sent and not yet answered, with the chain they were sent in. */
	private final Map<Event, Integer> inFlight = new java.util.HashMap<>();
	/** The chain appends are sent in now: a refused append ends it, as all sent after it expect it. */
	private int chainGeneration;
	/** Appends of the current chain not yet answered; with none, the next append starts a chain. */
	private int aliveInFlight;
	/** The last append sent: the current chain's next one expects it as the stream's last message. */
	private Event lastSent;
	/** The stream sequence the current chain's first append expected: events up to it were there before the chain. */
	private long chainBase;
	private static final int RECENT = 10_000;
	/** Events of the stream by sequence, as this process appended or read them: the newest {@link #RECENT}. */
	private final java.util.concurrent.ConcurrentSkipListMap<Long, Event> recent = new java.util.concurrent.ConcurrentSkipListMap<>();
	private final GroupLocks groupLocks = new GroupLocks();
	/** Ids of the events this process is appending now. */
	private final java.util.Set<String> sending = java.util.concurrent.ConcurrentHashMap.newKeySet();
	/** Every event up to this sequence is in the Cache, as a Sink's acknowledgements or notices told this process. */
	private final java.util.concurrent.atomic.AtomicLong appliedThrough = new java.util.concurrent.atomic.AtomicLong();
	/** When this process last met an event of the stream it had not appended: its own knowledge is then no head. */
	private volatile long foreignSeenAt = System.nanoTime() - LOCAL_HEAD_QUIET.toNanos();
	/** How long after meeting another writer's event keyed commands ask the broker for the head again. */
	private static final Duration LOCAL_HEAD_QUIET = Duration.ofSeconds(1);
	/** How long a keyed command waits for its group's events on the local knowledge before it asks the broker. */
	private static final Duration LOCAL_WAIT = Duration.ofMillis(100);
	private final Map<String, String> keys;

	private final io.micrometer.core.instrument.Timer lockWait;
	private final io.micrometer.core.instrument.Timer catchUpWait;

	ReadFence(Broker broker, ComponentDescriptor component, AppliedSequences applied, Duration catchUp,
			io.micrometer.core.instrument.MeterRegistry meters) {
		this.lockWait = io.micrometer.core.instrument.Timer.builder("byron.fence.wait").tag("phase", "lock")
				.description("Time a command that reads own data waits for the commands of its group before it").register(meters);
		this.catchUpWait = io.micrometer.core.instrument.Timer.builder("byron.fence.wait").tag("phase", "catch-up")
				.description("Time a command that reads own data waits for the Cache to hold what it may read").register(meters);
		this.broker = broker;
		this.applied = applied;
		this.component = component;
		this.ownConsumer = broker.names().consumer(component.name(), component.name());
		this.catchUp = catchUp;
		this.keys = keysOf(component);
	}

	/**
	 * The keys of the component's commands: a command's hooks' ({@link #keysOf(List)}), and for a command with no
	 * hooks the field its entity's {@code @limit} counts per. A command whose hooks are keyed by another field than
	 * its limit's has no key: it is fenced for the whole component, which covers both.
	 */
	static Map<String, String> keysOf(ComponentDescriptor component) {
		Map<String, String> keys = new java.util.HashMap<>(keysOf(component.hooks()));
		java.util.Set<String> hooked = new java.util.HashSet<>();
		component.hooks().forEach(hook -> hooked.add(hook.command()));
		for (EntityDescriptor entity : component.entities()) {
			for (var limit : entity.countLimits()) {
				for (CommandKind kind : List.of(CommandKind.CREATE, CommandKind.UPDATE)) {
					String command = kind.commandName(entity.name());
					if (entity.countLimits().size() > 1) {
						keys.remove(command); // groups of several fields: fenced for the whole component
					} else if (!hooked.contains(command)) {
						keys.put(command, limit.per());
					} else if (keys.containsKey(command) && !keys.get(command).equals(limit.per())) {
						keys.remove(command);
					}
				}
			}
		}
		return Map.copyOf(keys);
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
		if (sharesHeadWithEnclosing(context)) {
			inherit(context);
			return;
		}
		Group group = groupOf(context);
		long start = System.nanoTime();
		if (group == null) {
			lock.lock();
			context.heldLock = lock::unlock;
		} else {
			context.heldLock = groupLocks.lock(group.field() + "=" + group.value())::unlock;
		}
		long locked = System.nanoTime();
		lockWait.record(locked - start, TimeUnit.NANOSECONDS);
		context.group = group;
		context.readsOwnData = true;
		context.readHead = caughtUpHead(group);
		catchUpWait.record(System.nanoTime() - locked, TimeUnit.NANOSECONDS);
		// run by a reaction to an own event, the Sink has not applied that event: the Cache is behind the head
		context.cacheThrough = HandlingOwnEvent.current().isPresent() ? -1 : context.readHead;
	}

	/** A command inside a fenced one (run by its hook) commits against the same head, in the same group. */
	void inherit(CommandContext context) {
		CommandContext enclosing = context.enclosing;
		if (sharesHeadWithEnclosing(context)) {
			context.readsOwnData = true;
			context.readHead = enclosing.readHead;
			context.group = enclosing.group;
		}
	}

	/**
	 * Whether the Cache holds an own entity exactly as of the command's head, so that a read of it needs no trip to
	 * the stream: the command waited for the Sink up to its head, nothing has been appended by it since (the Sink
	 * may not have applied that yet), and the entity is among what it waited for (everything, or its group's
	 * referenced entity). A later change to it makes the append fail as for any read.
	 */
	static boolean cacheCurrent(CommandContext context, String entity, String id) {
		if (!context.readsOwnData || context.cacheThrough < 0 || context.readHead != context.cacheThrough) {
			return false;
		}
		Group group = context.group;
		return group == null || (entity.equals(group.referenced()) && id.equals(String.valueOf(group.value())));
	}

	/** Whether the command runs inside a fenced command's before hooks, whose append has not happened yet. */
	static boolean sharesHeadWithEnclosing(CommandContext context) {
		CommandContext enclosing = context.enclosing;
		return enclosing != null && enclosing.readsOwnData && !enclosing.committed;
	}

	/**
	 * Lets the next command of the group in: once the command's event is appended (or the command failed). The
	 * next one still waits, at its first read, until the Cache holds this command's event.
	 */
	void release(CommandContext context) {
		if (context.heldLock != null) {
			context.heldLock.run();
			context.heldLock = null;
		}
	}

	/** Sends one append: after the stream's sequence {@code head}, or when {@code afterId} is given, right after that message. */
	interface ChainedAppend {
		CompletableFuture<Long> send(long head, String afterId);
	}

	/**
	 * Appends a keyed command's event. The keyed appends of this process form a chain: each is sent without
	 * waiting for the one before and commits only right after it ({@link Broker#appendAsync}), having checked that
	 * nothing before it that it did not read (events since its head, the appends still in flight) belongs to its
	 * group. An append with none in flight moves its head to the last event this process knows of, if that
	 * passes the same check. A group event among them means the hooks must decide again ({@link StaleRead}); a
	 * chain that breaks (a predecessor refused, another process in between) sends the append again after
	 * checking what came in between.
	 */
	long appendInGroup(CommandContext context, Event event, ChainedAppend append) {
		Group group = context.group;
		for (int tries = 1;; tries++) {
			CompletableFuture<Long> sent;
			int generation;
			synchronized (chain) {
				long known = recent.isEmpty() ? 0 : recent.lastKey();
				if (aliveInFlight == 0) {
					if (known > context.readHead && outsideGroup(group, context.readHead, known)) {
						context.readHead = known; // what this process appended or read since, checked without asking the broker
					}
					chainBase = context.readHead;
					sent = append.send(context.readHead, null);
				} else {
					if (!outsideGroup(group, context.readHead, Math.max(known, chainBase))
							|| inFlight.keySet().stream().anyMatch(group::touchedBy)) {
						throw new StaleRead("what " + context.commandName() + " read of its " + group.field() + " is changing");
					}
					sent = append.send(-1, lastSent.id());
				}
				generation = chainGeneration;
				inFlight.put(event, generation);
				lastSent = event;
				aliveInFlight++;
			}
			boolean refused = false;
			try {
				long sequence = awaitAppend(sent);
				remember(sequence, event);
				return sequence;
			} catch (dev.byron.runtime.broker.ConcurrentAppend e) {
				refused = true;
				long end = broker.lastSequence(component.name());
				if (tries >= REVALIDATIONS || (end == context.readHead && !e.chainBroken())) {
					throw new StaleRead(e); // the entity's own subject moved, or no end in sight: decide again
				}
				if (!outsideGroup(group, context.readHead, end)) {
					throw new StaleRead("what " + context.commandName() + " read of its " + group.field() + " changed");
				}
				context.readHead = end;
			} finally {
				synchronized (chain) {
					inFlight.remove(event);
					if (generation == chainGeneration) {
						aliveInFlight--;
						if (refused) {
							// every append sent after this one expects it, so none of them can commit: start anew
							chainGeneration++;
							aliveInFlight = 0;
						}
					}
				}
			}
		}
	}

	private static long awaitAppend(CompletableFuture<Long> sent) {
		try {
			return sent.get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		} catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ByronException.unavailable("the broker refused the event: " + e.getCause(), e.getCause());
		} catch (java.util.concurrent.TimeoutException e) {
			throw ByronException.unavailable("the broker did not confirm the event within " + APPEND_TIMEOUT.toSeconds() + " s", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ByronException.unavailable("interrupted while appending", e);
		}
	}

	/** Marks an event this process is appending, until {@link #remember} or {@link #notSent}: read back early, it is not another writer's. */
	void sending(Event event) {
		sending.add(event.id());
	}

	/** The append of an event {@link #sending} failed. */
	void notSent(Event event) {
		sending.remove(event.id());
	}

	/** An event this process appended, so that scans of what came since a head need not read it back. */
	void remember(long sequence, Event event) {
		recent.put(sequence, event);
		sending.remove(event.id());
		if (recent.size() > RECENT) {
			recent.headMap(sequence - RECENT).clear();
		}
	}

	private Event event(long sequence) {
		Event known = recent.get(sequence);
		if (known != null) {
			return known;
		}
		Event read = broker.event(component.name(), sequence).orElse(null);
		// an append of this process is acknowledged before it is remembered: read back meanwhile, it is no other writer's
		if (read == null || !(sending.contains(read.id()) || recent.containsKey(sequence))) {
			foreignSeenAt = System.nanoTime();
		}
		if (read != null) {
			remember(sequence, read);
		}
		return read;
	}

	/** Whether every event in (after, through] lies outside the group (and can be read). */
	private boolean outsideGroup(Group group, long after, long through) {
		return lastOfGroup(group, after, through) < 0;
	}

	/** The last sequence in (after, through] whose event belongs to the group or cannot be read; -1 if none. */
	private long lastOfGroup(Group group, long after, long through) {
		java.util.NavigableMap<Long, Event> events = groupEvents(group, after, through);
		return events.isEmpty() ? -1 : events.lastKey();
	}

	/** The events in (after, through] that belong to the group, by sequence; null for one that cannot be read. */
	private java.util.NavigableMap<Long, Event> groupEvents(Group group, long after, long through) {
		java.util.TreeMap<Long, Event> events = new java.util.TreeMap<>();
		for (long sequence = after + 1; sequence <= through; sequence++) {
			Event event = event(sequence);
			if (event == null || group.touchedBy(event)) {
				events.put(sequence, event);
			}
		}
		return events;
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

	/**
	 * The stream's last sequence, once the Cache holds every event up to it that the reads could see: all of
	 * them, or for a keyed command those of its group (the others need not be waited for).
	 */
	private long caughtUpHead(Group group) {
		if (group != null && HandlingOwnEvent.current().isEmpty()) {
			long known = caughtUpLocally(group);
			if (known > 0) {
				return known;
			}
		}
		String stream = broker.names().stream(component.name());
		// one request for both: where the Sink is, and the head (a head read low only makes the append retry)
		var position = broker.consumerPosition(stream, ownConsumer);
		long head = position.isPresent() ? position.get().head() : broker.lastSequence(component.name());
		long acknowledged = position.map(Broker.ConsumerPosition::acknowledged).orElse(-1L);
		if (head == 0) {
			return 0;
		}
		// run by a reaction to an own event: the Sink acknowledges that event only after the reaction returns
		long needed = Math.min(head, HandlingOwnEvent.current().orElse(head + 1) - 1);
		long deadline = System.nanoTime() + catchUp.toNanos();
		long pause = 1;
		List<CompletableFuture<Void>> applies = List.of();
		if (group != null && acknowledged >= 0 && acknowledged < needed) {
			java.util.NavigableMap<Long, Event> pending = groupEvents(group, acknowledged, needed);
			needed = pending.isEmpty() ? -1 : pending.lastKey();
			applies = appliedHere(pending);
		}
		try {
			for (boolean first = true;; first = false) {
				if (!first) {
					acknowledged = broker.acknowledgedThrough(stream, ownConsumer).orElse(-1L);
				}
				if (acknowledged >= needed || (!applies.isEmpty() && applies.stream().allMatch(CompletableFuture::isDone))) {
					appliedThrough.accumulateAndGet(acknowledged, Math::max);
					return head;
				}
				waitForSink(head, acknowledged, deadline, applies, pause);
				pause = Math.min(20, pause * 2);
			}
		} finally {
			applies.forEach(apply -> apply.cancel(false));
		}
	}

	/**
	 * The head a keyed command may read at without asking the broker, once the Cache holds its group's events up
	 * to it; 0 when this process's own knowledge cannot tell. It can when it alone has written lately and knows
	 * every event since the Cache was last known complete (its appends, and what it read back): then the head is
	 * its last known event. Should another writer have appended after it, the append expecting that head is
	 * refused and the command checks what came in between, as for any head.
	 */
	private long caughtUpLocally(Group group) {
		if (recent.isEmpty() || System.nanoTime() - foreignSeenAt < LOCAL_HEAD_QUIET.toNanos()) {
			return 0;
		}
		long from = appliedThrough.get();
		long head = recent.lastKey();
		if (head <= from) {
			return head;
		}
		var since = recent.subMap(from, false, head, true);
		if (since.size() != head - from) {
			return 0; // events in between that this process never saw
		}
		long applied = from;
		boolean prefix = true;
		List<CompletableFuture<Void>> pending = new java.util.ArrayList<>();
		for (var entry : since.entrySet()) {
			Event event = entry.getValue();
			boolean done = event.operation() == Operation.DOMAIN || event.entity() == null
					|| this.applied.isApplied(Cache.ownCollection(event.entity()), event.entityId(), entry.getKey());
			if (prefix && done) {
				applied = entry.getKey();
			}
			prefix &= done;
			if (!done && group.touchedBy(event)) {
				pending.add(this.applied.whenApplied(Cache.ownCollection(event.entity()), event.entityId(), entry.getKey()));
			}
		}
		appliedThrough.accumulateAndGet(applied, Math::max);
		if (pending.isEmpty()) {
			return head;
		}
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(LOCAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			return head;
		} catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
			return 0; // no word from a Sink yet: its acknowledgements on the broker tell
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ByronException.unavailable("interrupted while " + component.name() + "'s Sink caught up", e);
		} finally {
			pending.forEach(apply -> apply.cancel(false));
		}
	}

	/**
	 * For each of the group's events not yet acknowledged: done when the Sink of this process has applied it, so that
	 * a command need not poll the broker while its own Sink applies its group's last events. None when one of
	 * them cannot be read (then only the Sink's acknowledgements tell).
	 */
	private List<CompletableFuture<Void>> appliedHere(Map<Long, Event> events) {
		if (events.containsValue(null)) {
			return List.of();
		}
		return events.entrySet().stream().map(e -> applied.whenApplied(Cache.ownCollection(e.getValue().entity()),
				e.getValue().entityId(), e.getKey())).toList();
	}

	/** Waits a little for the Sink: woken by this process's Sink applying the events, else after {@code pause}. */
	private void waitForSink(long head, long acknowledged, long deadline, List<CompletableFuture<Void>> applies, long pause) {
		if (System.nanoTime() > deadline) {
			throw ByronException.unavailable(component.name() + "'s Sink has not applied its events up to #" + head
					+ (acknowledged < 0 ? " (it has not started)" : " (it is at #" + acknowledged + ")")
					+ ", so a hook reading " + component.name() + "'s data could decide on old data; try again when it caught up.",
					null);
		}
		try {
			if (applies.isEmpty()) {
				TimeUnit.MILLISECONDS.sleep(pause);
			} else {
				CompletableFuture.allOf(applies.toArray(CompletableFuture[]::new)).get(pause, TimeUnit.MILLISECONDS);
			}
		} catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException
				| java.util.concurrent.CancellationException e) {
			// not applied here yet: the Sink may run in another process, whose acknowledgements tell
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ByronException.unavailable("interrupted while " + component.name() + "'s Sink caught up", e);
		}
	}
}
