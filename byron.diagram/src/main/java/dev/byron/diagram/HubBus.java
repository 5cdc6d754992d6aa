package dev.byron.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * A large containers view draws the gateway's arrows to the components and the components' arrows to the broker as
 * two buses: the gateway above the picture, a line down its left side with a branch into the top of each component;
 * the broker below it, fed by a line down its right side with a branch from the bottom of each component. ELK lays out
 * only the components and the flows between them. Given to ELK, an arrow from each component to each hub spans every
 * layer between them: at 200 components those arrows were nearly all of ELK's time (seconds against tens of
 * milliseconds without them) and drew a sheaf of parallel lines across the picture.
 */
final class HubBus {
	/** How far a trunk runs from the boxes beside it, and how far a branch runs above (or below) its row's boxes. */
	private static final double TRUNK = 25;
	private static final double BRANCH = 12;
	private static final double HUB_SPACE = 70;
	/**
	 * How far from its left (right) corner a branch from the gateway enters a box (one to the broker leaves it): on the
	 * side of its trunk, apart from the arrows between components, which ELK brings to the middle.
	 */
	private static final double SIDE = 24;
	/** Room kept between a label and a bus's branch line. */
	private static final double LABEL_GAP = 3;
	/** How far up a label may be stacked above its arrow's head before it would be read as another box's. */
	private static final double MOST_STACKED = 240;
	private static final double CLIENTS_SPACE = 50;
	private static final Set<String> HUBS = Set.of(C4Diagrams.CLIENTS, C4Diagrams.GATEWAY, C4Diagrams.BROKER);

	private HubBus() {
	}

	/** Whether a view's hub arrows are drawn as buses: a large containers view. */
	static boolean applies(Diagram view) {
		return view.level() == C4Level.CONTAINERS && view.nodes().size() > DiagramLayout.LARGE
				&& view.node(C4Diagrams.GATEWAY).isPresent() && view.node(C4Diagrams.BROKER).isPresent();
	}

	/** Whether an arrow runs on a bus: one from the gateway to a component, or from a component to the broker. */
	static boolean onBus(DiagramEdge edge) {
		return edge.from().equals(C4Diagrams.GATEWAY) && !HUBS.contains(edge.to())
				|| edge.to().equals(C4Diagrams.BROKER) && !HUBS.contains(edge.from());
	}

