package dev.byron.runtime.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;

/** One span of Byron's work: its W3C {@code traceparent} is what the next hop (HTTP call, event) carries. */
public final class TraceSpan implements AutoCloseable {
	private final Span span;

	TraceSpan(Span span) {
		this.span = span;
	}

	/**
	 * The {@code traceparent} of this span, for the work it causes. Version 00 of W3C Trace Context defines the
	 * sampled flag alone, and strict readers refuse other bits: the SDK's "random trace id" flag (level 2) stays home.
	 */
	public String traceparent() {
		SpanContext context = span.getSpanContext();
		return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + (context.isSampled() ? "01" : "00");
	}

	/** Names the span once what it does is known (a request's operation, after parsing). */
	public void rename(String name) {
		span.updateName(name);
	}

	public String traceId() {
		return span.getSpanContext().getTraceId();
	}

	public TraceSpan attribute(String key, String value) {
		if (value != null) {
			span.setAttribute(AttributeKey.stringKey(key), value);
		}
		return this;
	}

	/** Marks the span failed with the error's message (no stack trace, which may carry user data). */
	public void fail(String message) {
		span.setStatus(StatusCode.ERROR, message == null ? "" : message);
	}

	@Override
	public void close() {
		span.end();
	}
}
