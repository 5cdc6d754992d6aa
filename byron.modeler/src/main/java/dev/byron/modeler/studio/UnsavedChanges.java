package dev.byron.modeler.studio;

import java.util.List;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks what to do with files modified but not saved, before an action that would lose them or not see them. */
final class UnsavedChanges {
	enum Choice {
		SAVE, DISCARD, CANCEL
	}

	static final ButtonType SAVE = new ButtonType("Save", ButtonData.YES);
	static final ButtonType DISCARD = new ButtonType("Don't Save", ButtonData.NO);
	static final ButtonType CANCEL = new ButtonType("Cancel", ButtonData.CANCEL_CLOSE);

	private UnsavedChanges() {
	}

	/**
	 * {@code action} completes "Save them before you ...?"; {@code canDiscard} offers to go on without saving (closing)
	 * rather than only to save first (an action that reads the files on disk).
	 */
	static Choice ask(Window owner, List<String> files, String action, boolean canDiscard) {
		Alert alert = canDiscard ? new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DISCARD, CANCEL)
				: new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, CANCEL);
		alert.initOwner(owner);
		alert.setTitle("Unsaved changes");
		alert.setHeaderText(files.size() == 1 ? files.get(0) + " has unsaved changes."
				: files.size() + " files have unsaved changes: " + String.join(", ", files) + ".");
		alert.setContentText("Save them before you " + action + "?"
				+ (canDiscard ? " Don't Save drops them." : " It uses the files on disk."));
		ButtonType answer = alert.showAndWait().orElse(CANCEL);
		return answer == SAVE ? Choice.SAVE : answer == DISCARD ? Choice.DISCARD : Choice.CANCEL;
	}
}
