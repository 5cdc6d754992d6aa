package dev.byron.runtime.descriptor;

/** {@code before|after command call hook}; {@code timing} is BEFORE or AFTER. */
public record HookDescriptor(String timing, String command, String hook) {
}
