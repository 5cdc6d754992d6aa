package dev.byron.deployer.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code byron-runtime.jar} is, the part of Byron a container image carries. */
public final class RuntimeJar {
	private RuntimeJar() {
	}

	public static Path locate() throws IOException {
		String configured = System.getProperty("byron.runtimeJar", System.getenv("BYRON_RUNTIME_JAR"));
		if (configured != null) {
			return existing(Path.of(configured));
		}
		try {
			// the source tree: <module>/target/classes or <module>/target/<jar> (byron.cli/target/byron.jar)
			Path code = Path.of(RuntimeJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path module = code.getParent().getParent();
			Path candidate = module.getParent().resolve("byron.runtime/target/byron-runtime.jar");
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
