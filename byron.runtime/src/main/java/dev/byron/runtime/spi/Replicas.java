package dev.byron.runtime.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Another component's entity as this component replicates it, typed by that component's record (fields not
 * replicated are null): eventually consistent, as this component's Sink last saw the other stream.
 */
public final class Replicas<R extends GeneratedRecord> {
	private final ComponentClient client;
	private final String component;
	private final String entity;
	private final Function<Map<String, Object>, R> from;

	public Replicas(ComponentClient client, String component, String entity, Function<Map<String, Object>, R> from) {
		this.client = client;
		this.component = component;
		this.entity = entity;
		this.from = from;
	}

	public Optional<R> find(String id) {
		return client.replica(component, entity, id).map(from);
	}

	public <V> List<R> where(EntityField<R, V> field, V value) {
		return client.replicaWhere(component, entity, field.name(), Values.plain(value)).stream().map(from).toList();
	}
}
