package dev.byron.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured durations (nearest rank). */
final class Stats {
	private Stats() {
	}

	static double median(List<Double> values) {
		return percentile(values, 0.5);
	}

	static double percentile(List<Double> values, double p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
	}
}
