package dev.byron.modeler.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The studio's log as the page reads it: every line gets a number, the page asks for the lines after the last one it
 * has, and the newest {@link #KEPT} lines are kept (a system that runs for days does not fill the studio's memory).
 */
final class RunLog {
	static final int KEPT = 5_000;

	/** Lines {@code from} .. {@code end - 1}; {@code from} is later than asked when older lines were let go. */
	record Lines(long from, long end, List<String> lines) {
	}

	private final ArrayDeque<String> lines = new ArrayDeque<>();
	private long end;

	synchronized void add(String line) {
		lines.addLast(line);
		end++;
		if (lines.size() > KEPT) {
			lines.removeFirst();
		}
	}

	/** The lines after the first {@code after} ones, as many as are still kept. */
	synchronized Lines after(long after) {
		long first = end - lines.size();
		long from = Math.max(first, Math.min(Math.max(after, 0), end));
		List<String> answer = new ArrayList<>((int) (end - from));
		int skip = (int) (from - first);
		int i = 0;
		for (String line : lines) {
			if (i++ >= skip) {
				answer.add(line);
			}
		}
		return new Lines(from, end, answer);
	}
}
