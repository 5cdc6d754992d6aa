package dev.byron.runtime.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.cache.Documents;
import dev.byron.runtime.spi.ComponentClient;

/**
 * The component's commands and reads for hooks. Inside a reaction, creates get ids derived from the event
 * id and their order in the hook, so that a redelivered event creates nothing twice. Inside a command's hooks,
 * reads of own data fence the command ({@link ReadFence}), creates get ids derived from the command (a
 * command that runs again creates nothing twice), and a before hook's events wait for the command's commit.
 */
public final class LocalComponentClient implements ComponentClient {
	private static final int MAX_ROWS = 10_000;
	private volatile CommandPipeline pipeline;
	private volatile DomainEventPublisher publisher;
	private final AtomicInteger publishes = new AtomicInteger();
	private final Cache cache;
	private final String derivedFrom;
	private final AtomicInteger creates = new AtomicInteger();
	private final String traceparent;
	/** The command whose hook uses this client, if any; with the fence its reads go through. */
	private CommandContext command;
	private ReadFence fence;
	private boolean beforeCommit;

	public LocalComponentClient(Cache cache) {
		this(null, cache, null, null);
	}

	private LocalComponentClient(CommandPipeline pipeline, Cache cache, String derivedFrom, String traceparent) {
		this.pipeline = pipeline;
		this.cache = cache;
		this.derivedFrom = derivedFrom;
		this.traceparent = traceparent;
	}

	public void bind(CommandPipeline commandPipeline, DomainEventPublisher eventPublisher) {
		this.pipeline = commandPipeline;
		this.publisher = eventPublisher;
	}

	@Override
	public LocalComponentClient inTrace(String otherTraceparent) {
		LocalComponentClient scoped = new LocalComponentClient(pipeline, cache, derivedFrom, otherTraceparent);
		scoped.publisher = publisher;
		return scoped;
	}

	/** The client a command's hooks get: reads fenced, creates and a before hook's events tied to the command. */
	LocalComponentClient forCommand(CommandContext context, boolean before, ReadFence readFence) {
		LocalComponentClient scoped = new LocalComponentClient(pipeline, cache, null, context.traceparent);
		scoped.publisher = publisher;
		scoped.command = context;
		scoped.fence = readFence;
		scoped.beforeCommit = before;
		return scoped;
	}

	private void reading() {
		if (command != null) {
			fence.beforeRead(command);
		}
	}

	/** A client whose creates are idempotent for one event. */
	public LocalComponentClient forEvent(String eventId, String eventTraceparent) {
		LocalComponentClient scoped = new LocalComponentClient(pipeline, cache, eventId, eventTraceparent);
		scoped.publisher = publisher;
		return scoped;
	}

	@Override
	public Map<String, Object> create(String entity, Map<String, Object> input) {
		String seed;
		if (command != null) {
			seed = command.derivedSeed("create:" + entity + ":" + ++command.derivedCreates);
		} else if (derivedFrom != null) {
			seed = derivedFrom + ":" + entity + ":" + creates.incrementAndGet();
		} else {
			return pipeline.create(entity, input, traceparent).state();
		}
		String id = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
		return pipeline.createWithId(entity, id, input, traceparent).state();
	}

	@Override
	public Map<String, Object> update(String entity, String id, Map<String, Object> patch) {
		return pipeline.update(entity, id, patch, traceparent).state();
	}

	@Override
	public Optional<Map<String, Object>> updateIf(String entity, String id, java.util.function.Predicate<Map<String, Object>> condition,
			Map<String, Object> patch) {
		CommandContext result = pipeline.updateIf(entity, id, condition, patch, traceparent);
		return result.skipped() ? Optional.empty() : Optional.of(result.state());
	}

	@Override
	public String delete(String entity, String id) {
		if (command != null) {
			command.foundByHooks.remove(Cache.ownCollection(entity) + "/" + id);
		}
		pipeline.delete(entity, id, traceparent);
		return id;
	}

	@Override
	public void publish(String event, Map<String, Object> payload) {
		if (command != null) {
			String id = UUID.nameUUIDFromBytes(command.derivedSeed("publish:" + event + ":" + ++command.derivedPublishes)
					.getBytes(StandardCharsets.UTF_8)).toString();
			var prepared = publisher.prepare(event, payload, id, traceparent);
			if (beforeCommit) {
				command.followUps.add(publisher.event(prepared)); // commits with the command, never without it
			} else {
				publisher.publish(prepared);
			}
			return;
		}
		String id = derivedFrom == null ? null
				: UUID.nameUUIDFromBytes((derivedFrom + ":publish:" + event + ":" + publishes.incrementAndGet())
						.getBytes(StandardCharsets.UTF_8)).toString();
		publisher.publish(event, payload, id, traceparent);
	}

	/** Exact: read from the entity's stream, so that a hook deciding on it sees every committed change. */
	@Override
	public Optional<Map<String, Object>> find(String entity, String id) {
		reading();
		if (command == null) {
			return pipeline.current(entity, id);
		}
		Optional<Map<String, Object>> found = pipeline.current(command, entity, id);
		found.ifPresent(state -> command.found(Cache.ownCollection(entity), id));
		return found;
	}

	@Override
	public List<Map<String, Object>> where(String entity, String field, Object value) {
		reading();
		return cache.where(Cache.ownCollection(entity), field, value, MAX_ROWS).stream().map(Documents::toMap).toList();
	}

	@Override
	public long count(String entity, String field, Object value) {
		reading();
		return cache.count(Cache.ownCollection(entity), field, value);
	}

	@Override
	public Optional<Map<String, Object>> replica(String component, String entity, String id) {
		String collection = Cache.replicaCollection(component, entity);
		Optional<Map<String, Object>> found = cache.find(collection, id).map(Documents::toMap);
		if (command != null && found.isPresent()) {
			command.found(collection, id);
		}
		return found;
	}

	@Override
	public List<Map<String, Object>> replicaWhere(String component, String entity, String field, Object value) {
		return cache.where(Cache.replicaCollection(component, entity), field, value, MAX_ROWS).stream()
				.map(Documents::toMap).toList();
	}
}
