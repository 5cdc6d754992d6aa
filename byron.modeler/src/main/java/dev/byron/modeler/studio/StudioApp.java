package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window on one project. */
public final class StudioApp extends Application {
	private StudioWindow window;

	@Override
	public void start(Stage stage) throws Exception {
		List<String> args = getParameters().getRaw();
		Project project = Project.open(Path.of(args.isEmpty() ? "." : args.get(0)));
		window = new StudioWindow(project, url -> getHostServices().showDocument(url));
		stage.setScene(scene(window));
		stage.setTitle("Byron Studio \u2014 " + project.folder());
		guardClose(stage, window);
		stage.show();
	}

	/** Closing the window asks first when files have unsaved changes ({@link StudioWindow#confirmClose}). */
	static void guardClose(Stage stage, StudioWindow window) {
		stage.setOnCloseRequest(event -> {
			if (!window.confirmClose()) {
				event.consume();
			}
		});
	}

	static Scene scene(StudioWindow window) {
		Scene scene = new Scene(window, 1500, 920);
		scene.getStylesheets().add(StudioApp.class.getResource("studio.css").toExternalForm());
		return scene;
	}

	@Override
	public void stop() {
		if (window != null) {
			window.dispose();
		}
	}
}
