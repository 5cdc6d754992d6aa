package dev.byron.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;

/** The traceparent Byron passes on is W3C Trace Context version 00 as its strict readers check it. */
class TraceSpanTest {
	@Test
	void aNewTraceCarriesTheSampledFlagAloneNotTheRandomTraceIdFlagOfLevelTwo() {
		try (TraceSpan span = Tracing.start("test", "new trace", SpanKind.SERVER, null)) {
			assertThat(span.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		}
	}

	@Test
	void aContinuedTraceKeepsTheCallersTraceIdAndSampling() {
		try (TraceSpan span = Tracing.start("test", "continued", SpanKind.SERVER,
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")) {
			assertThat(span.traceparent()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01");
		}
	}
}
