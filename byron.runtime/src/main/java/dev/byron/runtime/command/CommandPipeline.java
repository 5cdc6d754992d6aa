package dev.byron.runtime.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.AppliedSequences;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.spi.Hooks;
import dev.byron.runtime.trace.TraceSpan;
import dev.byron.runtime.trace.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;

/**
 * A command's way through the API: load the current state, build the new one, check ownership, before hooks,
 * validate, check references, check {@code @limit}s, claim unique values, append (the commit point, carrying the events the before
 * hooks decided on), release replaced values, await the own Sink, after hooks. A failing step undoes what the
 * earlier ones did. A command whose hooks read the component's own data is fenced ({@link ReadFence}) and
 * runs again, hooks included, when its append finds that the data may have changed since.
 */
public final class CommandPipeline {
	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandPipeline.class);
	private final ComponentDescriptor component;
	private final List<CommandStep> beforeAppend;
	private final List<CommandStep> afterAppend;
	private final MeterRegistry meters;
	private final Broker broker;
	private final ReadFence fence;
	private final DomainEventPublisher publisher;
	private static final ThreadLocal<CommandContext> RUNNING = new ThreadLocal<>();
	/** How long a fenced command keeps trying when other writers keep changing what it read. */
	private static final Duration RETRY_FOR = Duration.ofSeconds(10);
	private static final int MAX_ATTEMPTS = 100;
	private static final Duration CATCH_UP = Duration.ofSeconds(10);

	private final EntityLog log;
	private final LocalComponentClient client;
	private final Cache cache;
	private final IdempotencyKeys keys;

	public CommandPipeline(ComponentDescriptor component, Broker broker, Cache cache, AppliedSequences applied, Hooks hooks,
			LocalComponentClient client, Duration readYourWrites, Duration uniqueGrace, MeterRegistry meters) {
		this.component = component;
		this.meters = meters;
		this.broker = broker;
		this.fence = new ReadFence(broker, component, applied, CATCH_UP, meters);
		this.publisher = new DomainEventPublisher(component, broker);
		this.log = new EntityLog(broker, component);
		this.client = client;
		this.cache = cache;
		this.keys = new IdempotencyKeys(broker);
		UniqueClaims claims = new UniqueClaims(broker, component.name(), log, uniqueGrace);
		this.beforeAppend = List.of(new LoadCurrentState(log), new BuildNewState(), new CheckOwnership(),
				new RunCommandHooks(component, hooks, "before", client, fence), new ValidateFields(component),
				new CheckReferences(component, log, cache), new CheckLimits(component.name(), cache, fence, this::current), new ClaimUniqueValues(claims),
				new AppendEvent(component, broker, fence));
		this.afterAppend = List.of(new ReleaseOldUniqueValues(claims),
				new AwaitOwnSink(cache, applied, readYourWrites), new RunCommandHooks(component, hooks, "after", client, fence));
		java.util.stream.Stream.concat(beforeAppend.stream(), afterAppend.stream()).forEach(step -> timers.put(step,
				Timer.builder("byron.command.step").tag("step", step.name()).register(meters)));
	}

	/** Each step's timer, looked up once: a registry lookup per step and command showed in profiles. */
	private final Map<CommandStep, Timer> timers = new java.util.IdentityHashMap<>();

	/** The component's declared events, as its hooks publish them. */
	public DomainEventPublisher publisher() {
		return publisher;
	}

	public CommandContext create(String entity, Map<String, Object> input, String traceparent) {
		return create(entity, input, traceparent, null);
	}

	/**
	 * A create through the API on behalf of {@code caller}, which ownership rules bind; the component's own code
	 * (hooks, reactions) uses the overloads without a caller.
	 */

	public CommandContext create(String entity, Map<String, Object> input, String traceparent, Caller caller) {
		return run(new CommandContext(CommandKind.CREATE, entity(entity), AppendEvent.newId(), input, traceparent, caller, false));
	}

	/**
	 * A request sent with an {@code Idempotency-Key}, which its client may send again (its answer lost, a timeout):
	 * {@code field} and {@code arguments} are what it asks, which the key stands for.
	 */
	public record KeyedRequest(String key, String field, Map<String, Object> arguments) {
	}

	/** A create through the API whose request came with a key: sent again, it answers with what its first time created. */
	public CommandContext create(String entity, Map<String, Object> input, String traceparent, Caller caller, KeyedRequest keyed) {
		if (keyed == null) {
			return create(entity, input, traceparent, caller);
		}
		return keyed(CommandKind.CREATE, entity, AppendEvent.newId(), input, traceparent, caller, keyed);
	}

	/** An update through the API whose request came with a key: sent again, it answers with what its first time wrote. */
	public CommandContext update(String entity, String id, Map<String, Object> patch, String traceparent, Caller caller,
			KeyedRequest keyed) {
		return keyed == null ? update(entity, id, patch, traceparent, caller)
				: keyed(CommandKind.UPDATE, entity, id, patch, traceparent, caller, keyed);
	}

	/** A delete through the API whose request came with a key: sent again, it answers as its first time did. */
	public CommandContext delete(String entity, String id, String traceparent, Caller caller, KeyedRequest keyed) {
		return keyed == null ? delete(entity, id, traceparent, caller)
				: keyed(CommandKind.DELETE, entity, id, Map.of(), traceparent, caller, keyed);
	}

	private CommandContext keyed(CommandKind kind, String entity, String id, Map<String, Object> input, String traceparent,
			Caller caller, KeyedRequest keyed) {
		EntityDescriptor descriptor = entity(entity);
		IdempotencyKeys.Attempt attempt = keys.attempt(caller == null ? Caller.ANONYMOUS : caller, keyed.key(), keyed.field(),
				keyed.arguments(), id);
		return run(new CommandContext(kind, descriptor, input, traceparent, caller, attempt));
	}

	/** A create with a caller-chosen id; running it again returns the entity the first run created. */
	public CommandContext createWithId(String entity, String id, Map<String, Object> input, String traceparent) {
		return run(new CommandContext(CommandKind.CREATE, entity(entity), id, input, traceparent, null, true));
	}

	public CommandContext update(String entity, String id, Map<String, Object> patch, String traceparent) {
		return update(entity, id, patch, traceparent, null);
	}

	public CommandContext update(String entity, String id, Map<String, Object> patch, String traceparent, Caller caller) {
		return run(new CommandContext(CommandKind.UPDATE, entity(entity), id, patch, traceparent, caller, false));
	}

	/**
	 * An update that applies only if {@code precondition} holds for the entity's current state; as the
	 * append expects that very state, a concurrent change makes it fail with CONFLICT instead of being lost.
	 */
	public CommandContext updateIf(String entity, String id, java.util.function.Predicate<Map<String, Object>> precondition,
			Map<String, Object> patch, String traceparent) {
		CommandContext context = new CommandContext(CommandKind.UPDATE, entity(entity), id, patch, traceparent, null, false);
		context.precondition = precondition;
		return run(context);
	}

	public CommandContext delete(String entity, String id, String traceparent) {
		return delete(entity, id, traceparent, null);
	}

	public CommandContext delete(String entity, String id, String traceparent, Caller caller) {
		return run(new CommandContext(CommandKind.DELETE, entity(entity), id, Map.of(), traceparent, caller, false));
	}

	private void timed(CommandStep step, CommandContext context) {
		long start = System.nanoTime();
		try {
			step.apply(context);
		} finally {
			timers.get(step).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	/** An own entity's current state, read from its last event (the Cache may lag behind it). */
	public java.util.Optional<Map<String, Object>> current(String entity, String id) {
		entity(entity);
		return log.last(entity, id).filter(e -> !e.event().isDeletion()).map(e -> e.event().data());
	}

	/**
	 * An own entity's current state as a fenced command {@code reader} may read it: from the Cache when the Cache
	 * holds it exactly as of the command's head ({@link ReadFence#cacheCurrent}), else from its last event.
	 */
	java.util.Optional<Map<String, Object>> current(CommandContext reader, String entity, String id) {
		if (ReadFence.cacheCurrent(reader, entity, id)) {
			return cache.find(Cache.ownCollection(entity), id).map(dev.byron.runtime.cache.Documents::toMap);
		}
		return current(entity, id);
	}

	private EntityDescriptor entity(String name) {
		return component.entity(name).orElseThrow(
				() -> new ByronException(ErrorCode.VALIDATION, component.name() + " has no entity " + name + "."));
	}

	private CommandContext run(CommandContext context) {
		try (TraceSpan span = Tracing.start(component.name(), "command " + context.commandName(), SpanKind.INTERNAL,
				context.traceparent)) {
			span.attribute("byron.entity.id", context.id);
			context.traceparent = span.traceparent();
			try {
				return runAttempts(context);
			} catch (RuntimeException e) {
				span.fail(e.getMessage());
				throw e;
			}
		}
	}

	/**
	 * A custom mutation's before hooks and resolver as one unit, {@code body} given the client they use. When they
	 * read the component's own data, the unit is fenced as a command is: the commands it runs commit against the
	 * head its reads saw, advancing it, and when another writer came in between, the whole unit runs again (creates
	 * get ids derived from the unit, so a second run finds the first run's; publishes are de-duplicated by id).
	 */
	public <T> T operation(String name, String traceparent, Caller caller,
			java.util.function.Function<dev.byron.runtime.spi.ComponentClient, T> body) {
		return untilFresh(CommandContext.operation(name, traceparent, caller), "it",
				attempt -> body.apply(client.forCommand(attempt, false, fence)));
	}

	/** Whether {@code failure} is the fence's signal that what a unit read went stale: let it pass to run the unit again. */
	public static boolean runsAgain(Throwable failure) {
		return failure instanceof StaleRead;
	}

	private CommandContext runAttempts(CommandContext first) {
		return untilFresh(first, "its hooks", this::runSteps);
	}

	/**
	 * Runs a command (or a custom mutation's unit) until what it read is still fresh when it commits: a stale read
	 * runs it again after a short pause, afresh, up to {@link #MAX_ATTEMPTS} times or {@link #RETRY_FOR}, then
	 * CONFLICT saying why. {@code reader} names who read, for that message.
	 */
	private <T> T untilFresh(CommandContext first, String reader, java.util.function.Function<CommandContext, T> body) {
		long deadline = System.nanoTime() + RETRY_FOR.toNanos();
		CommandContext attempt = first;
		for (int attempts = 1;; attempts++) {
			attempt.enclosing = RUNNING.get();
			fence.inherit(attempt);
			RUNNING.set(attempt);
			try {
				return body.apply(attempt);
			} catch (StaleRead e) {
				if (ReadFence.sharesHeadWithEnclosing(attempt)) {
					throw e; // what the enclosing command read is stale too: it runs again, this one with it
				}
				if (attempts >= MAX_ATTEMPTS || System.nanoTime() > deadline) {
					throw new ByronException(ErrorCode.CONFLICT, first.commandName() + " ran " + attempts
							+ " times, and each time other commands changed " + component.name() + "'s data that " + reader
							+ " had read before it could commit. Try again.", null, e);
				}
				meters.counter("byron.command.reruns", "command", first.commandName()).increment();
			} finally {
				RUNNING.set(attempt.enclosing);
				fence.release(attempt);
			}
			pause(attempts);
			attempt = attempt.again();
		}
	}

	/** Other processes of the component compete for the same head: a random pause lets one of them win. */
	private static void pause(int attempts) {
		try {
			Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(0, Math.min(50, 1L << Math.min(attempts, 6)) + 1));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ByronException.unavailable("interrupted", e);
		}
	}

	private CommandContext runSteps(CommandContext context) {
		List<CommandStep> done = new ArrayList<>();
		try {
			for (CommandStep step : beforeAppend) {
				timed(step, context);
				done.add(step);
				if (context.alreadyDone) {
					return context;
				}
			}
		} catch (RuntimeException e) {
			Collections.reverse(done);
			done.forEach(step -> step.undo(context));
			throw e;
		}
		for (CommandStep step : afterAppend) {
			try {
				timed(step, context);
			} catch (RuntimeException e) {
				// the event is committed: the command succeeded even if an after-step did not
				LOG.warn("{} {} committed at sequence {}, but {} failed: {}", context.commandName(), context.id(),
						context.sequence(), step.getClass().getSimpleName(), e.getMessage(), e);
			}
		}
		return context;
	}
}
