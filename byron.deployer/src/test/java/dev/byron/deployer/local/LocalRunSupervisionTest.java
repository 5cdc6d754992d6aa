package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run that looks after its broker and its store: nats-server restarted when it dies (readiness false
 * meanwhile, nothing acknowledged lost), one run per project, and an orphaned nats-server of a killed run
 * stopped before a new one opens the same store.
 */
class LocalRunSupervisionTest {
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path project;

	private void model() throws Exception {
		Files.writeString(project.resolve("schema.byron"), "system notes\ncomponent notes {\n  entity Note {\n    text: String!\n  }\n}\n");
	}

	@Test
	void aKilledNatsServerIsStartedAgainAndWhatWasAcknowledgedIsStillThere() throws Exception {
		model();
		StringWriter log = new StringWriter();
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null), new PrintWriter(log))) {
			String before = graphql(run, "mutation { createNote(input: {text: \"before\"}) { id } }");
			assertThat(before).contains("\"id\"");
			long first = run.natsPid().orElseThrow();

			ProcessHandle.of(first).orElseThrow().destroyForcibly();
			await("readiness goes down or the server is back", () -> ready(run) != 200 || run.natsPid().orElseThrow() != first);
			await("a new nats-server", () -> run.natsPid().orElseThrow() != first);
			await("ready again", () -> ready(run) == 200);

			await("writes work again", () -> graphql(run, "mutation { createNote(input: {text: \"after\"}) { id } }").contains("\"id\""));
			assertThat(graphql(run, "{ notes { nodes { text } } }")).contains("before").contains("after");
			assertThat(log.toString()).contains("nats-server stopped unexpectedly").contains("nats-server is back");
		}
	}

	@Test
	void aSecondRunOnTheSameProjectIsRefusedNamingTheFirst() throws Exception {
		model();
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null), new PrintWriter(new StringWriter()))) {
			assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(0, null, null), new PrintWriter(new StringWriter())))
					.isInstanceOf(LocalRunException.class).hasMessageContaining("Another byron run (pid " + ProcessHandle.current().pid())
					.hasMessageContaining("Stop it");
			assertThat(graphql(run, "{ notes { nodes { text } } }")).as("the first run is untouched").contains("\"notes\"");
		}
	}

	@Test
	void aBusyPortIsNamedWithAFreeOneToTry() throws Exception {
		model();
		try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(port, null, null), new PrintWriter(new StringWriter())))
					.isInstanceOf(LocalRunException.class)
					.hasMessage("Port " + port + " is in use (another program, or another byron run): pass --port with a free one, e.g. --port "
							+ (port + 1) + ".")
					.matches(e -> !((LocalRunException) e).inTheProject(), "not a problem of the model");
		}
	}

	@Test
	void aNatsServerLeftOnTheStoreByAKilledRunIsStoppedBeforeANewRunStarts() throws Exception {
		model();
		Path data = project.resolve(".byron-data");
		Path binary = NatsProcess.find().orElseThrow();
		NatsProcess orphan = NatsProcess.start(binary, data.resolve("nats"));
		Files.writeString(data.resolve(RunLock.NATS_PID), String.valueOf(orphan.pid()));
		StringWriter log = new StringWriter();
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null), new PrintWriter(log))) {
			assertThat(orphan.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
			assertThat(log.toString()).contains("stopping nats-server (pid " + orphan.pid() + ")");
			assertThat(graphql(run, "mutation { createNote(input: {text: \"new run\"}) { id } }")).contains("\"id\"");
		}
	}

	private static int ready(LocalSystem run) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(run.gatewayUrl().replace("/graphql", "/health/ready"))).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (Exception e) {
			return -1;
		}
	}

	private static String graphql(LocalSystem run, String query) {
		try {
			return GatewayRequests.post(run, query);
		} catch (Exception e) {
			return e.toString();
		}
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Await.until(what, 60, condition);
	}
}