	/** A first layout: ELK's of the components and their flows, the clients and the gateway above, the broker below. */
	static LaidOutDiagram layout(Diagram view) {
		Diagram inner = new Diagram(view.level(), view.title(), view.nodes().stream().filter(n -> !HUBS.contains(n.id())).toList(),
				view.edges().stream().filter(e -> !HUBS.contains(e.from()) && !HUBS.contains(e.to())).toList());
		LaidOutDiagram laid = DiagramLayout.elk(inner);
		double left = Double.POSITIVE_INFINITY;
		double top = Double.POSITIVE_INFINITY;
		double right = 0;
		double bottom = 0;
		for (Box box : laid.boxes().values()) {
			left = Math.min(left, box.x());
			top = Math.min(top, box.y());
			right = Math.max(right, box.x() + box.width());
			bottom = Math.max(bottom, box.y() + box.height());
		}
		if (laid.boxes().isEmpty()) {
			left = right = DiagramLayout.MARGIN;
			top = bottom = DiagramLayout.MARGIN + DiagramLayout.TITLE_SPACE;
		}
		Map<String, Box> boxes = new LinkedHashMap<>();
		double widest = 0;
		for (String hub : HUBS) {
			widest = Math.max(widest, view.node(hub).map(NodeMetrics::width).orElse(0.0));
		}
		double dx = DiagramLayout.MARGIN + TRUNK + BRANCH - left;
		double centre = Math.max((left + right) / 2 + dx, DiagramLayout.MARGIN + widest / 2);
		double first = DiagramLayout.MARGIN + DiagramLayout.TITLE_SPACE;
		Box clients = view.node(C4Diagrams.CLIENTS).map(n -> centred(n, centre, first)).orElse(null);
		if (clients != null) {
			boxes.put(C4Diagrams.CLIENTS, clients);
		}
		Box gateway = centred(view.node(C4Diagrams.GATEWAY).orElseThrow(), centre,
				clients == null ? first : clients.y() + clients.height() + CLIENTS_SPACE);
		boxes.put(C4Diagrams.GATEWAY, gateway);
		double dy = gateway.y() + gateway.height() + HUB_SPACE - top;
		laid.boxes().forEach((id, box) -> boxes.put(id, new Box(box.x() + dx, box.y() + dy, box.width(), box.height())));
		boxes.put(C4Diagrams.BROKER, centred(view.node(C4Diagrams.BROKER).orElseThrow(), centre, bottom + dy + HUB_SPACE));
		Map<String, Route> routes = new HashMap<>();
		laid.routes().forEach((id, route) -> routes.put(id, moved(route, dx, dy)));
		for (DiagramEdge edge : view.edges()) {
			if (edge.from().equals(C4Diagrams.CLIENTS) && edge.to().equals(C4Diagrams.GATEWAY) && clients != null) {
				double from = clients.y() + clients.height();
				Box label = edge.label().isEmpty() ? null : new Box(centre + 6, (from + gateway.y() - NodeMetrics.labelHeight(edge.label())) / 2,
						NodeMetrics.labelWidth(edge.label()), NodeMetrics.labelHeight(edge.label()));
				routes.put(edge.id(), new Route(List.of(new Point(centre, from), new Point(centre, gateway.y())), label));
			}
		}
		return route(new LaidOutDiagram(view, boxes, routes, laid.width(), laid.height()));
	}

