package dev.byron.runtime.trace;

import java.util.Map;

/** One finished span as the local run's trace file keeps it (a JSON line). Times are epoch nanoseconds. */
public record SpanRecord(String traceId, String spanId, String parentSpanId, String service, String name, String kind,
		long start, long end, String status, Map<String, String> attributes) {

	public double millis() {
		return (end - start) / 1_000_000.0;
	}
}
