package dev.byron.dsl.linking;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?": the closest known name, when one is close enough to be a likely typo. */
public final class Suggestions {

	private Suggestions() {
	}

	public static Optional<String> closest(String typed, Iterable<String> candidates) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String wanted = typed.toLowerCase(Locale.ROOT);
		int limit = Math.max(2, wanted.length() / 3);
		// A bounded distance gives up early on far candidates: scopes of large models hold thousands of names.
		LevenshteinDistance bounded = new LevenshteinDistance(limit);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			String known = candidate.toLowerCase(Locale.ROOT);
			int distance = distance(bounded, wanted, known);
			if (distance < 0 && wanted.length() >= 3 && known.startsWith(wanted)) {
				distance = limit; // Date for DateTime: a name cut short, suggested when nothing nearer is
			}
			if (distance < 0) {
				continue;
			}
			if (distance < bestDistance
					|| distance == bestDistance && best != null && Comparator.<String>naturalOrder().compare(candidate, best) < 0) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
	}

	/**
	 * Distance of the typed text to a candidate, also comparing only the last segment of qualified names;
	 * -1 when it is beyond the bound.
	 */
	private static int distance(LevenshteinDistance bounded, String typed, String candidate) {
		if (swapsTwoNeighbours(typed, candidate)) {
			return 1; // Itn for Int: one slip of the fingers, which Levenshtein counts as two edits
		}
		int whole = bounded.apply(typed, candidate);
		if (!typed.contains(".") && candidate.contains(".")) {
			int last = bounded.apply(typed, candidate.substring(candidate.lastIndexOf('.') + 1));
			if (last >= 0 && (whole < 0 || last + 1 < whole)) {
				return last + 1;
			}
		}
		return whole;
	}

	/** Whether {@code candidate} is {@code typed} with two neighbouring letters the other way round. */
	static boolean swapsTwoNeighbours(String typed, String candidate) {
		if (typed.length() != candidate.length() || typed.length() < 2) {
			return false;
		}
		int first = 0;
		while (first < typed.length() && typed.charAt(first) == candidate.charAt(first)) {
			first++;
		}
		return first < typed.length() - 1 && typed.charAt(first) == candidate.charAt(first + 1)
				&& typed.charAt(first + 1) == candidate.charAt(first)
				&& typed.substring(first + 2).equals(candidate.substring(first + 2));
	}

	public static String didYouMean(Optional<String> suggestion) {
		return suggestion.map(s -> " Did you mean '" + s + "'?").orElse("");
	}
}
