package dev.byron.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * A layout that keeps where the user put the boxes. Kept boxes stand exactly where they were placed; a box without
 * a kept place (new since) stands at the clear place nearest to where ELK put it. ELK cannot route edges
 * between boxes it may not move, so edges are routed here, orthogonally: out of one box's side facing the other,
 * across in the middle, into the other's, each edge at its own point of a side so that lines do not merge.
 */
final class KeptLayout {
	private static final double GAP = 30;

	private KeptLayout() {
	}

	/**
	 * {@code free} (ELK's layout) with the boxes in {@code kept} at their places. An arrow keeps its {@code drawn} line
	 * (as the user last saw it) when both its boxes are kept and the line still starts and ends on them, else ELK's
	 * route when both its boxes stand where ELK put them; the others are routed here.
	 */
	static LaidOutDiagram of(LaidOutDiagram free, Map<String, Point> kept, Map<String, Route> drawn) {
		Map<String, Box> exact = new LinkedHashMap<>();
		free.boxes().forEach((id, box) -> {
			Point at = kept.get(id);
			if (at != null) {
				exact.put(id, new Box(at.x(), at.y(), box.width(), box.height()));
			}
		});
		Map<String, Box> proposed = new LinkedHashMap<>(free.boxes());
		proposed.putAll(exact);
		Map<String, Route> known = new HashMap<>();
		for (DiagramEdge edge : free.diagram().edges()) {
			Route line = drawn.get(edge.id());
			Route elk = free.routes().get(edge.id());
			if (line != null && joins(line, exact.get(edge.from()), exact.get(edge.to()))) {
				known.put(edge.id(), line);
			} else if (elk != null && asElkPut(edge.from(), exact, free) && asElkPut(edge.to(), exact, free)) {
				known.put(edge.id(), elk);
			}
		}
		return arrange(free.diagram(), exact, proposed, known, java.util.Set.of());
	}

	/** Whether a box is not kept elsewhere than ELK put it. */
	private static boolean asElkPut(String id, Map<String, Box> exact, LaidOutDiagram free) {
		Box kept = exact.get(id);
		return kept == null || kept.equals(free.boxes().get(id));
	}

	/** Whether a line starts on box {@code from} and ends on box {@code to} (within the unit its corners were kept to). */
	private static boolean joins(Route line, Box from, Box to) {
		return from != null && to != null && onEdgeOf(from, line.points().get(0))
				&& onEdgeOf(to, line.points().get(line.points().size() - 1));
	}

	private static boolean onEdgeOf(Box box, Point point) {
		double near = 1;
		boolean within = point.x() >= box.x() - near && point.x() <= box.x() + box.width() + near && point.y() >= box.y() - near
				&& point.y() <= box.y() + box.height() + near;
		boolean inside = point.x() > box.x() + near && point.x() < box.x() + box.width() - near && point.y() > box.y() + near
				&& point.y() < box.y() + box.height() - near;
		return within && !inside;
	}

