package dev.byron.dsl.api;

/** How serious a diagnostic is: errors make a model invalid, warnings and infos do not. */
public enum Severity {
	ERROR, WARNING, INFO;

	public String label() {
		return name().toLowerCase();
	}
}
