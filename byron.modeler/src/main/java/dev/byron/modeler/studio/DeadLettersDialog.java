package dev.byron.modeler.studio;

import java.util.function.Consumer;

import dev.byron.runtime.sink.DeadLetters;
import dev.byron.runtime.sink.DeadLetters.DeadLetter;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The events a component's Sink could not handle, from its dead-letter stream: each with why and what it held,
 * to replay (handled again now; it leaves the stream when that succeeds) or drop.
 */
final class DeadLettersDialog {
	private DeadLettersDialog() {
	}

	static void show(Window owner, String component, DeadLetters letters, Consumer<String> log) {
		Dialog<Void> dialog = new Dialog<>();
		dialog.initOwner(owner);
		dialog.setTitle("Dead letters");
		dialog.setHeaderText("Events " + component + " could not handle");
		ListView<DeadLetter> list = new ListView<>();
		list.setPrefSize(720, 220);
		list.setCellFactory(view -> new ListCell<>() {
			@Override
			protected void updateItem(DeadLetter item, boolean empty) {
				super.updateItem(item, empty);
				setText(empty || item == null ? null
						: "#" + item.sequence() + "  " + item.sourceSubject() + "  " + item.time() + "\n    " + item.error());
			}
		});
		TextArea event = new TextArea();
		event.setEditable(false);
		event.setPrefRowCount(6);
		event.getStyleClass().add("dead-letter-event");
		Label status = new Label();
		Button replay = new Button("Replay");
		Button drop = new Button("Drop");
		replay.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
		drop.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
		list.getSelectionModel().selectedItemProperty().addListener((obs, old, letter) -> event.setText(letter == null ? "" : letter.text()));
		Runnable reload = () -> {
			try {
				list.getItems().setAll(letters.list());
				status.setText(list.getItems().isEmpty() ? "None: every event was handled." : list.getItems().size() + " waiting.");
			} catch (RuntimeException e) {
				status.setText("Cannot read them: " + e.getMessage());
			}
		};
		replay.setOnAction(e -> act(list, status, reload, log, letter -> letters.replay(letter.sequence()), "replayed"));
		drop.setOnAction(e -> act(list, status, reload, log, letter -> letters.drop(letter.sequence()), "dropped"));
		reload.run();
		VBox content = new VBox(8, list, event, new HBox(8, replay, drop, status));
		content.setPadding(new Insets(10));
		dialog.getDialogPane().setContent(content);
		dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
		dialog.show();
	}

	private interface Action {
		void on(DeadLetter letter) throws Exception;
	}

	private static void act(ListView<DeadLetter> list, Label status, Runnable reload, Consumer<String> log, Action action, String done) {
		DeadLetter letter = list.getSelectionModel().getSelectedItem();
		try {
			action.on(letter);
			log.accept("Dead letter #" + letter.sequence() + " " + done + ".");
			reload.run();
		} catch (Exception e) {
			status.setText("#" + letter.sequence() + " not " + done + ": " + e.getMessage());
		}
	}
}