	/**
	 * Places every node of {@code diagram}: those in {@code exact} exactly there, the others at their {@code proposed}
	 * box, or the clear place nearest to it: overlapping no box placed before, and for those {@code placedAnew} (that
	 * never stood in this picture) crossed by no line or label of a {@code known} route either, so that no line runs
	 * through or along a box it does not join. An edge keeps its known route when both its boxes stand where they were proposed and the route
	 * crosses no other box; the others are routed here.
	 */
	static LaidOutDiagram arrange(Diagram diagram, Map<String, Box> exact, Map<String, Box> proposed, Map<String, Route> known,
			java.util.Set<String> placedAnew) {
		Map<String, Box> boxes = new LinkedHashMap<>(exact);
		Map<String, DiagramEdge> edges = new HashMap<>();
		diagram.edges().forEach(edge -> edges.put(edge.id(), edge));
		for (DiagramNode node : diagram.nodes()) {
			Box placed = proposed.get(node.id());
			if (!boxes.containsKey(node.id()) && placed != null) {
				List<Route> lines = new ArrayList<>();
				known.forEach((id, route) -> {
					DiagramEdge edge = edges.get(id);
					if (placedAnew.contains(node.id()) && edge != null && !edge.from().equals(node.id()) && !edge.to().equals(node.id())) {
						lines.add(route);
					}
				});
				Box start = placed;
				placed = nearestClear(start, boxes, lines);
				if (placed == null) { // lines all around (a hub's fan-out): clear of the boxes will do
					placed = nearestClear(start, boxes, List.of());
				}
				if (placed == null) {
					placed = start;
					while (overlapsAny(placed, boxes)) {
						placed = new Box(placed.x() + placed.width() / 2 + GAP, placed.y(), placed.width(), placed.height());
					}
				}
				boxes.put(node.id(), placed);
			}
		}
		Point shift = shiftIntoView(boxes);
		Map<String, Route> reused = new HashMap<>();
		for (DiagramEdge edge : diagram.edges()) {
			Route route = known.get(edge.id());
			if (route != null && stayed(edge.from(), boxes, proposed, shift) && stayed(edge.to(), boxes, proposed, shift)) {
				Route moved = shift.x() == 0 && shift.y() == 0 ? route : translate(route, shift);
				if (clear(moved, boxes, edge) && orthogonal(moved)) {
					reused.put(edge.id(), moved);
				}
			}
		}
		Map<String, Route> routes = inView(boxes, routes(diagram, boxes, reused));
		double right = 0;
		double bottom = 0;
		for (Box box : boxes.values()) {
			right = Math.max(right, box.x() + box.width());
			bottom = Math.max(bottom, box.y() + box.height());
		}
		for (Route route : routes.values()) {
			if (route.label() != null) {
				right = Math.max(right, route.label().x() + route.label().width());
				bottom = Math.max(bottom, route.label().y() + route.label().height());
			}
		}
		double width = Math.ceil(Math.max(right + DiagramLayout.MARGIN, TextMetrics.titleWidth(diagram.title()) + 2 * DiagramLayout.MARGIN));
		double legend = diagram.edges().isEmpty() ? 0 : DiagramLegend.BAND;
		return new LaidOutDiagram(diagram, boxes, routes, width, Math.ceil(bottom + DiagramLayout.MARGIN + legend));
	}

	private static boolean stayed(String id, Map<String, Box> boxes, Map<String, Box> proposed, Point shift) {
		Box now = boxes.get(id);
		Box then = proposed.get(id);
		return now != null && then != null && now.x() == then.x() + shift.x() && now.y() == then.y() + shift.y()
				&& now.width() == then.width() && now.height() == then.height();
	}

	/**
	 * The routes, and the boxes with them, moved right (or down) as far as a line or a label stands left of the picture
	 * (or over its title): a label beside a line along the left edge is drawn whole.
	 */
	private static Map<String, Route> inView(Map<String, Box> boxes, Map<String, Route> routes) {
		double left = 0;
		double top = DiagramLayout.TITLE_SPACE;
		for (Route route : routes.values()) {
			for (Point p : route.points()) {
				left = Math.min(left, p.x());
				top = Math.min(top, p.y());
			}
			if (route.label() != null) {
				left = Math.min(left, route.label().x());
				top = Math.min(top, route.label().y());
			}
		}
		Point by = new Point(left < 0 ? DiagramLayout.MARGIN / 2 - left : 0, DiagramLayout.TITLE_SPACE - top);
		if (by.x() == 0 && by.y() == 0) {
			return routes;
		}
		boxes.replaceAll((id, b) -> new Box(b.x() + by.x(), b.y() + by.y(), b.width(), b.height()));
		Map<String, Route> moved = new LinkedHashMap<>();
		routes.forEach((id, route) -> moved.put(id, translate(route, by)));
		return moved;
	}

	private static Route translate(Route route, Point by) {
		List<Point> points = route.points().stream().map(p -> new Point(p.x() + by.x(), p.y() + by.y())).toList();
		Box label = route.label() == null ? null
				: new Box(route.label().x() + by.x(), route.label().y() + by.y(), route.label().width(), route.label().height());
		return new Route(points, label);
	}

	/**
	 * Whether every stretch of a route runs across or down: ELK's, the buses' and this router's always do; a slanted
	 * one is the straight line drawn when no route was found, to be tried again rather than kept.
	 */
	static boolean orthogonal(Route route) {
		for (int i = 1; i < route.points().size(); i++) {
			Point a = route.points().get(i - 1);
			Point b = route.points().get(i);
			if (Math.abs(a.x() - b.x()) > 0.5 && Math.abs(a.y() - b.y()) > 0.5) {
				return false;
			}
		}
		return true;
	}

