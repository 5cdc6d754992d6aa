package dev.byron.dsl.api.model;

/** {@code before|after command call hook}: a hook in the command pipeline of the component's API. */
public record HookDef(Timing timing, String command, String hook, SourceRange range) {
	public enum Timing {
		BEFORE, AFTER
	}
}
