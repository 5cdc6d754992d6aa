package dev.byron.diagram;

import java.util.Locale;

/** The zoom levels of the C4 model: the system in its context, its containers, one component inside. */
public enum C4Level {
	CONTEXT("System context"), CONTAINERS("Containers"), COMPONENT("Component");

	private final String title;

	C4Level(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}

	public static C4Level parse(String text) {
		return valueOf(text.trim().toUpperCase(Locale.ROOT));
	}
}
