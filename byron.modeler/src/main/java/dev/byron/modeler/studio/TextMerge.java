package dev.byron.modeler.studio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;

/**
 * A text changed in two places from one base, merged line by line: both sides' changes when they touch different
 * lines, with at least one unchanged line between them; nothing when they touch the same or neighbouring lines (the
 * user chooses). The same change made on both sides counts once.
 */
final class TextMerge {
	private TextMerge() {
	}

	static Optional<String> merge(String base, String ours, String theirs) {
		List<String> lines = lines(base);
		List<AbstractDelta<String>> changes = new ArrayList<>(DiffUtils.diff(lines, lines(ours)).getDeltas());
		for (AbstractDelta<String> other : DiffUtils.diff(lines, lines(theirs)).getDeltas()) {
			boolean same = false;
			for (AbstractDelta<String> mine : changes) {
				if (mine.getSource().getPosition() == other.getSource().getPosition() && mine.getSource().size() == other.getSource().size()
						&& mine.getTarget().getLines().equals(other.getTarget().getLines())) {
					same = true;
				} else if (touch(mine.getSource(), other.getSource())) {
					return Optional.empty();
				}
			}
			if (!same) {
				changes.add(other);
			}
		}
		changes.sort(Comparator.comparingInt(delta -> delta.getSource().getPosition()));
		StringBuilder merged = new StringBuilder();
		int next = 0;
		for (AbstractDelta<String> change : changes) {
			lines.subList(next, change.getSource().getPosition()).forEach(merged::append);
			change.getTarget().getLines().forEach(merged::append);
			next = change.getSource().getPosition() + change.getSource().size();
		}
		lines.subList(next, lines.size()).forEach(merged::append);
		return Optional.of(merged.toString());
	}

	/** Whether two changed ranges of the base overlap or meet (an insertion meets the lines on both sides of it). */
	private static boolean touch(Chunk<String> a, Chunk<String> b) {
		return a.getPosition() <= b.getPosition() + b.size() && b.getPosition() <= a.getPosition() + a.size();
	}

	/** The text's lines, each with its line break, so that joining them gives the text back. */
	private static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lines.add(text.substring(start, i + 1));
				start = i + 1;
			}
		}
		if (start < text.length()) {
			lines.add(text.substring(start));
		}
		return lines;
	}
}
