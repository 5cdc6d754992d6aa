package dev.byron.diagram;

import java.util.List;
import java.util.Optional;

/** One C4 view of a model, before layout. */
public record Diagram(C4Level level, String title, List<DiagramNode> nodes, List<DiagramEdge> edges) {
	public Optional<DiagramNode> node(String id) {
		return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
	}
}