	/** The hub arrows routed as buses between the boxes where they stand; the other routes as they are. */
	static LaidOutDiagram route(LaidOutDiagram laid) {
		Box gateway = laid.boxes().get(C4Diagrams.GATEWAY);
		Box broker = laid.boxes().get(C4Diagrams.BROKER);
		List<Row> rows = rows(laid.boxes());
		if (gateway == null || broker == null || rows.isEmpty()) {
			return laid;
		}
		double left = Double.POSITIVE_INFINITY;
		double right = 0;
		for (Map.Entry<String, Box> entry : laid.boxes().entrySet()) {
			if (!HUBS.contains(entry.getKey())) {
				left = Math.min(left, entry.getValue().x());
				right = Math.max(right, entry.getValue().x() + entry.getValue().width());
			}
		}
		Row first = rows.get(0);
		Row last = rows.get(rows.size() - 1);
		double gx = gateway.x() + gateway.width() / 2;
		double gy = gateway.y() + gateway.height();
		double bx = broker.x() + broker.width() / 2;
		// where the trunks ran before, while no box stands on them: a box dragged or added moves its branches alone
		double leftTrunk = drawnTrunk(laid, C4Diagrams.GATEWAY, gx, first.top(), last.bottom()).orElse(Math.max(2, left - TRUNK));
		double rightTrunk = drawnTrunk(laid, C4Diagrams.BROKER, bx, first.top(), last.bottom()).orElse(right + TRUNK);
		double under = (gy + first.top()) / 2;
		double over = (last.bottom() + broker.y()) / 2;
		Map<String, Route> routes = new HashMap<>(laid.routes());
		for (DiagramEdge edge : laid.diagram().edges()) {
			if (!onBus(edge) || !laid.boxes().containsKey(edge.from()) || !laid.boxes().containsKey(edge.to())) {
				continue;
			}
			if (edge.from().equals(C4Diagrams.GATEWAY)) {
				Box to = laid.boxes().get(edge.to());
				Row row = rowOf(rows, to);
				double cx = to.x() + Math.min(SIDE, to.width() / 4);
				List<Point> points = new ArrayList<>(List.of(new Point(gx, gy), new Point(gx, under)));
				if (row == first) {
					points.add(new Point(cx, under));
				} else {
					points.add(new Point(leftTrunk, under));
					points.add(new Point(leftTrunk, row.top() - BRANCH));
					points.add(new Point(cx, row.top() - BRANCH));
				}
				points.add(new Point(cx, to.y()));
				routes.put(edge.id(), new Route(straightened(points), null));
			} else {
				Box from = laid.boxes().get(edge.from());
				Row row = rowOf(rows, from);
				double cx = from.x() + from.width() - Math.min(SIDE, from.width() / 4);
				List<Point> points = new ArrayList<>(List.of(new Point(cx, from.y() + from.height())));
				if (row == last) {
					points.add(new Point(cx, over));
				} else {
					points.add(new Point(cx, row.bottom() + BRANCH));
					points.add(new Point(rightTrunk, row.bottom() + BRANCH));
					points.add(new Point(rightTrunk, over));
				}
				points.add(new Point(bx, over));
				points.add(new Point(bx, broker.y()));
				routes.put(edge.id(), new Route(straightened(points), null));
			}
		}
		List<Double> branches = new ArrayList<>(List.of(under, over));
		rows.forEach(row -> {
			branches.add(row.top() - BRANCH);
			branches.add(row.bottom() + BRANCH);
		});
		List<Box> placed = new ArrayList<>();
		laid.diagram().edges().stream().filter(edge -> !onBus(edge) && routes.get(edge.id()) != null && routes.get(edge.id()).label() != null)
				.sorted(Comparator.comparingDouble((DiagramEdge edge) -> routes.get(edge.id()).label().y()).reversed())
				.forEach(edge -> {
					Route route = routes.get(edge.id());
					Box label = clearOf(branches, placed, route.label(), leftTrunk, rightTrunk);
					placed.add(label);
					routes.put(edge.id(), new Route(route.points(), label));
				});
		double width = Math.max(laid.width(), Math.ceil(rightTrunk + DiagramLayout.MARGIN));
		double height = laid.height();
		for (Box box : laid.boxes().values()) {
			width = Math.max(width, Math.ceil(box.x() + box.width() + DiagramLayout.MARGIN));
			height = Math.max(height, Math.ceil(box.y() + box.height() + DiagramLayout.MARGIN + DiagramLegend.BAND));
		}
		for (Box label : placed) {
			width = Math.max(width, Math.ceil(label.x() + label.width() + DiagramLayout.MARGIN));
		}
		return new LaidOutDiagram(laid.diagram(), laid.boxes(), routes, width, height);
	}

	/**
	 * A label moved off the buses: beside a trunk it stands on (a label at the picture's edge), up above a branch it
	 * would stand on (ELK puts a large view's labels at the arrows' heads, just above the boxes, where the gateway's
	 * branches run), and above the labels placed before it (those lower down, stacked at the same head) that it would
	 * then cover.
	 */
	private static Box clearOf(List<Double> branches, List<Box> placed, Box label, double left, double right) {
		if (label.x() + label.width() < left || label.x() > right) {
			return label;
		}
		double x = label.x(); // off the trunks first: a label at the picture's edge stands on one
		if (x < right && right < x + label.width()) {
			x = right - LABEL_GAP - label.width();
		} else if (x < left && left < x + label.width()) {
			x = left + LABEL_GAP;
		}
		double y = label.y();
		boolean moved = true;
		while (moved) {
			moved = false;
			for (double branch : branches) {
				if (y - LABEL_GAP < branch && branch < y + label.height() + LABEL_GAP) {
					y = branch - LABEL_GAP - label.height();
					moved = true;
				}
			}
			for (Box other : placed) {
				if (other.x() < x + label.width() && x < other.x() + other.width() && other.y() < y + label.height()
						&& y < other.y() + other.height()) {
					y = other.y() - label.height();
					moved = true;
				}
			}
		}
		if (label.y() - y > MOST_STACKED) {
			return label; // a stack that tall would carry it up beside other boxes: it stays by its head, over the others
		}
		return y == label.y() && x == label.x() ? label : new Box(x, y, label.width(), label.height());
	}

