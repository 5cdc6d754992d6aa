package dev.byron.dsl.linking;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?": the closest known name, when one is close enough to be a likely typo. */
public final class Suggestions {
	private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

	private Suggestions() {
	}

	public static Optional<String> closest(String typed, Iterable<String> candidates) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String wanted = typed.toLowerCase(Locale.ROOT);
		int limit = Math.max(2, wanted.length() / 3);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance
					|| distance == bestDistance && best != null && Comparator.<String>naturalOrder().compare(candidate, best) < 0) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
	}

	/** Distance of the typed text to a candidate, also comparing only the last segment of qualified names. */
	private static int distance(String typed, String candidate) {
		int whole = DISTANCE.apply(typed, candidate);
		if (!typed.contains(".") && candidate.contains(".")) {
			return Math.min(whole, DISTANCE.apply(typed, candidate.substring(candidate.lastIndexOf('.') + 1)) + 1);
		}
		return whole;
	}

	public static String didYouMean(Optional<String> suggestion) {
		return suggestion.map(s -> " Did you mean '" + s + "'?").orElse("");
	}
}
