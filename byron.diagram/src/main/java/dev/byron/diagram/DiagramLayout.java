package dev.byron.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/** Lays a diagram out top-down with ELK Layered, orthogonal edges and their labels placed by ELK. */
public final class DiagramLayout {
	static final double MARGIN = 30;
	static final double TITLE_SPACE = 40;
	/**
	 * Above this many boxes a view is large: rows of a bounded number of boxes, one crossing-minimisation sweep, the
	 * hub arrows as buses (ADR 35). Below it, ELK put every component in one row: 54 were 15,973 px wide.
	 */
	static final int LARGE = 20;

	static {
		LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
	}

	private DiagramLayout() {
	}

	public static LaidOutDiagram layout(Diagram diagram) {
		return layout(diagram, Map.of());
	}

	/**
	 * Lays a diagram out keeping the given top-left corners (boxes the user placed) exactly; see {@link KeptLayout}.
	 * Positions of nodes the diagram lacks are ignored; without any for its nodes, this is {@link #layout(Diagram)}.
	 */
	public static LaidOutDiagram layout(Diagram diagram, Map<String, Point> kept) {
		return layout(diagram, kept, Map.of());
	}

	/** As above, each arrow between two kept boxes drawn along its {@code drawn} line where that still joins them. */
	public static LaidOutDiagram layout(Diagram diagram, Map<String, Point> kept, Map<String, Route> drawn) {
		boolean buses = HubBus.applies(diagram);
		LaidOutDiagram free = buses ? HubBus.layout(diagram) : elk(diagram);
		if (diagram.nodes().stream().noneMatch(n -> kept.containsKey(n.id()))) {
			return free;
		}
		LaidOutDiagram arranged = KeptLayout.of(free, kept, drawn);
		return buses ? HubBus.route(arranged) : arranged;
	}

	static LaidOutDiagram elk(Diagram diagram) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(CoreOptions.SPACING_NODE_NODE, 50.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
		root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 25.0);
		root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 6.0);
		root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
		boolean large = diagram.nodes().size() > LARGE;
		if (large) {
			root.setProperty(LayeredOptions.THOROUGHNESS, 1);
			root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
			// A wide system's picture otherwise has a layer as wide as its most shared component's subscribers,
			// and every arrow from that component a line of its own across the picture.
			root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.COFFMAN_GRAHAM);
			root.setProperty(LayeredOptions.LAYERING_COFFMAN_GRAHAM_LAYER_BOUND, boxesPerRow(diagram.nodes().size()));
			root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
			root.setProperty(LayeredOptions.MERGE_EDGES, true);
		}
		Map<String, ElkNode> nodes = new LinkedHashMap<>();
		for (DiagramNode node : diagram.nodes()) {
			ElkNode elk = ElkGraphUtil.createNode(root);
			elk.setIdentifier(node.id());
			elk.setDimensions(NodeMetrics.width(node), NodeMetrics.height(node));
			nodes.put(node.id(), elk);
		}
		Map<String, ElkEdge> edges = new LinkedHashMap<>();
		for (DiagramEdge edge : diagram.edges()) {
			ElkNode from = nodes.get(edge.from());
			ElkNode to = nodes.get(edge.to());
			if (from == null || to == null || from == to) {
				continue;
			}
			ElkEdge elk = ElkGraphUtil.createSimpleEdge(from, to);
			elk.setIdentifier(edge.id());
			if (!edge.label().isEmpty()) {
				ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", edge.label()), elk);
				label.setDimensions(NodeMetrics.labelWidth(edge.label()), NodeMetrics.labelHeight(edge.label()));
				label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, large ? EdgeLabelPlacement.HEAD : EdgeLabelPlacement.CENTER);
			}
			edges.put(edge.id(), elk);
		}
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

		Map<String, Box> boxes = new HashMap<>();
		nodes.forEach((id, elk) -> boxes.put(id, new Box(elk.getX(), elk.getY() + TITLE_SPACE, elk.getWidth(), elk.getHeight())));
		Map<String, Route> routes = new HashMap<>();
		edges.forEach((id, elk) -> routes.put(id, route(elk)));
		double width = Math.ceil(Math.max(root.getWidth(), TextMetrics.titleWidth(diagram.title()) + 2 * MARGIN));
		double legend = diagram.edges().isEmpty() ? 0 : DiagramLegend.BAND;
		return new LaidOutDiagram(diagram, boxes, routes, width, Math.ceil(root.getHeight() + TITLE_SPACE + legend));
	}

	/** Rows of about this many boxes make a large view's picture about as wide as a screen's shape asks. */
	static int boxesPerRow(int boxes) {
		return (int) Math.round(Math.sqrt(1.2 * boxes));
	}

	private static Route route(ElkEdge edge) {
		List<Point> points = new ArrayList<>();
		if (!edge.getSections().isEmpty()) {
			ElkEdgeSection section = edge.getSections().get(0);
			points.add(new Point(section.getStartX(), section.getStartY() + TITLE_SPACE));
			section.getBendPoints().forEach(b -> points.add(new Point(b.getX(), b.getY() + TITLE_SPACE)));
			points.add(new Point(section.getEndX(), section.getEndY() + TITLE_SPACE));
		}
		Box label = edge.getLabels().isEmpty() ? null
				: new Box(edge.getLabels().get(0).getX(), edge.getLabels().get(0).getY() + TITLE_SPACE,
						edge.getLabels().get(0).getWidth(), edge.getLabels().get(0).getHeight());
		return new Route(points, label);
	}
}
