package dev.byron.runtime.memo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map that forgets its least recently used entries beyond {@code capacity}: for work worth keeping per distinct
 * input (a query's parsed document, a caller's signature) when clients repeat a few inputs many times.
 */
public final class BoundedCache<K, V> {
	private final Map<K, V> entries;

	public BoundedCache(int capacity) {
		this.entries = new LinkedHashMap<>(Math.min(capacity, 256), 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}
		};
	}

	public synchronized V get(K key) {
		return entries.get(key);
	}

	public synchronized void put(K key, V value) {
		entries.put(key, value);
	}

	/** The value for {@code key}, computed (outside the lock) and kept when there is none; a null result is not kept. */
	public V computeIfAbsent(K key, Function<K, V> compute) {
		V value = get(key);
		if (value == null) {
			value = compute.apply(key);
			if (value != null) {
				put(key, value);
			}
		}
		return value;
	}
}
