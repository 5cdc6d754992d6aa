package dev.byron.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A model as it was at a git revision ({@code byron diff main}, {@code byron docs --since v1.2}). */
final class GitRevision {
	private GitRevision() {
	}

	/** The model as it was at a revision: the same folder, extracted from git into a temporary one. */
	static Path model(String revision, Path current) throws IOException, InterruptedException {
		Path folder = (Files.isDirectory(current) ? current : current.toAbsolutePath().getParent()).toAbsolutePath().normalize();
		String top = run(List.of("git", "-C", folder.toString(), "rev-parse", "--show-toplevel")).trim();
		String relative = Path.of(top).relativize(folder).toString();
		Path target = Files.createTempDirectory("byron-diff-");
		Path archive = target.resolve("model.tar");
		run(List.of("git", "-C", top, "archive", "--format=tar", "-o", archive.toString(), revision, "--",
				relative.isEmpty() ? "." : relative));
		run(List.of("tar", "-xf", archive.toString(), "-C", target.toString()));
		Files.delete(archive);
		return relative.isEmpty() ? target : target.resolve(relative);
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException(output.strip());
		}
		return output;
	}
}
