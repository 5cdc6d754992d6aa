package dev.byron.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warm-up until the JIT compilers of the server processes are done: rounds of load until the compile time of each
 * process (read with the JDK's {@code jstat -compiler}) is under {@value #QUIET} of each of three rounds in a row. On
 * 2 busy cores a JVM serving Byron compiles for a minute or more; a server in use has long finished.
 */
final class Compiled {
	static final double QUIET = 0.05;
	private static final int MOST_ROUNDS = 40;

	interface Round {
		double run() throws Exception; // requests a second
	}

	private Compiled() {
	}

	/** Runs {@code round} until every process in {@code servers} is done compiling; returns the rounds, printable. */
	static String warm(String what, Round round, Process... servers) throws Exception {
		List<String> rounds = new ArrayList<>();
		int quiet = 0;
		while (quiet < 3 && rounds.size() < MOST_ROUNDS) {
			double[] before = new double[servers.length];
			for (int i = 0; i < servers.length; i++) {
				before[i] = seconds(servers[i]);
			}
			long start = System.nanoTime();
			double rate = round.run();
			double wall = (System.nanoTime() - start) / 1e9;
			double most = 0;
			for (int i = 0; i < servers.length; i++) {
				most = Math.max(most, (seconds(servers[i]) - before[i]) / wall);
			}
			rounds.add(String.format(Locale.ROOT, "%.0f (%.0f%%)", rate, most * 100));
			quiet = most < QUIET ? quiet + 1 : 0;
		}
		return String.format(Locale.ROOT, "warm-up of %s until compiled: %d rounds (/s, and the most a server's compiler took of each: %s)",
				what, rounds.size(), String.join(", ", rounds));
	}

	/** The seconds the process's JIT compilers have worked so far. */
	static double seconds(Process process) throws IOException, InterruptedException {
		Process jstat = new ProcessBuilder("jstat", "-compiler", String.valueOf(process.pid())).redirectErrorStream(true).start();
		String out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		jstat.waitFor();
		String[] lines = out.strip().split("\\R");
		if (lines.length < 2 || !lines[0].trim().startsWith("Compiled")) {
			throw new IOException("jstat -compiler " + process.pid() + " answered: " + out);
		}
		return Double.parseDouble(lines[1].trim().split("\\s+")[3]);
	}
}
