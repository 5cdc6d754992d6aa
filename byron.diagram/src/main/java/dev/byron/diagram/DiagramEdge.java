package dev.byron.diagram;

import java.util.List;

import dev.byron.dsl.api.model.SourceRange;

/** An arrow with its label lines; {@code source} is the model text it comes from, if any. */
public record DiagramEdge(String id, String from, String to, List<String> label, EdgeKind kind, SourceRange source) {
}
