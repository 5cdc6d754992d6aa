package dev.byron.diagram;

import java.util.List;

import dev.byron.dsl.api.model.SourceRange;

/**
 * A box: its title, the technology line C4 puts under it, and detail lines (fields, events, hooks).
 * {@code source} is where the element is written, when it is written somewhere.
 */
public record DiagramNode(String id, NodeKind kind, String title, String technology, List<String> details,
		SourceRange source) {
}
