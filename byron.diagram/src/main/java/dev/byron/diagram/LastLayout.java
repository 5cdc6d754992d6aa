package dev.byron.diagram;

import java.util.List;
import java.util.Map;

/**
 * Lays a view out again only when its picture changed. Most edits change nothing a view shows (a field typed
 * in a component's entity, a comment, a hook) or only move declarations in their files; those reuse the last
 * layout, with the new declarations. What is compared is what the layout reads: the boxes and their texts, the
 * arrows and their labels, and the positions the user kept.
 */
public final class LastLayout {
	private List<Object> picture;
	private LaidOutDiagram last;

	public synchronized LaidOutDiagram layout(Diagram diagram, Map<String, LaidOutDiagram.Point> kept) {
		List<Object> now = List.of(withoutSources(diagram), Map.copyOf(kept));
		if (now.equals(picture)) {
			return new LaidOutDiagram(diagram, last.boxes(), last.routes(), last.width(), last.height());
		}
		last = DiagramLayout.layout(diagram, kept);
		picture = now;
		return last;
	}

	private static Diagram withoutSources(Diagram diagram) {
		return new Diagram(diagram.level(), diagram.title(),
				diagram.nodes().stream().map(n -> new DiagramNode(n.id(), n.kind(), n.title(), n.technology(), n.details(), null)).toList(),
				diagram.edges().stream().map(e -> new DiagramEdge(e.id(), e.from(), e.to(), e.label(), e.kind(), null)).toList());
	}
}
