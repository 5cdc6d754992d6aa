package dev.byron.modeler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunLogTest {
	@Test
	void thePageGetsTheLinesAfterThoseItHasEachOnce() {
		RunLog log = new RunLog();
		log.add("Run…");
		log.add("Running: GraphiQL at http://127.0.0.1:4000/graphql");
		RunLog.Lines first = log.after(0);
		assertThat(first.lines()).containsExactly("Run…", "Running: GraphiQL at http://127.0.0.1:4000/graphql");
		assertThat(first.end()).isEqualTo(2);
		log.add("Stopped.");
		assertThat(log.after(first.end())).isEqualTo(new RunLog.Lines(2, 3, List.of("Stopped.")));
		assertThat(log.after(3).lines()).isEmpty();
		assertThat(log.after(99)).as("a number from the future: nothing, not an error").isEqualTo(new RunLog.Lines(3, 3, List.of()));
	}

	@Test
	void aLongRunKeepsItsNewestLinesAndSaysWhereTheyStart() {
		RunLog log = new RunLog();
		for (int i = 0; i < RunLog.KEPT + 10; i++) {
			log.add("line " + i);
		}
		RunLog.Lines kept = log.after(0);
		assertThat(kept.from()).isEqualTo(10);
		assertThat(kept.lines()).hasSize(RunLog.KEPT).startsWith("line 10").endsWith("line " + (RunLog.KEPT + 9));
		assertThat(log.after(RunLog.KEPT + 8).lines()).containsExactly("line " + (RunLog.KEPT + 8), "line " + (RunLog.KEPT + 9));
	}
}
