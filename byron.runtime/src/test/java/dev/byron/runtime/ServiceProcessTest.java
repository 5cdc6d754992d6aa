package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.descriptor.Descriptors;

/** A component as its image runs it: a separate JVM, configured by the environment, logging JSON. */
class ServiceProcessTest {
	@TempDir
	Path dir;

	@Test
	void credentialsInTheBrokerAndMongoUrisNeverReachTheLog() {
		assertThat(ServiceMain.hostsOf("mongodb://user:secretpass@db-0.example:27017,db-1.example:27017/?authSource=admin"))
				.isEqualTo("db-0.example:27017,db-1.example:27017");
		assertThat(dev.byron.runtime.broker.Broker.redacted("nats://byron:n4ts-secret@nats:4222")).isEqualTo("nats://***@nats:4222");
		assertThat(dev.byron.runtime.broker.Broker.redacted("nats://nats:4222")).isEqualTo("nats://nats:4222");
	}

	@Test
	void aServiceProcessServesGraphQLReportsReadyAndLogsJson() throws Exception {
		String system = TestInfra.newSystem();
		Path descriptor = dir.resolve("accounts.json");
		Files.writeString(descriptor, Descriptors.toJson(TestDescriptors.accounts(system)));
		MongoServer mongoServer = new MongoServer(new MemoryBackend());
		mongoServer.bind("127.0.0.1", 0);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String classpath = Files.readString(Path.of("target/runtime-classpath.txt")).trim() + ":target/classes";
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, ServiceMain.class.getName(), descriptor.toString()).redirectErrorStream(true);
		String key = GatewaySignature.newKey();
		builder.environment().putAll(Map.of("BYRON_NATS_URL", TestInfra.natsUrl(), "BYRON_PORT", String.valueOf(port),
				GatewaySignature.ENVIRONMENT, key,
				"BYRON_MONGO_URI", "mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort() + "/?appName=byron-test"));
		Process process = builder.start();
		CopyOnWriteArrayList<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					lines.add(line);
				}
			} catch (Exception e) {
				// the process ended
			}
		});
		reader.start();
		try {
			String base = "http://127.0.0.1:" + port;
			Await.until("the service is ready", Duration.ofSeconds(60), () -> {
				try {
					return Http.get(base + "/health/ready").statusCode() == 200;
				} catch (RuntimeException e) {
					return false;
				}
			});
			String create = "mutation { createUser(input: {handle: \"proc\", name: \"P\"}) { handle } }";
			Http.Response direct = Http.graphql(base + "/graphql", create, Map.of());
			assertThat(direct.status()).as("a request that did not come through the gateway").isEqualTo(401);
			assertThat(direct.code()).isEqualTo("UNAUTHENTICATED");
			Http.Response created = Http.graphql(base + "/graphql", create, Map.of(),
					Map.of(Caller.HEADER, GatewaySignature.withKey(key).sign(Caller.ANONYMOUS, "accounts")));
			assertThat(created.object("createUser")).containsEntry("handle", "proc");
			Await.until("the start is logged", () -> lines.stream().anyMatch(l -> l.contains("started as all")));
			String started = lines.stream().filter(l -> l.contains("started as all")).findFirst().orElseThrow();
			Map<?, ?> json = new ObjectMapper().readValue(started, Map.class);
			assertThat(json.get("level")).isEqualTo("INFO");
			assertThat(json.get("@timestamp")).isNotNull();
			assertThat(started).doesNotContain("appName");
		} finally {
			process.destroy();
			process.waitFor();
			mongoServer.shutdownNow();
		}
	}
}
