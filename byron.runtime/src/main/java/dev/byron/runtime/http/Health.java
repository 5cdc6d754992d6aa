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
	private final java.util.function.BooleanSupplier sinkStarted;

	/** {@code sinkStarted} (null without a Sink): whether the Sink takes new events, its start's catch-up done. */
	public Health(Broker broker, Cache cache, LongSupplier sinkLag, long maxLag, java.util.function.BooleanSupplier sinkStarted) {
		this.broker = broker;
		this.cache = cache;
		this.sinkLag = sinkLag;
		this.maxLag = maxLag;
		this.sinkStarted = sinkStarted;
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
		if (sinkStarted != null && !sinkStarted.getAsBoolean()) {
			caughtUp = false; // writes would wait for the Sink until it has written again what the Cache may have lost
			checks.put("sink", "catching up");
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
