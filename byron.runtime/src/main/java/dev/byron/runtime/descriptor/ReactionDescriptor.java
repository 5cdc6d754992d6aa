package dev.byron.runtime.descriptor;

/** {@code on component.Event call hook}. */
public record ReactionDescriptor(String component, String event, String hook) {
}
