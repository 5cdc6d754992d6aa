package dev.byron.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.spi.Hooks;

/**
 * A business rule under chaos: the conference example (talks with seats, the capacity hook keyed by talk), random
 * registrations through the gateway while the program's Sink is killed -9 and restarted. Whatever is refused or
 * unavailable, no talk may end with more registrations than seats, and each full talk announces it once.
 */
final class RuleUnderChaos {
	/** The figures of one run. */
	record Check(int talks, int attempts, int accepted, int refused, int unavailable, int wrong, int kills, int overCapacity,
			int fullTalks, int talkFullMissingOrTwice, int acknowledgedNotOnStream, List<String> problems) {
		boolean passed() {
			return wrong == 0 && overCapacity == 0 && talkFullMissingOrTwice == 0 && acknowledgedNotOnStream == 0;
		}
	}

	/**
	 * The decision's event commits inside the command's append and reaches its subject when the program's Sink
	 * applies the command: a Sink killed while holding it gets it again once its acknowledgement wait has passed.
	 * So the stream is read once the Sink has acknowledged everything appended (at most a minute).
	 */
	private static void awaitSink(Broker broker) throws InterruptedException {
		String stream = broker.names().stream("program");
		String consumer = broker.names().consumer("program", "program");
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline
				&& broker.acknowledgedThrough(stream, consumer).orElse(-1L) < broker.lastSequence("program")) {
			Thread.sleep(200);
		}
	}

	private RuleUnderChaos() {
	}

	/** The rule as the example states it, on maps (the typed version is examples/conference/hooks). */
	static Hooks capacityRule() {
		return Hooks.builder().command("checkCapacity", ctx -> {
			String talk = (String) ctx.state().get("talk");
			Map<String, Object> found = ctx.component().find("Talk", talk)
					.orElseThrow(() -> ByronException.validation("talk", "No talk " + talk + "."));
			int capacity = ((Number) found.get("capacity")).intValue();
			int taken = ctx.component().where("Registration", "talk", talk).size();
			if (taken >= capacity) {
				throw new ByronException(ErrorCode.CONFLICT, "full");
			}
			if (taken + 1 == capacity) {
				ctx.component().publish("TalkFull", Map.of("talk", talk, "title", String.valueOf(found.get("title"))));
			}
		}).build();
	}

	static Check run(Path example, Path dir, int talks, int capacity, int attempts, int workers, int kills) throws Exception {
		java.nio.file.Files.createDirectories(dir);
		try (ChaosSystem system = new ChaosSystem(dir, example, Map.of("program", capacityRule()))) {
			GraphQLClient client = new GraphQLClient(system.gatewayUrl());
			List<String> problems = new ArrayList<>();
			List<String> talkIds = new ArrayList<>();
			for (int t = 0; t < talks; t++) {
				GraphQLClient.Answer answer = client.execute("mutation($in: TalkInput!) { createTalk(input: $in) { id } }",
						Map.of("in", Map.of("title", "Talk " + t, "capacity", capacity)));
				talkIds.add((String) answer.data("createTalk").get("id"));
			}
			Map<String, String> acknowledged = new ConcurrentHashMap<>();
			AtomicInteger refused = new AtomicInteger();
			AtomicInteger unavailable = new AtomicInteger();
			AtomicInteger wrong = new AtomicInteger();
			AtomicInteger sent = new AtomicInteger();
			AtomicInteger killed = new AtomicInteger();
			Thread killer = new Thread(() -> {
				try {
					for (int k = 1; k <= kills; k++) {
						int threshold = k * attempts / (kills + 1);
						while (sent.get() < threshold) {
							Thread.sleep(10);
						}
						system.killSink("program", Duration.ofMillis(200 + 100L * k));
						killed.incrementAndGet();
					}
				} catch (Exception e) {
					problems.add("killing the Sink failed: " + e);
				}
			}, "rule-chaos-killer");
			killer.start();
			ExecutorService pool = Executors.newFixedThreadPool(workers);
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				int worker = w;
				futures.add(pool.submit(() -> {
					Random random = new Random(99 + worker);
					int i;
					while ((i = sent.getAndIncrement()) < attempts) {
						String talk = talkIds.get(random.nextInt(talkIds.size()));
						GraphQLClient.Answer answer = client.execute(
								"mutation($in: RegistrationInput!) { createRegistration(input: $in) { id talk { id } } }",
								Map.of("in", Map.of("attendee", "a" + i + "@example.com", "talk", talk)));
						String code = answer.code();
						if (code == null && answer.data("createRegistration") != null) {
							acknowledged.put((String) answer.data("createRegistration").get("id"), talk);
						} else if ("CONFLICT".equals(code)) {
							refused.incrementAndGet();
						} else if ("UNAVAILABLE".equals(code)) {
							unavailable.incrementAndGet();
						} else {
							wrong.incrementAndGet();
							if (problems.size() < 10) {
								problems.add("registration answered " + answer.status() + " " + answer.body());
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			pool.shutdown();
			killer.join();

			Map<String, Integer> registrations = new HashMap<>();
			Map<String, Integer> fullEvents = new HashMap<>();
			java.util.Set<String> onStream = new java.util.HashSet<>();
			Broker broker = system.broker();
			awaitSink(broker);
			long last = broker.lastSequence("program");
			for (long sequence = 1; sequence <= last; sequence++) {
				Event event = broker.event("program", sequence).orElse(null);
				if (event == null) {
					continue;
				}
				if ("Registration".equals(event.entity()) && !event.isDeletion()) {
					onStream.add(event.entityId());
					registrations.merge(String.valueOf(event.data().get("talk")), 1, Integer::sum);
				} else if (event.type().endsWith(".TalkFull")) {
					fullEvents.merge(String.valueOf(event.data().get("talk")), 1, Integer::sum);
				}
			}
			int over = 0;
			int full = 0;
			int announcements = 0;
			for (String talk : talkIds) {
				int count = registrations.getOrDefault(talk, 0);
				if (count > capacity) {
					over++;
					problems.add("talk " + talk + " has " + count + " registrations for " + capacity + " seats");
				}
				int expected = count == capacity ? 1 : 0;
				full += expected;
				if (fullEvents.getOrDefault(talk, 0) != expected) {
					announcements++;
					problems.add("talk " + talk + ": " + count + " registrations, TalkFull " + fullEvents.getOrDefault(talk, 0) + " times");
				}
			}
			int missing = (int) acknowledged.keySet().stream().filter(id -> !onStream.contains(id)).count();
			return new Check(talks, attempts, acknowledged.size(), refused.get(), unavailable.get(), wrong.get(), killed.get(), over,
					full, announcements, missing, problems);
		}
	}
}
