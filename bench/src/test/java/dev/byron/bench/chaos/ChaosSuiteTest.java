package dev.byron.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos suite at a small size, on every build: Sinks killed -9 during random mutations, the broker killed and
 * restarted under load, a GraphQL fuzzer, and the conference's seats while its Sink is killed. {@code bench/run chaos} runs it at full size.
 */
class ChaosSuiteTest {
	@TempDir
	Path dir;

	@Test
	void nothingAcknowledgedIsLostNoAnswerIsWrongAndTheFuzzerFindsNo5xx() throws Exception {
		// the broker down longer than appends wait for it (Broker.LEADERLESS_WAIT, 5 s): clients see the outage
		ChaosSuite.Report report = ChaosSuite.run(new ChaosSuite.Size(400, 2, 1_000, 4, Duration.ofSeconds(8)),
				Path.of("../examples/microblog"), dir);
		String table = report.table();
		System.out.println(table);
		assertThat(report.kills()).as(table).isEqualTo(2);
		assertThat(report.acknowledged()).as(table).isGreaterThan(200);
		assertThat(report.q2().replicas()).as(table).isGreaterThan(100);
		assertThat(report.brokerUnavailable()).as("the outage was seen by clients: " + table).isPositive();
		assertThat(report.fuzzRequests()).isEqualTo(1_000);
		assertThat(report.rule().kills()).as(table).isEqualTo(2);
		assertThat(report.rule().fullTalks()).as("some talks filled up: " + table).isPositive();
		assertThat(report.rule().refused()).as("and then refused: " + table).isPositive();
		assertThat(report.nodeLoss().answered()).as(table).isGreaterThan(50);
		assertThat(report.passed()).as(table).isTrue();
	}
}
