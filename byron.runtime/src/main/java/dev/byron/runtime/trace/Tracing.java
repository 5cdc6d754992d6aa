package dev.byron.runtime.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * OpenTelemetry spans for the gateway, the API, the command pipeline, the append and every Sink's handling, linked
 * through the {@code traceparent} requests and events carry. Spans always exist (so the next hop continues the
 * trace); they leave the process only through the exporters configured: OTLP where an endpoint is set, the local
 * run's file for {@code byron trace}, or a test's.
 */
public final class Tracing {
	/** The attribute naming the Byron service (gateway or component) a span belongs to. */
	public static final String SERVICE = "byron.service";
	private static final java.util.regex.Pattern OPERATION_NAME = java.util.regex.Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

	private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, String> carrier, String key) {
			return carrier == null ? null : carrier.get(key);
		}
	};

	private static final List<SpanExporter> exporters = new ArrayList<>();
	private static String serviceName = "byron";
	private static SdkTracerProvider provider = build();
	private static volatile Tracer tracer = provider.get("dev.byron.runtime");

	private Tracing() {
	}

	/**
	 * Exports over OTLP/HTTP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code BYRON_OTLP_ENDPOINT}) is set, e.g.
	 * {@code http://collector:4318}; spans are named for {@code service}.
	 */
	public static synchronized java.util.Optional<SpanExporter> configureFromEnvironment(String service,
			UnaryOperator<String> environment) {
		serviceName = service;
		String endpoint = environment.apply("OTEL_EXPORTER_OTLP_ENDPOINT");
		if (endpoint == null || endpoint.isBlank()) {
			endpoint = environment.apply("BYRON_OTLP_ENDPOINT");
		}
		SpanExporter otlp = null;
		if (endpoint != null && !endpoint.isBlank()) {
			String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
			otlp = OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build();
			exporters.add(otlp);
		}
		rebuild();
		return java.util.Optional.ofNullable(otlp);
	}

	/** Sends every span to {@code exporter} as well (the local run's trace file, a test's memory). */
	public static synchronized void exportTo(SpanExporter exporter) {
		exporters.add(exporter);
		rebuild();
	}

	public static synchronized void stopExportingTo(SpanExporter exporter) {
		if (exporters.remove(exporter)) {
			rebuild();
		}
	}

	/** Writes out the spans still buffered (before a process ends, or before a test reads them). */
	public static void flush() {
		provider.forceFlush().join(5, java.util.concurrent.TimeUnit.SECONDS);
	}

	/** {@code graphql <operationName>}, or {@code graphql request} where the client named none or a name no span should carry. */
	public static String requestSpanName(String operationName) {
		return operationName != null && OPERATION_NAME.matcher(operationName).matches() ? "graphql " + operationName
				: "graphql request";
	}

	/** A span of {@code service}'s work, continuing {@code parent} (a {@code traceparent}) or starting a trace. */
	public static TraceSpan start(String service, String name, SpanKind kind, String parent) {
		Context context = parent == null ? Context.root()
				: W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", parent), GETTER);
		Span span = tracer.spanBuilder(name).setParent(context).setSpanKind(kind)
				.setAttribute(AttributeKey.stringKey(SERVICE), service).startSpan();
		return new TraceSpan(span);
	}

	private static void rebuild() {
		SdkTracerProvider old = provider;
		provider = build();
		tracer = provider.get("dev.byron.runtime");
		old.shutdown().join(5, java.util.concurrent.TimeUnit.SECONDS);
	}

	private static SdkTracerProvider build() {
		var builder = SdkTracerProvider.builder()
				.setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName))));
		// without a processor the SDK hands out non-recording spans, and the next hop would get the caller's traceparent
		builder.addSpanProcessor(new KeepSpans());
		for (SpanExporter exporter : exporters) {
			SpanProcessor processor = BatchSpanProcessor.builder(new KeepOpen(exporter)).setScheduleDelay(java.time.Duration.ofMillis(200)).build();
			builder.addSpanProcessor(processor);
		}
		return builder.build();
	}

	/** Asks the SDK to record every span, so that it has its own span id, whether or not anything exports it. */
	private static final class KeepSpans implements SpanProcessor {
		@Override
		public void onStart(Context parent, io.opentelemetry.sdk.trace.ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(io.opentelemetry.sdk.trace.ReadableSpan span) {
		}

		@Override
		public boolean isEndRequired() {
			return false;
		}
	}

	/** Rebuilding the provider shuts its processors down; the exporters themselves stay usable. */
	private record KeepOpen(SpanExporter exporter) implements SpanExporter {
		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode export(java.util.Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
			return exporter.export(spans);
		}

		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode flush() {
			return exporter.flush();
		}

		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
			return exporter.flush();
		}
	}
}
