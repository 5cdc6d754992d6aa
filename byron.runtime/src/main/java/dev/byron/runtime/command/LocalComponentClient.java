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
 * id and their order in the hook, so that a redelivered event creates nothing twice.
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

	/** A client whose creates are idempotent for one event. */
	public LocalComponentClient forEvent(String eventId, String eventTraceparent) {
		LocalComponentClient scoped = new LocalComponentClient(pipeline, cache, eventId, eventTraceparent);
		scoped.publisher = publisher;
		return scoped;
	}

	@Override
	public Map<String, Object> create(String entity, Map<String, Object> input) {
		if (derivedFrom == null) {
			return pipeline.create(entity, input, traceparent).state();
		}
		String seed = derivedFrom + ":" + entity + ":" + creates.incrementAndGet();
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
		pipeline.delete(entity, id, traceparent);
		return id;
	}

	@Override
	public void publish(String event, Map<String, Object> payload) {
		String id = derivedFrom == null ? null
				: UUID.nameUUIDFromBytes((derivedFrom + ":publish:" + event + ":" + publishes.incrementAndGet())
						.getBytes(StandardCharsets.UTF_8)).toString();
		publisher.publish(event, payload, id, traceparent);
	}

	/** Exact: read from the entity's stream, so that a hook deciding on it sees every committed change. */
	@Override
	public Optional<Map<String, Object>> find(String entity, String id) {
		return pipeline.current(entity, id);
	}

	@Override
	public List<Map<String, Object>> where(String entity, String field, Object value) {
		return cache.where(Cache.ownCollection(entity), field, value, MAX_ROWS).stream().map(Documents::toMap).toList();
	}

	@Override
	public Optional<Map<String, Object>> replica(String component, String entity, String id) {
		return cache.find(Cache.replicaCollection(component, entity), id).map(Documents::toMap);
	}

	@Override
	public List<Map<String, Object>> replicaWhere(String component, String entity, String field, Object value) {
		return cache.where(Cache.replicaCollection(component, entity), field, value, MAX_ROWS).stream()
				.map(Documents::toMap).toList();
	}
}
