package dev.byron.runtime.descriptor;

/**
 * {@code before|after command call hook [by key]}; {@code timing} is BEFORE or AFTER; {@code key}, when set, the
 * field of the command's entity whose value groups the commands this hook's reads make exact.
 */
public record HookDescriptor(String timing, String command, String hook, String key) {
	public HookDescriptor(String timing, String command, String hook) {
		this(timing, command, hook, null);
	}
}
