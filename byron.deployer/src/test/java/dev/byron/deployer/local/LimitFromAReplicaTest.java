package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code @limit(capacity, per: event)} where the event is another component's entity: the maximum is read from
 * the limiting component's replica of it, and the limit holds under racing creates.
 */
class LimitFromAReplicaTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path project;

	@Test
	void aLimitReadsItsMaximumFromAnotherComponentsEntityThroughItsReplica() throws Exception {
		Files.writeString(project.resolve("schema.byron"), """
				system office
				component events {
				  entity Event {
				    name: String!
				    capacity: Int!
				  }
				}
				component tickets {
				  replicate events.Event { name, capacity }
				  entity Ticket @limit(capacity, per: event) {
				    holder: String!
				    event: events.Event!
				  }
				}
				""");
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null), new PrintWriter(new StringWriter()))) {
			String event = graphql(run, "mutation { createEvent(input: {name: \"Gala\", capacity: 3}) { id } }")
					.at("/data/createEvent/id").asText();
			Await.until("tickets has the event", 30, () -> !graphql(run, "mutation { createTicket(input: {holder: \"first\", event: \""
					+ event + "\"}) { id } }").has("errors"));
			ExecutorService pool = Executors.newFixedThreadPool(6);
			try {
				List<Future<JsonNode>> answers = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					int n = i;
					answers.add(pool.submit(() -> graphql(run, "mutation { createTicket(input: {holder: \"h" + n + "\", event: \""
							+ event + "\"}) { id } }")));
				}
				List<JsonNode> results = new ArrayList<>();
				for (Future<JsonNode> answer : answers) {
					results.add(answer.get(60, TimeUnit.SECONDS));
				}
				assertThat(results.stream().filter(r -> !r.has("errors"))).as("the capacity of 3, one taken before: " + results).hasSize(2);
				assertThat(results.stream().filter(r -> r.has("errors")))
						.allMatch(r -> r.at("/errors/0/extensions/code").asText().equals("CONFLICT"));
			} finally {
				pool.shutdownNow();
			}
		}
	}

	private static JsonNode graphql(LocalSystem run, String query) {
		try {
			return JSON.readTree(GatewayRequests.post(run, query));
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
