package dev.byron.diagram;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.diagram.LaidOutDiagram.Point;

/** What a layout reads of a view, as one text: two views with the same text are laid out the same. */
final class Pictures {
	static final ObjectMapper JSON = new ObjectMapper();

	private Pictures() {
	}

	/** The view without where its declarations are written, which moves with every edit above them. */
	static Diagram withoutSources(Diagram diagram) {
		return new Diagram(diagram.level(), diagram.title(),
				diagram.nodes().stream().map(n -> new DiagramNode(n.id(), n.kind(), n.title(), n.technology(), n.details(), null)).toList(),
				diagram.edges().stream().map(e -> new DiagramEdge(e.id(), e.from(), e.to(), e.label(), e.kind(), null)).toList());
	}

	/** The boxes with their texts, the arrows with their labels, and the places the user kept. */
	static String of(Diagram withoutSources, Map<String, Point> kept) {
		try {
			return JSON.writeValueAsString(new Object[] { withoutSources, new TreeMap<>(kept) });
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("A view could not be written as JSON: " + e.getMessage(), e);
		}
	}
}
