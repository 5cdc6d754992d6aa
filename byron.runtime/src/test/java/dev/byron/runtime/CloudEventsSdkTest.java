package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
		Tools.npmPackages(CHECK, "cloudevents");
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
		Tools.Run check = Tools.run(command, CHECK);
		assertThat(check.output().lines().filter(l -> l.startsWith("ok ")).count()).as(check.output()).isEqualTo(3);
		assertThat(check.exit()).as(check.output()).isZero();
	}
}
