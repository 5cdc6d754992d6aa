package dev.byron.bench.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos suite: Q2 at scale (random mutations across the microblog while Sinks are killed -9 and restarted), the
 * broker killed and restarted under load, a GraphQL fuzzer, a business rule under chaos (the conference's seats
 * while its Sink is killed), and one server of a 3-server NATS cluster killed under writers. {@code bench/run chaos [mutations] [kills] [fuzz]}
 * runs it at full size and prints the table; the test suite runs it small (ChaosSuiteTest).
 */
public final class ChaosSuite {
	/** How big a run is. */
	public record Size(int mutations, int sinkKills, int fuzzRequests, int workers, Duration brokerDown, int registrations) {
		public static final Size FULL = new Size(10_000, 5, 10_000, 8, Duration.ofSeconds(3), 2_000);

		/** A run whose rule scenario sends a quarter as many registrations as mutations. */
		public Size(int mutations, int sinkKills, int fuzzRequests, int workers, Duration brokerDown) {
			this(mutations, sinkKills, fuzzRequests, workers, brokerDown, Math.max(100, mutations / 4));
		}
	}

	/** The figures of one run; {@link #passed()} is the suite's verdict. */
	public record Report(Size size, int sent, int acknowledged, int refused, List<String> refusedBecause, int unavailable,
			int wrong, int kills,
			MutationLoad.Check q2, long q2CatchUpMillis, int brokerAcknowledged, int brokerUnavailable, int brokerWrong,
			MutationLoad.Check broker, long brokerCatchUpMillis, int fuzzRequests, int fuzz5xx, int fuzzStackTraces,
			int fuzzNotJson, java.util.Map<String, Integer> fuzzCodes, List<String> unhealthy, RuleUnderChaos.Check rule,
			BrokerNodeLoss.Check nodeLoss, List<String> problems) {

		public boolean passed() {
			return rule.passed() && nodeLoss.passed() && wrong == 0 && q2.lost() == 0 && q2.stale() == 0 && q2.replicas() == q2.replicasEqual() && q2CatchUpMillis >= 0
					&& brokerWrong == 0 && broker.lost() == 0 && broker.stale() == 0 && brokerCatchUpMillis >= 0
					&& fuzz5xx == 0 && fuzzStackTraces == 0 && fuzzNotJson == 0 && unhealthy.isEmpty();
		}

		public String table() {
			List<String[]> rows = new ArrayList<>();
			rows.add(new String[] { "Q2 at scale", "mutations sent / acknowledged / refused / UNAVAILABLE",
					sent + " / " + acknowledged + " / " + refused + " / " + unavailable });
			rows.add(new String[] { "", "refused because", String.join("; ", refusedBecause) });
			rows.add(new String[] { "", "Sinks killed -9 and restarted", String.valueOf(kills) });
			rows.add(new String[] { "", "entities checked", String.valueOf(q2.entities()) });
			rows.add(new String[] { "", "acknowledged mutations lost", String.valueOf(q2.lost()) });
			rows.add(new String[] { "", "applied twice or out of order (state older than the last event)", String.valueOf(q2.stale()) });
			rows.add(new String[] { "", "replicas equal to their source", q2.replicasEqual() + " / " + q2.replicas() });
			rows.add(new String[] { "", "wrong answers", String.valueOf(wrong) });
			rows.add(new String[] { "", "catch-up after the load", millis(q2CatchUpMillis) });
			rows.add(new String[] { "Broker restart", "broker killed -9, down for", size.brokerDown().toMillis() + " ms" });
			rows.add(new String[] { "", "mutations acknowledged during the phase", String.valueOf(brokerAcknowledged) });
			rows.add(new String[] { "", "answers UNAVAILABLE (retried)", String.valueOf(brokerUnavailable) });
			rows.add(new String[] { "", "wrong answers", String.valueOf(brokerWrong) });
			rows.add(new String[] { "", "acknowledged mutations lost", String.valueOf(broker.lost()) });
			rows.add(new String[] { "", "replicas equal to their source", broker.replicasEqual() + " / " + broker.replicas() });
			rows.add(new String[] { "", "catch-up after the restart", millis(brokerCatchUpMillis) });
			rows.add(new String[] { "GraphQL fuzzer", "requests", String.valueOf(fuzzRequests) });
			rows.add(new String[] { "", "HTTP 5xx", String.valueOf(fuzz5xx) });
			rows.add(new String[] { "", "stack traces in answers", String.valueOf(fuzzStackTraces) });
			rows.add(new String[] { "", "answers that are not JSON", String.valueOf(fuzzNotJson) });
			rows.add(new String[] { "", "codes", fuzzCodes.toString() });
			rows.add(new String[] { "", "services healthy afterwards", unhealthy.isEmpty() ? "all" : "NOT " + unhealthy });
			rows.add(new String[] { "Rule under chaos", "registrations sent / accepted / full (CONFLICT) / UNAVAILABLE",
					rule.attempts() + " / " + rule.accepted() + " / " + rule.refused() + " / " + rule.unavailable() });
			rows.add(new String[] { "", "talks / seats each / talks filled", rule.talks() + " / " + RULE_SEATS + " / " + rule.fullTalks() });
			rows.add(new String[] { "", "the program's Sink killed -9 and restarted", String.valueOf(rule.kills()) });
			rows.add(new String[] { "", "talks with more registrations than seats", String.valueOf(rule.overCapacity()) });
			rows.add(new String[] { "", "talks whose TalkFull is missing or repeated", String.valueOf(rule.talkFullMissingOrTwice()) });
			rows.add(new String[] { "", "accepted registrations not on the stream", String.valueOf(rule.acknowledgedNotOnStream()) });
			rows.add(new String[] { "", "wrong answers", String.valueOf(rule.wrong()) });
			rows.add(new String[] { "Broker node lost", "nats-server leading the stream of a 3-server cluster killed -9", "at half the writes" });
			rows.add(new String[] { "", "writes answered / refused", nodeLoss.answered() + " / " + nodeLoss.refused() });
			rows.add(new String[] { "", "answered after the kill", String.valueOf(nodeLoss.answeredAfterKill()) });
			rows.add(new String[] { "", "answered writes lost", String.valueOf(nodeLoss.lost()) });
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "Chaos suite: microblog, %,d mutations by %d workers, %d Sink kills, %,d fuzz requests%n%n",
					size.mutations(), size.workers(), size.sinkKills(), size.fuzzRequests()));
			out.append("| scenario | figure | result |\n|---|---|---|\n");
			rows.forEach(r -> out.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n"));
			out.append(System.lineSeparator()).append(passed() ? "PASSED" : "FAILED");
			problems.forEach(p -> out.append(System.lineSeparator()).append("  ").append(p));
			return out.toString();
		}

