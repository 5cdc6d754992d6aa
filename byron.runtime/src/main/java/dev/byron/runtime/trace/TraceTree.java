package dev.byron.runtime.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The spans of the local run's trace file, as traces: listed, or one printed as a tree ({@code byron trace}). */
public final class TraceTree {
	private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	/** Where the durations start, so that they line up at any depth (up to a point). */
	private static final int LABEL_WIDTH = 72;
	private final Map<String, List<SpanRecord>> traces = new LinkedHashMap<>();

	private TraceTree(List<SpanRecord> spans) {
		for (SpanRecord span : spans) {
			traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
		}
	}

	public static TraceTree read(Path file) throws IOException {
		List<SpanRecord> spans = new ArrayList<>();
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file)) {
				if (!line.isBlank()) {
					spans.add(JSON.readValue(line, SpanRecord.class));
				}
			}
		}
		return new TraceTree(spans);
	}

	/** The trace ids that start with {@code prefix} (a whole id, or its first characters). */
	public List<String> matching(String prefix) {
		return traces.keySet().stream().filter(id -> id.startsWith(prefix.toLowerCase(Locale.ROOT))).toList();
	}

	public List<SpanRecord> spans(String traceId) {
		return traces.getOrDefault(traceId, List.of());
	}

	/** The newest traces first: id, when, root span, span count and duration. */
	public List<String> summaries(int limit) {
		return traces.entrySet().stream()
				.sorted(Comparator.comparingLong((Map.Entry<String, List<SpanRecord>> e) -> start(e.getValue())).reversed())
				.limit(limit).map(e -> {
					List<SpanRecord> spans = e.getValue();
					SpanRecord root = roots(spans).get(0);
					return String.format(Locale.ROOT, "%s  %s  %-40s %3d spans  %8.1f ms", e.getKey(),
							Instant.ofEpochSecond(0, start(spans)), root.service() + " " + root.name(), spans.size(),
							(end(spans) - start(spans)) / 1_000_000.0);
				}).toList();
	}

	/** One trace as a tree: each span with its service, name, duration and, when it failed, why. */
	public String render(String traceId) {
		List<SpanRecord> spans = spans(traceId);
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "trace %s  %d spans  %.1f ms%n", traceId, spans.size(),
				(end(spans) - start(spans)) / 1_000_000.0));
		Map<String, List<SpanRecord>> children = spans.stream().filter(s -> s.parentSpanId() != null)
				.collect(Collectors.groupingBy(SpanRecord::parentSpanId, LinkedHashMap::new, Collectors.toList()));
		List<SpanRecord> roots = roots(spans);
		for (int i = 0; i < roots.size(); i++) {
			render(roots.get(i), children, "", i == roots.size() - 1, out, start(spans));
		}
		return out.toString();
	}

	private static void render(SpanRecord span, Map<String, List<SpanRecord>> children, String indent, boolean last,
			StringBuilder out, long traceStart) {
		String label = String.format(Locale.ROOT, "%-13s %s", span.service(), span.name());
		int width = Math.max(label.length() + 1, LABEL_WIDTH - indent.length());
		out.append(indent).append(last ? "└─ " : "├─ ").append(String.format(Locale.ROOT, "%-" + width + "s %8.1f ms  +%.1f ms",
				label, span.millis(), (span.start() - traceStart) / 1_000_000.0));
		if ("ERROR".equals(span.status())) {
			out.append("  ERROR");
		}
		out.append(System.lineSeparator());
		List<SpanRecord> below = children.getOrDefault(span.spanId(), List.of()).stream()
				.sorted(Comparator.comparingLong(SpanRecord::start)).toList();
		for (int i = 0; i < below.size(); i++) {
			render(below.get(i), children, indent + (last ? "   " : "│  "), i == below.size() - 1, out, traceStart);
		}
	}

	/** Spans whose parent is not in the file: the trace's root, or work whose caller was not traced here. */
	private static List<SpanRecord> roots(List<SpanRecord> spans) {
		var ids = spans.stream().map(SpanRecord::spanId).collect(Collectors.toSet());
		return spans.stream().filter(s -> s.parentSpanId() == null || !ids.contains(s.parentSpanId()))
				.sorted(Comparator.comparingLong(SpanRecord::start)).toList();
	}

	private static long start(List<SpanRecord> spans) {
		return spans.stream().mapToLong(SpanRecord::start).min().orElse(0);
	}

	private static long end(List<SpanRecord> spans) {
		return spans.stream().mapToLong(SpanRecord::end).max().orElse(0);
	}
}