	/**
	 * The x of the trunk the routes of a hub's arrows already run along (the vertical line most of them share, other
	 * than the hub's own), if no box but a hub's stands on it between {@code top} and {@code bottom}.
	 */
	private static java.util.Optional<Double> drawnTrunk(LaidOutDiagram laid, String hub, double hubX, double top, double bottom) {
		Map<Double, Integer> shared = new HashMap<>();
		for (DiagramEdge edge : laid.diagram().edges()) {
			Route route = (edge.from().equals(hub) || edge.to().equals(hub)) ? laid.routes().get(edge.id()) : null;
			if (route == null) {
				continue;
			}
			List<Point> points = route.points();
			for (int i = 1; i < points.size(); i++) {
				double x = points.get(i).x();
				if (x == points.get(i - 1).x() && x != hubX && Math.abs(points.get(i).y() - points.get(i - 1).y()) > 2 * BRANCH) {
					shared.merge(x, 1, Integer::sum);
				}
			}
		}
		return shared.entrySet().stream().filter(e -> e.getValue() > 1).max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
				.filter(x -> !standsOn(laid.boxes(), x, top, bottom));
	}

	/** Whether a box other than a hub's stands on the vertical line at {@code x} between {@code top} and {@code bottom}. */
	private static boolean standsOn(Map<String, Box> boxes, double x, double top, double bottom) {
		for (Map.Entry<String, Box> entry : boxes.entrySet()) {
			Box box = entry.getValue();
			if (!HUBS.contains(entry.getKey()) && box.x() - 2 < x && x < box.x() + box.width() + 2 && box.y() < bottom
					&& top < box.y() + box.height()) {
				return true;
			}
		}
		return false;
	}

	/** The boxes but the hubs' in rows: boxes whose heights overlap, as ELK's layers are. */
	private static List<Row> rows(Map<String, Box> boxes) {
		List<Box> inner = boxes.entrySet().stream().filter(e -> !HUBS.contains(e.getKey())).map(Map.Entry::getValue)
				.sorted(Comparator.comparingDouble(Box::y)).toList();
		List<Row> rows = new ArrayList<>();
		for (Box box : inner) {
			Row row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
			if (row != null && box.y() < row.bottom()) {
				rows.set(rows.size() - 1, new Row(row.top(), Math.max(row.bottom(), box.y() + box.height())));
			} else {
				rows.add(new Row(box.y(), box.y() + box.height()));
			}
		}
		return rows;
	}

	private static Row rowOf(List<Row> rows, Box box) {
		for (Row row : rows) {
			if (box.y() >= row.top() && box.y() < row.bottom()) {
				return row;
			}
		}
		return rows.get(rows.size() - 1);
	}

	private record Row(double top, double bottom) {
	}

	/** The points without those that go nowhere (a branch straight below the gateway has no bend). */
	private static List<Point> straightened(List<Point> points) {
		List<Point> kept = new ArrayList<>();
		for (Point point : points) {
			if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(point)) {
				kept.add(point);
			}
		}
		for (int i = kept.size() - 2; i > 0; i--) {
			Point a = kept.get(i - 1);
			Point b = kept.get(i);
			Point c = kept.get(i + 1);
			if (a.x() == b.x() && b.x() == c.x() || a.y() == b.y() && b.y() == c.y()) {
				kept.remove(i);
			}
		}
		return kept;
	}

	private static Box centred(DiagramNode node, double centre, double y) {
		double width = NodeMetrics.width(node);
		return new Box(centre - width / 2, y, width, NodeMetrics.height(node));
	}

	private static Route moved(Route route, double dx, double dy) {
		return new Route(route.points().stream().map(p -> new Point(p.x() + dx, p.y() + dy)).toList(),
				route.label() == null ? null : new Box(route.label().x() + dx, route.label().y() + dy, route.label().width(),
						route.label().height()));
	}
}
