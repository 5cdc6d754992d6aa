package dev.byron.deployer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.byron.deployer.local.NatsProcess;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.Source;
import dev.byron.generator.GenerationInput;
import dev.byron.runtime.descriptor.Descriptors;

/**
 * A component's image, built without a daemon, unpacked layer by layer into a root folder and its
 * entrypoint run there (chroot, as a container runtime would), against a real nats-server and a MongoDB
 * wire-protocol server: it must serve {@code /health/ready}.
 */
class ImageBuilderTest {
	private static final Path RUNTIME_JAR = Path.of(System.getProperty("byron.runtimeJar", "../byron.runtime/target/byron-runtime.jar"));
	private static final Path CACHE = Path.of(System.getProperty("byron.imageCache", "target/image-cache"));

	@TempDir
	Path dir;

	@Test
	void theImageIsReproducibleAndItsEntrypointServesReadiness() throws Exception {
		assumeTrue(Files.isRegularFile(RUNTIME_JAR), "byron-runtime.jar is built by byron.runtime's package phase");
		var model = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron"),
				"system demo\ncomponent notes {\n  entity Note {\n    text: String!\n  }\n}\n"))).model();
		String descriptor = Descriptors.toJson(GenerationInput.of(model).descriptors().get(0));
		ImageBuilder builder = new ImageBuilder(CACHE, RUNTIME_JAR);
		ImageBuilder.Image first = builder.component("demo-notes:test", null, dir.resolve("notes.tar"));
		ImageBuilder.Image again = builder.component("demo-notes:test", null, dir.resolve("notes-again.tar"));
		assertThat(again.digest()).as("same inputs, same image").isEqualTo(first.digest());
		assertThat(Files.size(first.tarball())).isLessThan(120L * 1024 * 1024);

		Path rootfs = unpack(first.tarball(), dir.resolve("image"), dir.resolve("rootfs"));
		assertThat(rootfs.resolve("opt/jre/bin/java")).isExecutable();
		assertThat(rootfs.resolve("app/byron-runtime.jar")).exists();
		Files.createDirectories(rootfs.resolve("byron/config"));
		Files.writeString(rootfs.resolve("byron/config/descriptor.json"), descriptor);

		assumeTrue("0".equals(run(List.of("id", "-u")).trim()), "running the image's root folder needs chroot (root)");
		provideDevices(rootfs);
		Path nats = NatsProcess.find().orElseThrow(() -> new AssertionError("nats-server is not installed"));
		MongoServer mongo = new MongoServer(new MemoryBackend());
		java.net.InetSocketAddress mongoAddress = mongo.bind();
		try (NatsProcess broker = NatsProcess.start(nats, dir.resolve("nats"))) {
			int port = NatsProcess.freePort();
			List<String> command = new ArrayList<>(List.of("chroot", "--userspec=1000:1000", rootfs.toString()));
			command.addAll(entrypoint(dir.resolve("image")));
			command.add("/byron/config/descriptor.json");
			ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(dir.resolve("service.log").toFile());
			process.environment().clear();
			process.environment().putAll(environment(dir.resolve("image")));
			process.environment().putAll(java.util.Map.of("BYRON_ROLE", "all", "BYRON_NATS_URL", broker.url(),
					"BYRON_MONGO_URI", "mongodb://127.0.0.1:" + mongoAddress.getPort(), "BYRON_HOST", "127.0.0.1",
					"BYRON_PORT", String.valueOf(port), dev.byron.runtime.api.GatewaySignature.ENVIRONMENT,
					dev.byron.runtime.api.GatewaySignature.newKey()));
			Process service = process.start();
			try {
				assertThat(awaitReady(port, service)).as(Files.readString(dir.resolve("service.log"))).isEqualTo(200);
			} finally {
				service.destroy();
				service.waitFor(10, TimeUnit.SECONDS);
				service.destroyForcibly();
			}
		} finally {
			mongo.shutdownNow();
		}
	}

	/** An OCI image layout: index, manifest, then the layer blobs applied in order. */
	private static Path unpack(Path tarball, Path image, Path rootfs) throws Exception {
		Files.createDirectories(image);
		Files.createDirectories(rootfs);
		run(List.of("tar", "-xf", tarball.toString(), "-C", image.toString()));
		assertThat(image.resolve("oci-layout")).exists();
		for (JsonNode layer : manifest(image).get("layers")) {
			run(List.of("tar", "-xzf", blob(image, layer).toString(), "-C", rootfs.toString()));
		}
		return rootfs;
	}

	private static JsonNode manifest(Path image) throws Exception {
		JsonNode index = new ObjectMapper().readTree(image.resolve("index.json").toFile());
		return new ObjectMapper().readTree(blob(image, index.at("/manifests/0")).toFile());
	}

	private static Path blob(Path image, JsonNode descriptor) {
		return image.resolve("blobs/sha256").resolve(descriptor.get("digest").asText().substring("sha256:".length()));
	}

	private static JsonNode config(Path image) throws Exception {
		return new ObjectMapper().readTree(blob(image, manifest(image).get("config")).toFile());
	}

	private static List<String> entrypoint(Path image) throws Exception {
		JsonNode config = config(image);
		List<String> entrypoint = new ArrayList<>();
		config.at("/config/Entrypoint").forEach(part -> entrypoint.add(part.asText()));
		assertThat(config.at("/config/User").asText()).isEqualTo("1000:1000");
		return entrypoint;
	}

	private static java.util.Map<String, String> environment(Path image) throws Exception {
		JsonNode config = config(image);
		java.util.Map<String, String> environment = new java.util.HashMap<>();
		config.at("/config/Env").forEach(entry -> {
			String[] pair = entry.asText().split("=", 2);
			environment.put(pair[0], pair[1]);
		});
		return environment;
	}

	/** What a container runtime gives every container and an unpacked root folder lacks. */
	private static void provideDevices(Path rootfs) throws Exception {
		Files.createDirectories(rootfs.resolve("dev"));
		for (String[] device : new String[][] { { "null", "1", "3" }, { "random", "1", "8" }, { "urandom", "1", "9" } }) {
			run(List.of("mknod", "-m", "666", rootfs.resolve("dev").resolve(device[0]).toString(), "c", device[1], device[2]));
		}
	}

	private static int awaitReady(int port, Process service) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		int status = -1;
		while (System.nanoTime() < deadline && service.isAlive()) {
			try {
				status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status == 200) {
					return status;
				}
			} catch (java.io.IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		return status;
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}
}
