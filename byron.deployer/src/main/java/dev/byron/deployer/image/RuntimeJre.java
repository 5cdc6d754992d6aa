package dev.byron.deployer.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java runtime an image runs on: the modules Byron's services use, linked by {@code jlink} from the
 * JDK that runs Byron, plus the few shared libraries of the host it needs (an image built from scratch
 * has no libc). Linked once per cache folder.
 */
public final class RuntimeJre {
	/** What the runtime's libraries need: HTTP server, JMX metrics, DNS for MongoDB, XML for logging, TLS. */
	static final List<String> MODULES = List.of("java.base", "java.logging", "java.management", "java.naming",
			"java.net.http", "java.sql", "java.xml", "jdk.crypto.ec", "jdk.httpserver", "jdk.management", "jdk.unsupported",
			"jdk.zipfs");
	private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");

	private RuntimeJre() {
	}

	/** The linked JRE in {@code cache/jre}, created if missing. */
	public static Path linked(Path cache) throws IOException, InterruptedException {
		Path jre = cache.resolve("jre");
		if (Files.isExecutable(jre.resolve("bin/java"))) {
			return jre;
		}
		Files.createDirectories(cache);
		Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
		if (!Files.isExecutable(jlink)) {
			throw new IOException("Building images needs jlink, which the Java running Byron (" + System.getProperty("java.home")
					+ ") does not have. Run Byron on a JDK 17 or newer.");
		}
		Path partial = cache.resolve("jre.partial");
		deleteRecursively(partial);
		run(List.of(jlink.toString(), "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-header-files",
				"--no-man-pages", "--compress=2", "--output", partial.toString()));
		Files.move(partial, jre);
		return jre;
	}

	/** The host's shared libraries the JRE's binaries load (with the dynamic loader), by absolute path. */
	public static List<Path> sharedLibraries(Path jre) throws IOException, InterruptedException {
		TreeSet<String> libraries = new TreeSet<>();
		List<Path> binaries = new ArrayList<>();
		binaries.add(jre.resolve("bin/java"));
		try (Stream<Path> files = Files.walk(jre.resolve("lib"))) {
			files.filter(f -> f.toString().endsWith(".so")).forEach(binaries::add);
		}
		for (Path binary : binaries) {
			String output = run(List.of("ldd", binary.toString()));
			for (String line : output.split("\n")) {
				if (line.contains("not found") || line.contains(jre.toString())) {
					continue;
				}
				Matcher matcher = LIBRARY.matcher(line);
				if (matcher.find()) {
					libraries.add(matcher.group(1));
				}
			}
		}
		return libraries.stream().map(Path::of).toList();
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}
}
