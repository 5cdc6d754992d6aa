package dev.byron.dsl.api.model;

/**
 * {@code before|after command call hook [by key]}: a hook in the command pipeline of the component's API;
 * {@code key}, when given, names the field of the command's entity whose value groups the commands that the
 * hook's reads make exact (null: the whole component).
 */
public record HookDef(Timing timing, String command, String hook, String key, SourceRange range) {
	public enum Timing {
		BEFORE, AFTER
	}
}
