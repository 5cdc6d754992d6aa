package dev.byron.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code byron-runtime.jar} is, the part of Byron a container image carries. */
final class RuntimeJar {
	private RuntimeJar() {
	}

	static Path locate() throws IOException {
		String configured = System.getProperty("byron.runtimeJar", System.getenv("BYRON_RUNTIME_JAR"));
		if (configured != null) {
			return existing(Path.of(configured));
		}
		try {
			// the distribution: byron.cli/target/byron.jar beside byron.runtime/target/byron-runtime.jar
			Path cliJar = Path.of(RuntimeJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path candidate = cliJar.getParent().getParent().getParent().resolve("byron.runtime/target/byron-runtime.jar");
			return existing(candidate);
		} catch (java.net.URISyntaxException | NullPointerException e) {
			throw new IOException("byron-runtime.jar not found: set BYRON_RUNTIME_JAR, or deploy with --skip-images.");
		}
	}

	private static Path existing(Path jar) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException("byron-runtime.jar not found at " + jar + " (./mvnw package builds it): set"
					+ " BYRON_RUNTIME_JAR, or deploy with --skip-images.");
		}
		return jar;
	}
}
