package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a local run keeps its spans ({@code .byron-data/traces/spans.jsonl}), for {@code byron trace}. */
public final class TraceFiles {
	/** A run starts a new file once the old one passes this size, so that the file does not grow without end. */
	static final long MAX_BYTES = 64L * 1024 * 1024;

	private TraceFiles() {
	}

	public static Path of(Path data) {
		return data.resolve("traces").resolve("spans.jsonl");
	}

	static Path startFresh(Path data) throws IOException {
		Path file = of(data);
		if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
			Files.move(file, file.resolveSibling("spans.previous.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}
}
