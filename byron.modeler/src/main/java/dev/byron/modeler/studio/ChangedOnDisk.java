package dev.byron.modeler.studio;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks which text to keep of a file changed on disk while it had unsaved edits here. */
final class ChangedOnDisk {
	/** The default: keeping loses nothing, the disk's text stays in the file until the next save. */
	static final ButtonType KEEP_MINE = new ButtonType("Keep mine", ButtonData.OK_DONE);
	static final ButtonType TAKE_DISK = new ButtonType("Take the disk's", ButtonData.OTHER);

	private ChangedOnDisk() {
	}

	/** True to keep the studio's text (the next save overwrites the disk), false to take the disk's and drop the edits. */
	static boolean keepMine(Window owner, String file) {
		Alert alert = new Alert(Alert.AlertType.WARNING, "", KEEP_MINE, TAKE_DISK);
		alert.initOwner(owner);
		alert.setTitle("Changed on disk");
		alert.setHeaderText(file + " changed on disk, and it has unsaved changes here.");
		alert.setContentText("Keep mine: the next save writes the studio's text over the disk's. Take the disk's: the"
				+ " edits made here are dropped.");
		return alert.showAndWait().orElse(KEEP_MINE) == KEEP_MINE;
	}
}
