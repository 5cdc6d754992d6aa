package dev.byron.modeler.studio;

import java.util.Locale;
import java.util.function.Supplier;

import org.fxmisc.richtext.CodeArea;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

/**
 * Ctrl+F: finds text in the file shown, ignoring case, from the caret on and round to the start. Typing selects
 * the first match, Enter the next, Escape closes the bar and leaves the match selected.
 */
final class FindBar extends HBox {
	private final TextField field = new TextField();
	private final Label status = new Label();
	private final Supplier<CodeArea> shown;

	FindBar(Supplier<CodeArea> shown) {
		super(8);
		this.shown = shown;
		getStyleClass().add("find-bar");
		field.setPromptText("Find in this file");
		field.setPrefColumnCount(24);
		status.getStyleClass().add("find-status");
		getChildren().addAll(new Label("Find"), field, status);
		field.textProperty().addListener((obs, old, text) -> find(false));
		field.setOnKeyPressed(e -> {
			if (e.getCode() == KeyCode.ENTER) {
				find(true);
				e.consume();
			} else if (e.getCode() == KeyCode.ESCAPE) {
				close();
				e.consume();
			}
		});
		setVisible(false);
		setManaged(false);
	}

	void open() {
		CodeArea area = shown.get();
		if (area != null && !area.getSelectedText().isEmpty() && !area.getSelectedText().contains("\n")) {
			field.setText(area.getSelectedText());
		}
		setVisible(true);
		setManaged(true);
		field.requestFocus();
		field.selectAll();
	}

	void close() {
		setVisible(false);
		setManaged(false);
		CodeArea area = shown.get();
		if (area != null) {
			area.requestFocus();
		}
	}

	TextField field() {
		return field;
	}

	/** Selects the next match: from the selection's start while typing (the match grows), from its end on Enter. */
	private void find(boolean next) {
		CodeArea area = shown.get();
		String wanted = field.getText().toLowerCase(Locale.ROOT);
		if (area == null || wanted.isEmpty()) {
			status.setText("");
			return;
		}
		String text = area.getText().toLowerCase(Locale.ROOT);
		int from = next ? area.getSelection().getEnd() : area.getSelection().getStart();
		int at = text.indexOf(wanted, from);
		if (at < 0) {
			at = text.indexOf(wanted);
		}
		if (at < 0) {
			status.setText("not found");
			return;
		}
		status.setText("");
		area.selectRange(at, at + wanted.length());
		area.requestFollowCaret();
	}
}
