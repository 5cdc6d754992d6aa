package dev.byron.runtime.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The local run's collector: appends each finished span to a JSON-lines file that {@code byron trace} reads. Past
 * {@code maxBytes} the file becomes {@code previous} (replacing the one before) and a new one is started, so that a
 * long run under load keeps its newest spans without filling the disk.
 */
public final class JsonLinesSpanExporter implements SpanExporter {
	private static final ObjectMapper JSON = new ObjectMapper();
	private final Path file;
	private final Path previous;
	private final long maxBytes;

	/** A file that grows without end. */
	public JsonLinesSpanExporter(Path file) {
		this(file, null, 0);
	}

	public JsonLinesSpanExporter(Path file, Path previous, long maxBytes) {
		this.file = file;
		this.previous = previous;
		this.maxBytes = maxBytes;
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Path file() {
		return file;
	}

	@Override
	public synchronized CompletableResultCode export(Collection<SpanData> spans) {
		try {
			if (previous != null && Files.exists(file) && Files.size(file) > maxBytes) { // the newest stay in the file read first
				Files.move(file, previous, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (IOException e) {
			return CompletableResultCode.ofFailure();
		}
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND)) {
			for (SpanData span : spans) {
				out.write(JSON.writeValueAsString(record(span)));
				out.write('\n');
			}
			return CompletableResultCode.ofSuccess();
		} catch (IOException e) {
			return CompletableResultCode.ofFailure();
		}
	}

	static SpanRecord record(SpanData span) {
		Map<String, String> attributes = new LinkedHashMap<>();
		span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
		String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : null;
		return new SpanRecord(span.getTraceId(), span.getSpanId(), parent,
				span.getAttributes().get(AttributeKey.stringKey(Tracing.SERVICE)), span.getName(), span.getKind().name(),
				span.getStartEpochNanos(), span.getEndEpochNanos(), span.getStatus().getStatusCode().name(), attributes);
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}
}