		private static String millis(long value) {
			return value < 0 ? "did not catch up" : String.format(Locale.ROOT, "%.1f s", value / 1000.0);
		}
	}

	static final int RULE_SEATS = 10;

	private ChaosSuite() {
	}

	public static void main(String[] args) throws Exception {
		Size size = new Size(args.length > 0 ? Integer.parseInt(args[0]) : Size.FULL.mutations(),
				args.length > 1 ? Integer.parseInt(args[1]) : Size.FULL.sinkKills(),
				args.length > 2 ? Integer.parseInt(args[2]) : Size.FULL.fuzzRequests(), Size.FULL.workers(), Size.FULL.brokerDown());
		Report report;
		try {
			report = run(size, Path.of("examples/microblog"), Files.createTempDirectory("byron-chaos"));
		} finally {
			System.out.flush();
		}
		System.out.println(report.table());
		System.exit(report.passed() ? 0 : 1);
	}

	public static Report run(Size size, Path example, Path dir) throws Exception {
		try (ChaosSystem system = new ChaosSystem(dir, example)) {
			GraphQLClient client = new GraphQLClient(system.gatewayUrl());
			List<String> problems = new ArrayList<>();

			MutationLoad load = new MutationLoad(client, "u");
			AtomicInteger kills = new AtomicInteger();
			List<String> components = new ArrayList<>(system.descriptors().keySet());
			Thread killer = new Thread(() -> {
				try {
					for (int k = 1; k <= size.sinkKills(); k++) {
						int threshold = k * size.mutations() / (size.sinkKills() + 1);
						while (load.sent.get() < threshold) {
							Thread.sleep(20);
						}
						system.killSink(components.get(k % components.size()), Duration.ofMillis(300 + 100L * k));
						kills.incrementAndGet();
					}
				} catch (Exception e) {
					problems.add("killing a Sink failed: " + e);
				}
			}, "chaos-sink-killer");
			killer.start();
			load.run(size.mutations(), size.workers(), 42);
			killer.join();
			long q2CatchUp = load.awaitCatchUp(system, 180_000);
			MutationLoad.Check q2 = load.check(system);
			problems.addAll(q2.problems());
			problems.addAll(load.wrongAnswers.subList(0, Math.min(10, load.wrongAnswers.size())));

			MutationLoad users = new MutationLoad(client, "b");
			Thread restart = new Thread(() -> {
				try {
					Thread.sleep(1_000);
					system.restartBroker(size.brokerDown());
				} catch (Exception e) {
					problems.add("restarting the broker failed: " + e);
				}
			}, "chaos-broker-restart");
			restart.start();
			users.runUsersFor(size.brokerDown().toMillis() + 6_000, Math.min(4, size.workers()), 7);
			restart.join();
			long brokerCatchUp = users.awaitCatchUp(system, 180_000);
			MutationLoad.Check broker = users.check(system);
			problems.addAll(broker.problems());
			problems.addAll(users.wrongAnswers.subList(0, Math.min(10, users.wrongAnswers.size())));

			GraphQLFuzzer fuzzer = new GraphQLFuzzer(client);
			fuzzer.run(size.fuzzRequests(), 4, 1234);
			problems.addAll(fuzzer.samples);
			List<String> unhealthy = GraphQLFuzzer.unhealthy(system, client);

			RuleUnderChaos.Check rule = RuleUnderChaos.run(example.resolveSibling("conference"), dir.resolve("rule"),
					Math.max(5, size.registrations() / (3 * RULE_SEATS)), RULE_SEATS, size.registrations(), size.workers(),
					size.sinkKills());
			problems.addAll(rule.problems());

			BrokerNodeLoss.Check nodeLoss = BrokerNodeLoss.run(dir.resolve("node-loss"), Math.max(100, size.mutations() / 4),
					Math.min(4, size.workers()));
			problems.addAll(nodeLoss.problems());

			return new Report(size, load.sent.get(), load.acknowledged.get(), load.refused.get(), load.topRefusals(3),
					load.unavailable.get(),
					load.wrong.get(), kills.get(), q2, q2CatchUp, users.acknowledged.get(), users.unavailable.get(),
					users.wrong.get(), broker, brokerCatchUp, fuzzer.requests.get(), fuzzer.serverErrors.get(),
					fuzzer.stackTraces.get(), fuzzer.notJson.get(), fuzzer.codes(), unhealthy, rule, nodeLoss, problems);
		}
	}
}
