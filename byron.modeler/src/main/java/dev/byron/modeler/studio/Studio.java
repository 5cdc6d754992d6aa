package dev.byron.modeler.studio;

import javafx.application.Application;

/**
 * Starts Byron Studio. Not an {@link Application} itself, so that it also starts from a plain class path
 * (the {@code byron} jar) without JavaFX on the module path.
 */
public final class Studio {
	private Studio() {
	}

	public static void main(String[] args) {
		dev.byron.dsl.GuiceStartup.configure();
		Application.launch(StudioApp.class, args);
	}
}
