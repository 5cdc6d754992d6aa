package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import dev.byron.runtime.ByronComponent;

/**
 * {@code byron run --replicas 2}: two instances of each component, each its API and its Sink, as on a cluster. The
 * gateway spreads calls over the APIs, the Sinks share each stream's events without applying one twice, and the
 * guarantees hold across instances.
 */
class LocalRunReplicasTest {
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path project;

	@Test
	void twoInstancesShareTheCallsAndTheEventsAndAUniqueValueIsStillTakenOnce() throws Exception {
		Files.writeString(project.resolve("schema.byron"), """
				system clubs
				component members {
				  entity Member {
				    nick: String! @unique
				  }
				}
				component roster {
				  replicate members.Member { nick }
				}
				""");
		StringWriter log = new StringWriter();
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null, 2, 1), new PrintWriter(log))) {
			assertThat(run.instances("members")).hasSize(2);
			assertThat(log.toString()).contains(run.instances("members").get(1).graphqlUrl());

			List<String> answers = race(40, i -> graphql(run, "mutation { createMember(input: {nick: \"m" + i + "\"}) { id nick } }"));
			assertThat(answers).allMatch(answer -> answer.contains("\"nick\":\"m")).noneMatch(answer -> answer.contains("errors"));
			assertThat(answers).as("read-your-writes on either instance").allMatch(answer -> !answer.contains("\"nick\":null"));

			List<String> sameNick = race(12, i -> graphql(run, "mutation { createMember(input: {nick: \"twin\"}) { id } }"));
			assertThat(sameNick.stream().filter(answer -> answer.contains("\"id\"") && !answer.contains("errors")))
					.as("a unique value is taken once across instances: " + sameNick).hasSize(1);

			for (String component : List.of("members", "roster")) {
				await(component + "'s Sinks applied all 41 members", () -> handled(run, component) == 41);
				for (ByronComponent instance : run.instances(component)) {
					assertThat(handled(instance)).as("each of %s's Sinks took a share", component).isPositive();
				}
			}
			for (ByronComponent instance : run.instances("members")) {
				assertThat(instance.metrics().find("byron.command.step").tag("step", "append-event").timer().count())
						.as("each API instance answered some of the mutations").isPositive();
			}
			assertThat(graphql(run, "{ members(first: 100) { nodes { nick } } }").split("\"nick\"")).hasSize(42);

			assertThat(admin(run, "members/1/stop")).isEqualTo(200);
			assertThat(run.instances("members")).hasSize(1);
			List<String> afterOneStopped = race(6, i -> graphql(run, "mutation { createMember(input: {nick: \"late" + i + "\"}) { id } }"));
			assertThat(afterOneStopped).as("the gateway goes to the instance still up").allMatch(answer -> answer.contains("\"id\""));
			assertThat(admin(run, "members/3/stop")).as("there is no third instance").isEqualTo(404);
			assertThat(admin(run, "members/1/start")).isEqualTo(200);
			assertThat(run.instances("members")).hasSize(2);
		}
	}

	/** Events of the members stream this component's instances handled, all Sinks together. */
	private static double handled(LocalSystem run, String component) {
		return run.instances(component).stream().mapToDouble(LocalRunReplicasTest::handled).sum();
	}

	private static double handled(ByronComponent instance) {
		var counter = instance.metrics().find("byron.sink.events").tag("source", "members").tag("result", "handled").counter();
		return counter == null ? 0 : counter.count();
	}

	interface Call {
		String run(int i) throws Exception;
	}

	private static List<String> race(int count, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit((Callable<String>) () -> call.run(n)));
			}
			List<String> answers = new ArrayList<>();
			for (Future<String> future : futures) {
				answers.add(future.get(60, TimeUnit.SECONDS));
			}
			return answers;
		} finally {
			pool.shutdownNow();
		}
	}

	/** POST /_byron/components/{@code path} on the gateway, as the README shows with curl; the status. */
	private static int admin(LocalSystem run, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(run.gatewayUrl().replace("/graphql", "/_byron/components/" + path)))
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String graphql(LocalSystem run, String query) throws Exception {
		return GatewayRequests.post(run, query);
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Await.until(what, 60, condition);
	}
}
