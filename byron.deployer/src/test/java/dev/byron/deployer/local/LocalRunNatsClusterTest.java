package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nats.client.api.StreamInfo;

/**
 * {@code byron run --nats-cluster 3}: three nats-servers in a JetStream cluster, every stream kept on all three.
 * The server leading a component's stream is killed while clients write: no write that was answered is lost, and
 * writes go on through the other two. Started again on the same stores, the system waits for the servers to elect
 * their leaders, and finds every write.
 */
class LocalRunNatsClusterTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path project;

	@Test
	void killingTheServerThatLeadsAStreamUnderLoadLosesNoAnsweredWrite() throws Exception {
		Files.writeString(project.resolve("schema.byron"), "system ledger\ncomponent entries {\n  entity Entry {\n    memo: String! @unique\n  }\n}\n");
		StringWriter log = new StringWriter();
		Set<String> answered = ConcurrentHashMap.newKeySet();
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null, 1, 3), new PrintWriter(log))) {
			assertThat(run.natsPids()).hasSize(3).doesNotHaveDuplicates();
			String stream = run.broker("entries").names().stream("entries");
			StreamInfo info = run.broker("entries").management().getStreamInfo(stream);
			assertThat(info.getConfiguration().getReplicas()).as("the stream is kept on all three servers").isEqualTo(3);

			AtomicInteger refused = new AtomicInteger();
			AtomicBoolean writing = new AtomicBoolean(true);
			ExecutorService writers = Executors.newFixedThreadPool(4);
			List<Future<?>> done = new ArrayList<>();
			AtomicInteger next = new AtomicInteger();
			for (int w = 0; w < 4; w++) {
				done.add(writers.submit(() -> {
					while (writing.get()) {
						JsonNode answer = graphql(run, "mutation { createEntry(input: {memo: \"m" + next.incrementAndGet() + "\"}) { id } }");
						String id = answer.at("/data/createEntry/id").asText(null);
						if (id != null && !answer.has("errors")) {
							answered.add(id);
						} else {
							refused.incrementAndGet();
						}
					}
					return null;
				}));
			}
			await("some writes before the kill", () -> answered.size() >= 30);
			String leader = run.broker("entries").management().getStreamInfo(stream).getClusterInfo().getLeader();
			int index = Integer.parseInt(leader.replace("nats-", "")) - 1;
			long killed = run.natsPids().get(index);
			ProcessHandle.of(killed).orElseThrow().destroyForcibly();
			int atKill = answered.size();
			await("writes go on after the leader is gone", () -> answered.size() >= atKill + 60);
			writing.set(false);
			for (Future<?> writer : done) {
				writer.get(60, TimeUnit.SECONDS);
			}
			writers.shutdown();

			await("the killed server is started again", () -> run.natsPids().get(index) != killed);
			Set<String> stored = ConcurrentHashMap.newKeySet();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			do {
				stored.clear();
				stored.addAll(allEntries(run));
				Thread.sleep(200);
			} while (!stored.containsAll(answered) && System.nanoTime() < deadline);
			var consumer = run.broker("entries").management().getConsumerInfo(stream, run.broker("entries").names().consumer("entries", "entries"));
			assertThat(stored).as("in the stream: %d; the Sink's consumer: %d pending, %d unacknowledged, %d delivered",
					run.broker("entries").management().getStreamInfo(stream).getStreamState().getMsgCount(), consumer.getNumPending(),
					consumer.getNumAckPending(), consumer.getDelivered().getStreamSequence()).containsAll(answered);
			assertThat(log.toString()).contains("nats-server " + (index + 1) + " of 3 stopped unexpectedly")
					.contains("a cluster's data is kept apart");
			System.out.printf("nats cluster: %d writes answered, %d refused while the leader was lost%n", answered.size(), refused.get());
		}

		Path closed = project.resolve(".byron-data/mongo-cluster.mv.closed");
		assertThat(closed).as("the store closed cleanly: the next run need not write anything again").exists();
		// started again on the same stores, the servers elect their leaders anew before the components may use them
		try (LocalSystem again = LocalSystem.start(project, new LocalOptions(0, null, null, 1, 3), new PrintWriter(log))) {
			assertThat(closed).as("taken by the run that opened the store").doesNotExist();
			Set<String> stored = new java.util.HashSet<>(allEntries(again));
			assertThat(stored).as("every answered write, after the restart").containsAll(answered);
			JsonNode created = graphql(again, "mutation { createEntry(input: {memo: \"after the restart\"}) { id } }");
			assertThat(created.has("errors")).as(created.toString()).isFalse();
		}
	}

	private static List<String> allEntries(LocalSystem run) {
		List<String> ids = new ArrayList<>();
		String after = null;
		while (true) {
			JsonNode page = graphql(run, "{ entries(first: 100" + (after == null ? "" : ", after: \"" + after + "\"")
					+ ") { nodes { id } pageInfo { hasNextPage endCursor } } }");
			assertThat(page.has("errors")).as(page.toString()).isFalse();
			page.at("/data/entries/nodes").forEach(node -> ids.add(node.path("id").asText()));
			if (!page.at("/data/entries/pageInfo/hasNextPage").asBoolean()) {
				return ids;
			}
			after = page.at("/data/entries/pageInfo/endCursor").asText();
		}
	}

	private static JsonNode graphql(LocalSystem run, String query) {
		try {
			return JSON.readTree(GatewayRequests.post(run, query));
		} catch (Exception e) {
			return JSON.createObjectNode().put("errors", e.toString());
		}
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Await.until(what, 90, condition);
	}
}
