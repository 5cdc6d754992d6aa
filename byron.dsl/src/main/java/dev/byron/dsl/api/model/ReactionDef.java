package dev.byron.dsl.api.model;

/** {@code on component.Event call hook}: a hook run by the Sink for each event of another component. */
public record ReactionDef(String component, String event, String hook, SourceRange range) {
}
