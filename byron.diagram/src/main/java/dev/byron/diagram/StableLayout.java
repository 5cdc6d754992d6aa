package dev.byron.diagram;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * Lays a view of more than {@link #KEPT_ABOVE} boxes out again after an edit without moving what the edit did not touch: every box that was drawn
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

	/**
	 * Above this many boxes a view keeps its layout across edits: a reader of a picture this size has learned where
	 * things are, and a component added from it must not move the rest (smaller views are laid out by ELK again, which
	 * costs little there and tidies them).
	 */
	static final int KEPT_ABOVE = 20;

	/** Whether a view has enough boxes that its layout is kept across edits. */
	static boolean applies(Diagram view) {
		return view.nodes().size() > KEPT_ABOVE;
	}

	/**
	 * The view {@code now} laid out from {@code last} (the same view before an edit, with the places the user kept
	 * then, {@code keptBefore}, and the places of boxes shown earlier that {@code last} lacks, {@code gone}); empty
	 * when it should be laid out afresh.
	 */
	static Optional<LaidOutDiagram> from(LaidOutDiagram last, Map<String, Point> keptBefore, Map<String, Box> gone, Diagram now,
			Map<String, Point> kept) {
		Diagram before = last.diagram();
		if (before.level() != now.level() || !before.title().equals(now.title()) || !applies(now)
				|| !kept.keySet().containsAll(keptBefore.keySet())) {
			return Optional.empty();
		}
		Set<String> anchored = anchoredNow(before, now);
		long placedAnew = now.nodes().stream()
				.filter(n -> anchored.contains(n.id()) || !last.boxes().containsKey(n.id()) && !gone.containsKey(n.id())).count();
		if (placedAnew > Math.max(5, now.nodes().size() / 5)) {
			return Optional.empty();
		}
		Map<String, Box> exact = new LinkedHashMap<>();
		Map<String, Box> proposed = new LinkedHashMap<>();
		Set<String> unchanged = new HashSet<>();
		Map<String, Box> renamed = renamed(last, gone, now);
		for (DiagramNode node : now.nodes()) {
			if (anchored.contains(node.id())) {
				continue;
			}
			Box was = last.boxes().get(node.id());
			Box earlier = was != null ? was : gone.containsKey(node.id()) ? gone.get(node.id()) : renamed.get(node.id());
			Point chosen = kept.get(node.id());
			double width = NodeMetrics.width(node);
			double height = NodeMetrics.height(node);
			boolean sameSize = was != null && was.width() == width && was.height() == height;
			// kept places are whole units: a box kept where it was drawn has not moved
			boolean moved = chosen != null && (was == null || Math.abs(chosen.x() - was.x()) >= 1 || Math.abs(chosen.y() - was.y()) >= 1);
			if (moved) {
				exact.put(node.id(), new Box(chosen.x(), chosen.y(), width, height));
			} else if (sameSize) {
				exact.put(node.id(), was);
				unchanged.add(node.id());
			}
			if (earlier != null) {
				proposed.put(node.id(), new Box(earlier.x(), earlier.y(), width, height));
			}
		}
		Set<String> hubs = hubs(now);
		Set<String> anew = new HashSet<>();
		for (DiagramNode node : now.nodes()) {
			if (!proposed.containsKey(node.id())) {
				proposed.put(node.id(), besideNeighbours(node, now, proposed, hubs));
				anew.add(node.id());
			}
		}
		LaidOutDiagram arranged = KeptLayout.arrange(now, exact, proposed, unchangedRoutes(last, now, unchanged), anew);
		return Optional.of(HubBus.applies(now) ? HubBus.route(arranged) : arranged);
	}

	/**
	 * A box that took the place of one of the same kind in one edit (a rename, from F2 or the diagram's menu): the box
	 * of the new name where the old one stood.
	 */
	private static Map<String, Box> renamed(LaidOutDiagram last, Map<String, Box> gone, Diagram now) {
		Set<String> ids = new HashSet<>();
		now.nodes().forEach(n -> ids.add(n.id()));
		List<DiagramNode> left = last.diagram().nodes().stream().filter(n -> !ids.contains(n.id())).toList();
		List<DiagramNode> came = now.nodes().stream().filter(n -> !last.boxes().containsKey(n.id()) && !gone.containsKey(n.id())).toList();
		if (left.size() == 1 && came.size() == 1 && left.get(0).kind() == came.get(0).kind() && last.boxes().containsKey(left.get(0).id())) {
			return Map.of(came.get(0).id(), last.boxes().get(left.get(0).id()));
		}
		return Map.of();
	}

	/**
	 * Boxes joined to everything (the gateway, the broker): every box has an arrow to them, so they say nothing of
	 * where a box belongs.
	 */
	private static Set<String> hubs(Diagram view) {
		Map<String, Integer> degree = new HashMap<>();
		for (DiagramEdge edge : view.edges()) {
			degree.merge(edge.from(), 1, Integer::sum);
			degree.merge(edge.to(), 1, Integer::sum);
		}
		int many = Math.max(10, view.nodes().size() / 3);
		Set<String> hubs = new HashSet<>();
		degree.forEach((id, count) -> {
			if (count > many) {
				hubs.add(id);
			}
		});
		return hubs;
	}

	/**
	 * Boxes that were joined only to hubs (or to nothing) and now receive an arrow from a box of their own, the one
	 * they replicate or react to: a component typed a line at a time appears before its first {@code replicate}, and
	 * goes beside what it replicates then. The box it replicates stays where it is.
	 */
	private static Set<String> anchoredNow(Diagram before, Diagram now) {
		Set<String> joinedBefore = joined(before, hubs(before));
		Set<String> hubsNow = hubs(now);
		Set<String> existed = new HashSet<>();
		before.nodes().forEach(n -> existed.add(n.id()));
		Set<String> anchored = new HashSet<>();
		for (DiagramEdge edge : now.edges()) {
			String id = edge.to();
			if (!edge.from().equals(id) && !hubsNow.contains(edge.from()) && !hubsNow.contains(id) && existed.contains(id)
					&& !joinedBefore.contains(id)) {
				anchored.add(id);
			}
		}
		return anchored;
	}

	/** The boxes with an arrow to or from a box that is not a hub. */
	private static Set<String> joined(Diagram view, Set<String> hubs) {
		Set<String> joined = new HashSet<>();
		for (DiagramEdge edge : view.edges()) {
			if (!edge.from().equals(edge.to()) && !hubs.contains(edge.from()) && !hubs.contains(edge.to())) {
				joined.add(edge.from());
				joined.add(edge.to());
			}
		}
		return joined;
	}

	/**
	 * A new box's first place: a layer below the lowest box with an arrow into it, or a layer above the highest box
	 * it points to, centred under (or over) them; hubs count only when the box is joined to nothing else, and a box
	 * joined to nothing drawn goes to the picture's top right.
	 */
	private static Box besideNeighbours(DiagramNode node, Diagram view, Map<String, Box> placed, Set<String> hubs) {
		Box beside = besideNeighbours(node, view, placed, id -> !hubs.contains(id), false);
		return beside != null ? beside : besideNeighbours(node, view, placed, id -> true, true);
	}

	private static Box besideNeighbours(DiagramNode node, Diagram view, Map<String, Box> placed, java.util.function.Predicate<String> counts,
			boolean orTopRight) {
		double width = NodeMetrics.width(node);
		double height = NodeMetrics.height(node);
		double below = Double.NEGATIVE_INFINITY;
		double above = Double.POSITIVE_INFINITY;
		double centres = 0;
		int neighbours = 0;
		for (DiagramEdge edge : view.edges()) {
			Box from = edge.to().equals(node.id()) && counts.test(edge.from()) ? placed.get(edge.from()) : null;
			Box to = edge.from().equals(node.id()) && counts.test(edge.to()) ? placed.get(edge.to()) : null;
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
			if (orTopRight) {
				double right = placed.values().stream().mapToDouble(b -> b.x() + b.width()).max().orElse(DiagramLayout.MARGIN);
				double top = placed.values().stream().mapToDouble(Box::y).min().orElse(DiagramLayout.MARGIN + DiagramLayout.TITLE_SPACE);
				return new Box(right + LAYER_SPACE, top, width, height);
			}
			return null;
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
