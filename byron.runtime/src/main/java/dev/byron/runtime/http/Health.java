package dev.byron.runtime.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.Cache;

/**
 * Readiness: the broker is connected, the cache answers, and the Sink (when this process runs one) has at
 * most {@code maxLag} events left to handle.
 */
public final class Health {
	private final Broker broker;
	private final Cache cache;
	private final LongSupplier sinkLag;
	private final long maxLag;

	public Health(Broker broker, Cache cache, LongSupplier sinkLag, long maxLag) {
		this.broker = broker;
		this.cache = cache;
		this.sinkLag = sinkLag;
		this.maxLag = maxLag;
	}

	public Map<String, Object> ready() {
		Map<String, Object> checks = new LinkedHashMap<>();
		boolean brokerUp = broker.isConnected();
		boolean cacheUp = cache.ping();
		checks.put("broker", brokerUp ? "up" : "down");
		checks.put("cache", cacheUp ? "up" : "down");
		boolean caughtUp = true;
		if (sinkLag != null) {
			long lag = brokerUp ? sinkLag.getAsLong() : Long.MAX_VALUE;
			caughtUp = lag <= maxLag;
			checks.put("sinkLag", lag == Long.MAX_VALUE ? "unknown" : lag);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("status", brokerUp && cacheUp && caughtUp ? "UP" : "DOWN");
		result.put("checks", checks);
		return result;
	}

	public boolean isReady() {
		return "UP".equals(ready().get("status"));
	}
}
