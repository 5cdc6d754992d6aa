package dev.byron.modeler.studio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import dev.byron.diagram.LaidOutDiagram.Point;

/**
 * The boxes moved in the picture, for Undo and Redo: a move is taken back, or made again, while no text changed since
 * it (counted by the editor's edits); once one did, Undo and Redo are the text's.
 */
final class MoveHistory {
	/** A box moved from one place to another, when the texts had had {@code edits} changes. */
	record Step(String id, Point from, Point to, long edits) {
	}

	private final Deque<Step> done = new ArrayDeque<>();
	private final Deque<Step> undone = new ArrayDeque<>();

	void moved(String id, Point from, Point to, long edits) {
		done.push(new Step(id, from, to, edits));
		undone.clear();
	}

	/** The move to take back, if the last thing done was one; it can then be made again. */
	Optional<Step> undo(long edits) {
		return step(done, undone, edits);
	}

	/** The move to make again, if the last thing taken back was one. */
	Optional<Step> redo(long edits) {
		return step(undone, done, edits);
	}

	/** The view laid out anew: the places moved from are not this layout's to go back to. */
	void clear() {
		done.clear();
		undone.clear();
	}

	private static Optional<Step> step(Deque<Step> from, Deque<Step> to, long edits) {
		Step step = from.peek();
		if (step == null || step.edits() != edits) {
			return Optional.empty();
		}
		to.push(from.pop());
		return Optional.of(step);
	}
}
