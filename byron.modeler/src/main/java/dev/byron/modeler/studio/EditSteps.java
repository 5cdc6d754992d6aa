package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The history of model edits that changed several files at once (a rename, a diagram action), so that one undo
 * takes such an edit back in all of them, and one redo brings it back, as long as nothing was typed in those
 * files since. UI-free: each front end gives its editors' own per-file undo, redo and marks.
 */
final class EditSteps {
	/** What a front end's editors do for one file. */
	interface Documents {
		void undo(Path file);

		void redo(Path file);

		/** Remembers where the file's own history stands now. */
		void mark(Path file);

		/** Whether the file's own history stands where it was last marked. */
		boolean atMark(Path file);
	}

	/** One edit across files: how many changes it made in each. */
	private record Step(Map<Path, Integer> changes) {
	}

	private final Documents documents;
	private final Deque<Step> done = new ArrayDeque<>();
	private final Deque<Step> undone = new ArrayDeque<>();

	EditSteps(Documents documents) {
		this.documents = documents;
	}

	/** An edit was made across files, {@code changes} in each (in each file's own history). */
	void made(Map<Path, Integer> changes) {
		done.push(new Step(Map.copyOf(changes)));
		undone.clear();
		changes.keySet().forEach(documents::mark);
	}

	/** Undoes the last edit across files when it is the last thing done in each; else one change of {@code shown}. */
	void undo(Path shown) {
		replay(done, undone, documents::undo, shown);
	}

	void redo(Path shown) {
		replay(undone, done, documents::redo, shown);
	}

	private void replay(Deque<Step> from, Deque<Step> to, java.util.function.Consumer<Path> change, Path shown) {
		Step step = from.peek();
		if (step != null && step.changes().keySet().stream().allMatch(documents::atMark)) {
			from.pop();
			step.changes().forEach((file, count) -> {
				for (int i = 0; i < count; i++) {
					change.accept(file);
				}
				documents.mark(file);
			});
			to.push(step);
		} else if (shown != null) {
			change.accept(shown);
		}
	}
}
