package dev.byron.deployer.local;

import java.nio.file.Path;

/** Where a local run keeps its spans ({@code .byron-data/traces/spans.jsonl}), for {@code byron trace}. */
public final class TraceFiles {
	/** Past this size the file of spans is set aside (the one set aside before is dropped) and a new one started. */
	static final long MAX_BYTES = 64L * 1024 * 1024;

	private TraceFiles() {
	}

	public static Path of(Path data) {
		return data.resolve("traces").resolve("spans.jsonl");
	}

	/** The run's collector: at most twice {@link #MAX_BYTES} of spans on disk, the newest in {@link #of}. */
	static dev.byron.runtime.trace.JsonLinesSpanExporter exporter(Path data) {
		Path file = of(data);
		return new dev.byron.runtime.trace.JsonLinesSpanExporter(file, file.resolveSibling("spans.previous.jsonl"), MAX_BYTES);
	}
}
