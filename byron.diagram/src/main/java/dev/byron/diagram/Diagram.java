package dev.byron.diagram;

import java.util.List;
import java.util.Optional;

/** One C4 view of a model, before layout. */
public record Diagram(C4Level level, String title, List<DiagramNode> nodes, List<DiagramEdge> edges) {
	public Optional<DiagramNode> node(String id) {
		return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
	}

	/** What a pointer resting on an arrow is told: where it runs, and its label (a large view draws it at the head). */
	public String describe(DiagramEdge edge) {
		String line = node(edge.from()).map(DiagramNode::title).orElse(edge.from()) + " \u2192 "
				+ node(edge.to()).map(DiagramNode::title).orElse(edge.to());
		return edge.label().isEmpty() ? line : line + "\n" + String.join("\n", edge.label());
	}
}
