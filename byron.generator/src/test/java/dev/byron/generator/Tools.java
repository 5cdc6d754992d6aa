package dev.byron.generator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The outside tools the contract tests run (npm, node, kubectl): whether one is here, and a run of one. */
public final class Tools {
	public record Run(int exit, String output) {
	}

	private Tools() {
	}

	/**
	 * The npm packages of {@code folder}, installed from its lock file unless {@code probe} (a folder under
	 * node_modules) is there already; the test is skipped where npm is missing.
	 */
	public static void npmPackages(Path folder, String probe) throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(commandExists("npm"), "npm is needed for the checks in " + folder);
		if (!Files.isDirectory(folder.resolve("node_modules").resolve(probe))) {
			Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), folder);
			org.assertj.core.api.Assertions.assertThat(install.exit()).as(install.output()).isZero();
		}
	}

	public static Run run(List<String> command, Path directory) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish");
		}
		return new Run(process.exitValue(), output);
	}

	public static boolean commandExists(String name) {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, name))) {
				return true;
			}
		}
		return false;
	}
}
