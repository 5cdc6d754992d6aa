package dev.byron.bench.chaos;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.byron.deployer.local.LocalOptions;
import dev.byron.deployer.local.LocalSystem;

/**
 * {@code byron run --nats-cluster 3} under writers: the nats-server that leads the component's stream is killed -9
 * halfway through. Every write that was answered with an id must be there afterwards, and the writes after the kill
 * go through the other two servers (the killed one is started again meanwhile).
 */
final class BrokerNodeLoss {
	/** What the scenario saw; {@link #passed()} when nothing answered was lost and writing went on. */
	record Check(int answered, int refused, int lost, int answeredAfterKill, List<String> problems) {
		boolean passed() {
			return lost == 0 && answeredAfterKill > 0 && problems.isEmpty();
		}
	}

	private static final String MODEL = "system ledger\ncomponent entries {\n  entity Entry {\n    memo: String! @unique\n  }\n}\n";

	private BrokerNodeLoss() {
	}

	static Check run(Path dir, int writes, int writers) throws Exception {
		Path project = Files.createDirectories(dir.resolve("ledger"));
		Files.writeString(project.resolve("schema.byron"), MODEL);
		List<String> problems = new ArrayList<>();
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null, 1, 3), new PrintWriter(Writer.nullWriter()))) {
			GraphQLClient client = new GraphQLClient(run.gatewayUrl());
			Set<String> answered = ConcurrentHashMap.newKeySet();
			AtomicInteger refused = new AtomicInteger();
			AtomicInteger sent = new AtomicInteger();
			AtomicInteger afterKill = new AtomicInteger();
			int[] killedAt = { -1 };
			ExecutorService pool = Executors.newFixedThreadPool(writers);
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				done.add(pool.submit(() -> {
					for (int i = sent.incrementAndGet(); i <= writes; i = sent.incrementAndGet()) {
						GraphQLClient.Answer answer = client.execute("mutation($m: String!) { createEntry(input: {memo: $m}) { id } }",
								Map.of("m", "m" + i));
						Map<String, Object> entry = answer.data("createEntry");
						if (entry != null && entry.get("id") != null && answer.code() == null) {
							answered.add((String) entry.get("id"));
							if (killedAt[0] >= 0) {
								afterKill.incrementAndGet();
							}
						} else {
							refused.incrementAndGet();
						}
					}
					return null;
				}));
			}
			while (sent.get() < writes / 2) {
				Thread.sleep(10);
			}
			String stream = run.broker("entries").names().stream("entries");
			String leader = run.broker("entries").management().getStreamInfo(stream).getClusterInfo().getLeader();
			int index = Integer.parseInt(leader.replace("nats-", "")) - 1;
			long pid = run.natsPids().get(index);
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			killedAt[0] = sent.get();
			for (Future<?> writer : done) {
				writer.get(5, TimeUnit.MINUTES);
			}
			pool.shutdown();
			Set<String> stored = new HashSet<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			do {
				stored = stored(client);
				if (!stored.containsAll(answered)) {
					Thread.sleep(200);
				}
			} while (!stored.containsAll(answered) && System.nanoTime() < deadline);
			Set<String> missing = new HashSet<>(answered);
			missing.removeAll(stored);
			if (!missing.isEmpty()) {
				problems.add("answered but not stored: " + missing.stream().limit(5).toList());
			}
			return new Check(answered.size(), refused.get(), missing.size(), afterKill.get(), problems);
		}
	}

	@SuppressWarnings("unchecked")
	private static Set<String> stored(GraphQLClient client) {
		Set<String> ids = new HashSet<>();
		String after = null;
		while (true) {
			GraphQLClient.Answer page = client.execute("query($after: String) { entries(first: 100, after: $after) { nodes { id } "
					+ "pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after));
			Map<String, Object> entries = page.data("entries");
			if (entries == null) {
				return ids;
			}
			((List<Map<String, Object>>) entries.get("nodes")).forEach(node -> ids.add((String) node.get("id")));
			Map<String, Object> info = (Map<String, Object>) entries.get("pageInfo");
			if (!Boolean.TRUE.equals(info.get("hasNextPage"))) {
				return ids;
			}
			after = (String) info.get("endCursor");
		}
	}
}