	/** Whether a route and its label cross no box but the two it joins. */
	private static boolean clear(Route route, Map<String, Box> boxes, DiagramEdge edge) {
		for (Map.Entry<String, Box> entry : boxes.entrySet()) {
			if (!entry.getKey().equals(edge.from()) && !entry.getKey().equals(edge.to()) && crosses(route, entry.getValue())) {
				return false;
			}
		}
		return true;
	}

	/** Whether a line or the label of a route runs through or touches a box. */
	private static boolean crosses(Route route, Box box) {
		if (route.label() != null && crosses(box, route.label().x(), route.label().y(), route.label().x() + route.label().width(),
				route.label().y() + route.label().height())) {
			return true;
		}
		for (int i = 1; i < route.points().size(); i++) {
			Point a = route.points().get(i - 1);
			Point b = route.points().get(i);
			if (crosses(box, Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.max(a.x(), b.x()), Math.max(a.y(), b.y()))) {
				return true;
			}
		}
		return false;
	}

	/** Whether a line or label of the routes runs through the box or within a few units of it. */
	private static boolean crossedByAny(Box box, List<Route> routes) {
		Box around = new Box(box.x() - GAP / 3, box.y() - GAP / 3, box.width() + 2 * GAP / 3, box.height() + 2 * GAP / 3);
		return routes.stream().anyMatch(route -> crosses(route, around));
	}

	private static boolean crosses(Box box, double left, double top, double right, double bottom) {
		return right >= box.x() && left <= box.x() + box.width() && bottom >= box.y() && top <= box.y() + box.height();
	}

	/** How far {@link #nearestClear} looks, in steps of half a box and a gap each way. */
	private static final int REACH = 24;

