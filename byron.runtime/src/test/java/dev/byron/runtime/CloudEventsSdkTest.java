package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.runtime.broker.Broker;

/**
 * Events as a subscriber outside Byron reads them: every message a component appended to its real stream (a
 * create, an update, a delete) goes through the CloudEvents SDK for JavaScript (npm, pinned), in structured mode
 * and back out in binary mode, where each context attribute must be one plain header.
 */
class CloudEventsSdkTest {
	private static final Path CHECK = Path.of("src/test/cloudevents");

	@TempDir
	Path dir;

	@Test
	void everyEventOnTheStreamIsACloudEventTheSdkAcceptsInBothModes() throws Exception {
		assumeTrue(commandExists("npm"), "npm is needed to run the CloudEvents SDK");
		if (!Files.isDirectory(CHECK.resolve("node_modules/cloudevents"))) {
			assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"))).contains("exit 0");
		}
		String system = TestInfra.newSystem();
		List<String> command = new ArrayList<>(List.of("node", "check.mjs"));
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start()) {
			String id = (String) Http.graphql(accounts.graphqlUrl(), "mutation { createUser(input: {handle: \"cloud_events\", name: \"Ce\"}) { id } }",
					Map.of()).object("createUser").get("id");
			Http.graphql(accounts.graphqlUrl(), "mutation($id: ID!) { updateUser(id: $id, input: {bio: \"hi\"}) { id } }", Map.of("id", id));
			Http.graphql(accounts.graphqlUrl(), "mutation($id: ID!) { deleteUser(id: $id) }", Map.of("id", id));
			String stream = broker.names().stream("accounts");
			long count = broker.management().getStreamInfo(stream).getStreamState().getMsgCount();
			assertThat(count).isEqualTo(3);
			for (long sequence = 1; sequence <= count; sequence++) {
				Path file = dir.resolve("event-" + sequence + ".json");
				Files.write(file, broker.management().getMessage(stream, sequence).getData());
				command.add(file.toString());
			}
		}
		String output = run(command);
		assertThat(output.lines().filter(l -> l.startsWith("ok ")).count()).as(output).isEqualTo(3);
		assertThat(output).contains("exit 0");
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).directory(CHECK.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
		return output + "\nexit " + process.exitValue();
	}

	private static boolean commandExists(String name) {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, name))) {
				return true;
			}
		}
		return false;
	}
}
