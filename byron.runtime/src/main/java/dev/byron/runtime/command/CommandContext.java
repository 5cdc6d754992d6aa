package dev.byron.runtime.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.event.Event;

/** One command on its way through the pipeline; each step reads and fills in its part. */
public final class CommandContext {
	final CommandKind kind;
	final EntityDescriptor entity;
	final Map<String, Object> input;
	/** The trace the command continues; the pipeline replaces it with its own span's. */
	String traceparent;
	final Caller caller;
	/** Whether the command came through the API (bound by ownership rules) rather than from the component's own code. */
	final boolean external;
	String id;
	/** Whether a create with a caller-chosen id that already exists returns the existing entity. */
	final boolean idempotentCreate;
	Map<String, Object> previous = Map.of();
	long expectedSequence;
	Map<String, Object> state = new LinkedHashMap<>();
	List<String> changed = new ArrayList<>();
	Event event;
	long sequence;
	boolean alreadyDone;
	/** Applied to the current state read at the start; false makes the update a no-op (compare-and-set). */
	java.util.function.Predicate<Map<String, Object>> precondition;
	final List<UniqueClaims.Claim> newClaims = new ArrayList<>();
	/** One command, across the attempts a fenced command may need: the seed of what its hooks create and publish. */
	final String commandId;
	/** Whether a hook read the component's own data: the append then expects the stream to end at {@link #readHead}. */
	boolean readsOwnData;
	long readHead = -1;
	/** The head up to which the Cache held everything the command's reads stand for when it was fenced; -1 if not. */
	long cacheThrough = -1;
	/** When the command's hooks declare a key ({@code by talk}): the group their reads stand for; null for the whole component. */
	ReadFence.Group group;
	/** Releases the fence's lock this command holds; null when it holds none. */
	Runnable heldLock;
	/** Whether the command's own event is appended: commands its after hooks run no longer share its head. */
	boolean committed;
	/** The command whose hook runs this one, if any. */
	CommandContext enclosing;
	/** Events a before hook published: they travel in the command's own append, so they commit with it. */
	final List<Event> followUps = new ArrayList<>();
	/**
	 * Entities this attempt's hooks found, as "collection/id": a reference to one of them needs no second read
	 * (an own entity's find is exact; a replica's is what the Sink last saw either way).
	 */
	final java.util.Set<String> foundByHooks = new java.util.HashSet<>();
	int derivedCreates;
	int derivedPublishes;
	/** Set for a custom mutation's before hooks and resolver run as one unit: its name; no entity, no append of its own. */
	final String operation;
	/** The id of the command's event when a keyed request fixed it; null: a new one at the append. */
	final String eventId;
	/** Whether the request's Idempotency-Key came before: the event with {@link #eventId} may be there already. */
	final boolean sentAgain;

	CommandContext(CommandKind kind, EntityDescriptor entity, String id, Map<String, Object> input, String traceparent,
			Caller caller, boolean idempotentCreate) {
		this(kind, entity, id, input, traceparent, caller, idempotentCreate, null);
	}

	/** A command for a request sent with an Idempotency-Key: the ids of {@code attempt}, each time the request comes. */
	CommandContext(CommandKind kind, EntityDescriptor entity, Map<String, Object> input, String traceparent, Caller caller,
			IdempotencyKeys.Attempt attempt) {
		this(kind, entity, attempt.entityId(), input, traceparent, caller, kind == CommandKind.CREATE && attempt.again(), attempt);
	}

	private CommandContext(CommandKind kind, EntityDescriptor entity, String id, Map<String, Object> input, String traceparent,
			Caller caller, boolean idempotentCreate, IdempotencyKeys.Attempt attempt) {
		this.caller = caller == null ? Caller.ANONYMOUS : caller;
		this.external = caller != null;
		this.kind = kind;
		this.entity = entity;
		this.id = id;
		this.input = input == null ? Map.of() : input;
		this.traceparent = traceparent;
		this.idempotentCreate = idempotentCreate;
		this.commandId = attempt == null ? AppendEvent.newId() : attempt.commandId();
		this.operation = null;
		this.eventId = attempt == null ? null : attempt.eventId();
		this.sentAgain = attempt != null && attempt.again();
	}

	private CommandContext(String operation, String traceparent, Caller caller) {
		this.caller = caller == null ? Caller.ANONYMOUS : caller;
		this.external = caller != null;
		this.kind = null;
		this.entity = null;
		this.input = Map.of();
		this.traceparent = traceparent;
		this.idempotentCreate = false;
		this.commandId = AppendEvent.newId();
		this.operation = operation;
		this.eventId = null;
		this.sentAgain = false;
	}

	/** A custom mutation as one unit: the commands its hooks and resolver run share its fence. */
	static CommandContext operation(String name, String traceparent, Caller caller) {
		return new CommandContext(name, traceparent, caller);
	}

	private CommandContext(CommandContext first) {
		this.caller = first.caller;
		this.external = first.external;
		this.kind = first.kind;
		this.entity = first.entity;
		this.id = first.id;
		this.input = first.input;
		this.traceparent = first.traceparent;
		this.idempotentCreate = first.idempotentCreate;
		this.precondition = first.precondition;
		this.commandId = first.commandId;
		this.operation = first.operation;
		this.eventId = first.eventId;
		this.sentAgain = first.sentAgain;
	}

	/** The same command afresh, for another attempt after its reads went stale. */
	CommandContext again() {
		return new CommandContext(this);
	}

	void found(String collection, String id) {
		foundByHooks.add(collection + "/" + id);
	}

	boolean foundByHooks(String collection, String id) {
		return foundByHooks.contains(collection + "/" + id);
	}

	/** A seed for ids that stay the same across the command's attempts. */
	String derivedSeed(String what) {
		return commandId + ":" + what;
	}

	public CommandKind kind() {
		return kind;
	}

	public EntityDescriptor entity() {
		return entity;
	}

	public String id() {
		return id;
	}

	public Map<String, Object> state() {
		return state;
	}

	public Map<String, Object> previous() {
		return previous;
	}

	/** Whether the command appended nothing (an idempotent create found, or a precondition not met). */
	public boolean skipped() {
		return alreadyDone;
	}

	public long sequence() {
		return sequence;
	}

	public Event event() {
		return event;
	}

	public String traceparent() {
		return traceparent;
	}

	public Caller caller() {
		return caller;
	}

	public String commandName() {
		return operation != null ? operation : kind.commandName(entity.name());
	}
}