	/**
	 * The clear place nearest to {@code wanted} (a box's size moved by steps of half its width or height and a gap, in
	 * every direction, up to {@link #REACH} steps, never above or left of the picture's margins): overlapping no box and
	 * crossed by none of {@code lines}. Null when there is none that near.
	 */
	private static Box nearestClear(Box wanted, Map<String, Box> boxes, List<Route> lines) {
		double stepX = wanted.width() / 2 + GAP;
		double stepY = wanted.height() / 2 + GAP;
		List<int[]> steps = new ArrayList<>();
		for (int i = -REACH; i <= REACH; i++) {
			for (int j = -REACH; j <= REACH; j++) {
				steps.add(new int[] { i, j });
			}
		}
		// nearest first; of two as near, the one further down, then further right (the way a picture reads on)
		steps.sort(java.util.Comparator.comparingDouble((int[] s) -> Math.hypot(s[0] * stepX, s[1] * stepY))
				.thenComparingInt(s -> -s[1]).thenComparingInt(s -> -s[0]));
		for (int[] step : steps) {
			Box candidate = new Box(wanted.x() + step[0] * stepX, wanted.y() + step[1] * stepY, wanted.width(), wanted.height());
			if (candidate.x() >= DiagramLayout.MARGIN && candidate.y() >= DiagramLayout.TITLE_SPACE + DiagramLayout.MARGIN
					&& !overlapsAny(candidate, boxes) && !crossedByAny(candidate, lines)) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean overlapsAny(Box box, Map<String, Box> placed) {
		return placed.values().stream().anyMatch(other -> box.x() < other.x() + other.width() + GAP / 2
				&& other.x() < box.x() + box.width() + GAP / 2 && box.y() < other.y() + other.height() + GAP / 2
				&& other.y() < box.y() + box.height() + GAP / 2);
	}

	/** Boxes dragged above or left of the picture bring the picture with them: nothing is drawn off it. The shift made. */
	private static Point shiftIntoView(Map<String, Box> boxes) {
		double left = boxes.values().stream().mapToDouble(Box::x).min().orElse(DiagramLayout.MARGIN);
		double top = boxes.values().stream().mapToDouble(Box::y).min().orElse(DiagramLayout.TITLE_SPACE + DiagramLayout.MARGIN);
		double dx = Math.max(0, DiagramLayout.MARGIN - left);
		double dy = Math.max(0, DiagramLayout.TITLE_SPACE + DiagramLayout.MARGIN - top);
		if (dx > 0 || dy > 0) {
			boxes.replaceAll((id, b) -> new Box(b.x() + dx, b.y() + dy, b.width(), b.height()));
		}
		return new Point(dx, dy);
	}

	private enum Side {
		TOP, BOTTOM, LEFT, RIGHT
	}

	/** One end of an edge: the box, the side it leaves or enters by, and the other box (to order ends along a side). */
	private record End(String edge, Box box, Side side, Box other) {
	}

	/** Every edge's route: the {@code reused} ones as they are, the others routed between the boxes. */
	private static Map<String, Route> routes(Diagram diagram, Map<String, Box> boxes, Map<String, Route> reused) {
		Map<String, End[]> ends = new LinkedHashMap<>();
		Map<String, List<End>> bySide = new HashMap<>();
		boolean buses = HubBus.applies(diagram);
		for (DiagramEdge edge : diagram.edges()) {
			if (buses && HubBus.onBus(edge)) {
				continue; // routed with its bus once the boxes stand (HubBus.route)
			}
			Box from = boxes.get(edge.from());
			Box to = boxes.get(edge.to());
			if (from == null || to == null || from == to) {
				continue;
			}
			boolean vertical = to.y() >= from.y() + from.height() || from.y() >= to.y() + to.height();
			Side leave;
			Side enter;
			if (vertical) {
				leave = to.y() > from.y() ? Side.BOTTOM : Side.TOP;
				enter = to.y() > from.y() ? Side.TOP : Side.BOTTOM;
			} else {
				leave = to.x() > from.x() ? Side.RIGHT : Side.LEFT;
				enter = to.x() > from.x() ? Side.LEFT : Side.RIGHT;
			}
			End start = new End(edge.id(), from, leave, to);
			End end = new End(edge.id(), to, enter, from);
			ends.put(edge.id(), new End[] { start, end });
			bySide.computeIfAbsent(edge.from() + leave, k -> new ArrayList<>()).add(start);
			bySide.computeIfAbsent(edge.to() + enter, k -> new ArrayList<>()).add(end);
		}
		Map<End, Point> attached = new HashMap<>();
		for (List<End> side : bySide.values()) {
			boolean horizontal = side.get(0).side() == Side.TOP || side.get(0).side() == Side.BOTTOM;
			side.sort((a, b) -> Double.compare(horizontal ? centreX(a.other()) : centreY(a.other()),
					horizontal ? centreX(b.other()) : centreY(b.other())));
			for (int i = 0; i < side.size(); i++) {
				End e = side.get(i);
				attached.put(e, pointOn(e.box(), e.side(), (i + 1.0) / (side.size() + 1.0)));
			}
		}
		Map<String, Route> routes = new LinkedHashMap<>();
		OrthogonalRouter router = new OrthogonalRouter(boxes.values());
		reused.values().forEach(route -> router.drawn(route.points())); // new lines keep off the lines that stay
		List<Box> labels = new ArrayList<>();
		reused.values().stream().map(Route::label).filter(java.util.Objects::nonNull).forEach(labels::add);
		for (DiagramEdge edge : diagram.edges()) {
			if (reused.containsKey(edge.id())) {
				routes.put(edge.id(), reused.get(edge.id()));
				continue;
			}
			End[] pair = ends.get(edge.id());
			if (pair == null) {
				continue;
			}
			Point a = attached.get(pair[0]);
			Point b = attached.get(pair[1]);
			List<Point> points = router.route(a, outward(pair[0].side()), b, inward(pair[1].side()));
			if (points.isEmpty()) { // the facing sides are blocked (a box dropped against another): any other two sides
				points = byOtherSides(router, pair[0].box(), pair[1].box());
			}
			if (points.isEmpty()) {
				points = new ArrayList<>(List.of(a, b)); // boxes on top of each other: a straight line says what it joins
			}
			Box label = edge.label().isEmpty() ? null : labelBeside(points, NodeMetrics.labelWidth(edge.label()),
					NodeMetrics.labelHeight(edge.label()), boxes.values(), labels);
			if (label != null) {
				labels.add(label);
			}
			routes.put(edge.id(), new Route(points, label));
			router.drawn(points);
		}
		return routes;
	}

	/** A route from the middle of one of {@code from}'s sides to the middle of one of {@code to}'s, the shortest tried first. */
	private static List<Point> byOtherSides(OrthogonalRouter router, Box from, Box to) {
		List<Side[]> pairs = new ArrayList<>();
		for (Side leave : Side.values()) {
			for (Side enter : Side.values()) {
				pairs.add(new Side[] { leave, enter });
			}
		}
		pairs.sort(java.util.Comparator.comparingDouble(pair -> {
			Point a = middle(from, pair[0]);
			Point b = middle(to, pair[1]);
			return Math.hypot(a.x() - b.x(), a.y() - b.y());
		}));
		for (Side[] pair : pairs) {
			List<Point> points = router.route(middle(from, pair[0]), outward(pair[0]), middle(to, pair[1]), inward(pair[1]));
			if (!points.isEmpty()) {
				return points;
			}
		}
		return List.of();
	}

	private static Point middle(Box box, Side side) {
		return pointOn(box, side, 0.5);
	}

	/** The point of a box's side at {@code share} of its length (from the left, or from the top). */
	private static Point pointOn(Box box, Side side, double share) {
		return switch (side) {
			case TOP -> new Point(box.x() + box.width() * share, box.y());
			case BOTTOM -> new Point(box.x() + box.width() * share, box.y() + box.height());
			case LEFT -> new Point(box.x(), box.y() + box.height() * share);
			case RIGHT -> new Point(box.x() + box.width(), box.y() + box.height() * share);
		};
	}

	private static Point outward(Side side) {
		return switch (side) {
			case TOP -> new Point(0, -1);
			case BOTTOM -> new Point(0, 1);
			case LEFT -> new Point(-1, 0);
			case RIGHT -> new Point(1, 0);
		};
	}

	/** The direction a line travels to enter a box by this side. */
	private static Point inward(Side side) {
		Point out = outward(side);
		return new Point(-out.x(), -out.y());
	}

	/** How far back along its line from the head a label may stand: further, it would be read as another box's. */
	private static final double LABEL_REACH = 240;

	/**
	 * Where a routed edge's label goes: beside its line, as near its head as there is a spot that covers no box and no
	 * label placed before it (where a large view's labels stand), at most {@value #LABEL_REACH} units back along the
	 * line; failing that, a spot that covers no box; failing that, beside the line by the head, covering what it must.
	 */
	private static Box labelBeside(List<Point> points, double width, double height, java.util.Collection<Box> boxes, List<Box> labels) {
		List<Box> spots = new ArrayList<>();
		double travelled = 0;
		for (int i = points.size() - 1; i > 0 && travelled <= LABEL_REACH; i--) {
			Point a = points.get(i - 1);
			Point b = points.get(i);
			double length = Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y());
			if (length == 0) {
				continue;
			}
			boolean vertical = a.x() == b.x();
			double step = vertical ? height + 4 : width / 2;
			for (double back = Math.min(length / 2, 30); back <= length && travelled + back <= LABEL_REACH; back += step) {
				Point at = new Point(b.x() + (a.x() - b.x()) * back / length, b.y() + (a.y() - b.y()) * back / length);
				if (vertical) {
					spots.add(new Box(at.x() + 4, at.y() - height / 2, width, height));
					spots.add(new Box(at.x() - 4 - width, at.y() - height / 2, width, height));
				} else {
					spots.add(new Box(at.x() - width / 2, at.y() - height - 2, width, height));
					spots.add(new Box(at.x() - width / 2, at.y() + 2, width, height));
				}
			}
			travelled += length;
		}
		// in the picture and clear of boxes and labels; in it and clear of boxes; clear of boxes (the picture then moves)
		java.util.function.Predicate<Box> inside = spot -> spot.x() >= 0 && spot.y() >= DiagramLayout.TITLE_SPACE;
		for (Box spot : spots) {
			if (inside.test(spot) && boxes.stream().noneMatch(box -> overlap(box, spot))
					&& labels.stream().noneMatch(label -> overlap(label, spot))) {
				return spot;
			}
		}
		for (Box spot : spots) {
			if (inside.test(spot) && boxes.stream().noneMatch(box -> overlap(box, spot))) {
				return spot;
			}
		}
		for (Box spot : spots) {
			if (boxes.stream().noneMatch(box -> overlap(box, spot))) {
				return spot;
			}
		}
		if (!spots.isEmpty()) {
			return spots.get(0);
		}
		Point middle = middleOfLongest(points);
		return new Box(middle.x() + 4, middle.y() - height - 2, width, height);
	}

	private static boolean overlap(Box a, Box b) {
		return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
	}

	/** The middle of a route's longest segment. */
	private static Point middleOfLongest(List<Point> points) {
		Point best = points.get(0);
		double longest = -1;
		for (int i = 1; i < points.size(); i++) {
			Point a = points.get(i - 1);
			Point b = points.get(i);
			double length = Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y());
			if (length > longest) {
				longest = length;
				best = new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
			}
		}
		return best;
	}


	private static double centreX(Box box) {
		return box.x() + box.width() / 2;
	}

	private static double centreY(Box box) {
		return box.y() + box.height() / 2;
	}
}
