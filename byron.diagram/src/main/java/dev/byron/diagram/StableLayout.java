package dev.byron.diagram;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * Lays a large view out again after an edit without moving what the edit did not touch: every box that was drawn
 * keeps its place, a new box stands beside the boxes it is joined to, and only the arrows of what changed are
 * routed again. A reader of a large picture keeps their bearings, and the edit costs a few routes instead of a whole
 * ELK layout (seconds at 200 components). Too large a change, or a kept place given up (the user asked for a new
 * layout), is laid out afresh by ELK.
 */
final class StableLayout {
	/** The free space ELK leaves between layers, kept between a new box and the box it hangs from. */
	private static final double LAYER_SPACE = 70;

	private StableLayout() {
	}

	/** Whether a view has enough boxes that its layout is kept across edits. */
	static boolean applies(Diagram view) {
		return view.nodes().size() > DiagramLayout.LARGE;
	}

	/**
	 * The view {@code now} laid out from {@code last} (the same view before an edit, with the places the user kept
	 * then, {@code keptBefore}); empty when it should be laid out afresh.
	 */
	static Optional<LaidOutDiagram> from(LaidOutDiagram last, Map<String, Point> keptBefore, Diagram now, Map<String, Point> kept) {
		Diagram before = last.diagram();
		if (before.level() != now.level() || !before.title().equals(now.title()) || !applies(now)
				|| !kept.keySet().containsAll(keptBefore.keySet())) {
			return Optional.empty();
		}
		long added = now.nodes().stream().filter(n -> !last.boxes().containsKey(n.id())).count();
		if (added > Math.max(5, now.nodes().size() / 5)) {
			return Optional.empty();
		}
		Map<String, Box> exact = new LinkedHashMap<>();
		Map<String, Box> proposed = new LinkedHashMap<>();
		Set<String> unchanged = new HashSet<>();
		for (DiagramNode node : now.nodes()) {
			Box was = last.boxes().get(node.id());
			Point chosen = kept.get(node.id());
			double width = NodeMetrics.width(node);
			double height = NodeMetrics.height(node);
			boolean sameSize = was != null && was.width() == width && was.height() == height;
			if (chosen != null) {
				exact.put(node.id(), new Box(chosen.x(), chosen.y(), width, height));
			} else if (sameSize) {
				exact.put(node.id(), was);
			}
			if (was != null) {
				proposed.put(node.id(), new Box(was.x(), was.y(), width, height));
			}
			if (sameSize) {
				unchanged.add(node.id());
			}
		}
		for (DiagramNode node : now.nodes()) {
			if (!proposed.containsKey(node.id())) {
				proposed.put(node.id(), besideNeighbours(node, now, proposed));
			}
		}
		return Optional.of(KeptLayout.arrange(now, exact, proposed, unchangedRoutes(last, now, unchanged)));
	}

	/**
	 * A new box's first place: a layer below the lowest box with an arrow into it, or a layer above the highest box
	 * it points to, centred under (or over) them; the picture's top right when it is joined to nothing drawn.
	 */
	private static Box besideNeighbours(DiagramNode node, Diagram view, Map<String, Box> placed) {
		double width = NodeMetrics.width(node);
		double height = NodeMetrics.height(node);
		double below = Double.NEGATIVE_INFINITY;
		double above = Double.POSITIVE_INFINITY;
		double centres = 0;
		int neighbours = 0;
		for (DiagramEdge edge : view.edges()) {
			Box from = edge.to().equals(node.id()) ? placed.get(edge.from()) : null;
			Box to = edge.from().equals(node.id()) ? placed.get(edge.to()) : null;
			if (from != null) {
				below = Math.max(below, from.y() + from.height() + LAYER_SPACE);
				centres += from.x() + from.width() / 2;
				neighbours++;
			} else if (to != null) {
				above = Math.min(above, to.y() - LAYER_SPACE - height);
				centres += to.x() + to.width() / 2;
				neighbours++;
			}
		}
		if (neighbours == 0) {
			double right = placed.values().stream().mapToDouble(b -> b.x() + b.width()).max().orElse(DiagramLayout.MARGIN);
			double top = placed.values().stream().mapToDouble(Box::y).min().orElse(DiagramLayout.MARGIN + DiagramLayout.TITLE_SPACE);
			return new Box(right + LAYER_SPACE, top, width, height);
		}
		double y = below > Double.NEGATIVE_INFINITY ? below : above;
		return new Box(Math.max(DiagramLayout.MARGIN, centres / neighbours - width / 2), y, width, height);
	}

	/** The routes of edges that join the same boxes, of the same sizes ({@code unchanged}), with the same label as before. */
	private static Map<String, Route> unchangedRoutes(LaidOutDiagram last, Diagram now, Set<String> unchanged) {
		Map<String, DiagramEdge> before = new HashMap<>();
		last.diagram().edges().forEach(edge -> before.put(edge.id(), edge));
		Map<String, Route> routes = new HashMap<>();
		for (DiagramEdge edge : now.edges()) {
			DiagramEdge was = before.get(edge.id());
			Route route = last.routes().get(edge.id());
			if (was != null && route != null && was.from().equals(edge.from()) && was.to().equals(edge.to())
					&& was.label().equals(edge.label()) && unchanged.contains(edge.from()) && unchanged.contains(edge.to())) {
				routes.put(edge.id(), route);
			}
		}
		return routes;
	}
}
