package dev.byron.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * Where the user put the boxes of each view, kept beside the model in {@value #FILE} (the text never needs it;
 * commit it to share the pictures). A view's places are kept whole once one of its boxes was moved, so that the
 * picture stays put across edits, and with them the lines of the arrows as they were drawn, so that another process
 * (another machine, {@code byron diagram}) draws the picture the user arranged rather than routing every arrow anew;
 * without the file, or for a view it does not name, ELK lays the view out.
 */
public final class DiagramPositions {
	public static final String FILE = "byron-layout.json";
	private static final int VERSION = 1;
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	/** A top-left corner, in whole units of the picture. */
	record Place(long x, long y) {
	}

	/**
	 * An arrow as drawn: the corners of its line in whole units, from the sending box to the receiving one, and its
	 * label's top-left, written as one string (one line of the file per arrow): an SVG polyline's points, then
	 * {@code label x,y} if it has one, as in {@code "806,162 806,321 label 672,232"}.
	 */
	record Line(String points, Place label) {
		private static final String LABEL = " label ";

		static Line of(Route route) {
			StringBuilder points = new StringBuilder();
			for (Point p : route.points()) {
				points.append(points.isEmpty() ? "" : " ").append(Math.round(p.x())).append(',').append(Math.round(p.y()));
			}
			return new Line(points.toString(), route.label() == null ? null
					: new Place(Math.round(route.label().x()), Math.round(route.label().y())));
		}

		@com.fasterxml.jackson.annotation.JsonValue
		String written() {
			return label == null ? points : points + LABEL + label.x() + "," + label.y();
		}

		@com.fasterxml.jackson.annotation.JsonCreator
		static Line read(String written) {
			int at = written.indexOf(LABEL);
			if (at < 0) {
				return new Line(written, null);
			}
			List<Point> label = corners(written.substring(at + LABEL.length()));
			return new Line(written.substring(0, at), label.size() == 1
					? new Place(Math.round(label.get(0).x()), Math.round(label.get(0).y())) : null);
		}

		/** The corners, or none when the text is not a list of corners. */
		List<Point> corners() {
			return corners(points);
		}

		private static List<Point> corners(String text) {
			List<Point> corners = new java.util.ArrayList<>();
			for (String corner : text == null ? new String[0] : text.trim().split("\\s+")) {
				String[] xy = corner.split(",");
				try {
					corners.add(new Point(Long.parseLong(xy[0]), Long.parseLong(xy[1])));
				} catch (RuntimeException notACorner) {
					return List.of();
				}
			}
			return corners;
		}
	}

	/**
	 * The file: its version and, per view (the view's title), each box's place and each arrow's line (by the arrow's
	 * id); files written before lines were kept have none.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Stored(int version, Map<String, Map<String, Place>> views, Map<String, Map<String, Line>> lines) {
	}

	private final Map<String, Map<String, Place>> views;
	private final Map<String, Map<String, Line>> lines;

	private DiagramPositions(Map<String, Map<String, Place>> views, Map<String, Map<String, Line>> lines) {
		this.views = views;
		this.lines = lines;
	}

	public static DiagramPositions none() {
		return new DiagramPositions(new TreeMap<>(), new TreeMap<>());
	}

	/** The places kept in a project folder; none when it has no {@value #FILE}. */
	public static DiagramPositions read(Path folder) throws IOException {
		Path file = folder.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return none();
		}
		try {
			Stored stored = JSON.readValue(file.toFile(), Stored.class);
			if (stored.version() != VERSION || stored.views() == null) {
				throw new IOException(file + " is not a layout this Byron reads (version " + stored.version() + "): delete it to lay"
						+ " the pictures out again.");
			}
			Map<String, Map<String, Place>> views = new TreeMap<>();
			stored.views().forEach((view, places) -> views.put(view, new TreeMap<>(places)));
			Map<String, Map<String, Line>> lines = new TreeMap<>();
			if (stored.lines() != null) {
				stored.lines().forEach((view, drawn) -> {
					if (views.containsKey(view) && drawn != null) {
						lines.put(view, new TreeMap<>(drawn));
					}
				});
			}
			return new DiagramPositions(views, lines);
		} catch (JsonProcessingException e) {
			throw new IOException(file + " cannot be read (" + e.getOriginalMessage() + "): fix it, or delete it to lay the"
					+ " pictures out again.", e);
		}
	}

	/**
	 * The places kept for a view, by node id. A component renamed since (one component kept that the view no longer
	 * has, one in the view without a kept place) stands at its old name's place.
	 */
	public Map<String, Point> of(Diagram diagram) {
		Map<String, Place> kept = views.getOrDefault(diagram.title(), Map.of());
		Map<String, Point> places = new TreeMap<>();
		kept.forEach((id, place) -> places.put(id, new Point(place.x(), place.y())));
		renameSince(diagram).ifPresent(rename -> places.put(rename.getValue(), places.get(rename.getKey())));
		return places;
	}

	/**
	 * These places with a rename since they were kept followed for good (see {@link #of}): the inference holds only
	 * while nothing else changed, so the studio keeps what it inferred before the next edit adds a component.
	 */
	public DiagramPositions withRenameFollowed(Diagram diagram) {
		return renameSince(diagram).map(rename -> renamed(rename.getKey(), rename.getValue())).orElse(this);
	}

	/** The kept id a component was renamed from and its id now, when one kept component is gone and one came without a place. */
	private java.util.Optional<Map.Entry<String, String>> renameSince(Diagram diagram) {
		Map<String, Place> kept = views.getOrDefault(diagram.title(), Map.of());
		java.util.Set<String> drawn = new java.util.HashSet<>();
		diagram.nodes().forEach(node -> drawn.add(node.id()));
		List<String> left = kept.keySet().stream().filter(id -> !drawn.contains(id)).toList();
		List<DiagramNode> came = diagram.nodes().stream().filter(node -> !kept.containsKey(node.id())).toList();
		if (left.size() == 1 && came.size() == 1 && left.get(0).startsWith(C4Diagrams.componentId(""))
				&& came.get(0).kind() == NodeKind.COMPONENT) {
			return java.util.Optional.of(Map.entry(left.get(0), came.get(0).id()));
		}
		return java.util.Optional.empty();
	}

	/**
	 * The lines kept for a view's arrows, by edge id, each with its label's box as the arrow's label is now; a line is
	 * drawn again only where both its boxes stand at their kept places and it still starts and ends on them.
	 */
	public Map<String, Route> linesOf(Diagram diagram) {
		Map<String, Line> drawn = lines.getOrDefault(diagram.title(), Map.of());
		Map<String, Route> routes = new TreeMap<>();
		for (DiagramEdge edge : diagram.edges()) {
			Line line = drawn.get(edge.id());
			List<Point> points = line == null ? List.of() : line.corners();
			if (points.size() < 2 || (line.label() == null) != edge.label().isEmpty()) {
				continue; // a line drawn without its label or with one since lost: routed again
			}
			Box label = line.label() == null ? null : new Box(line.label().x(), line.label().y(), NodeMetrics.labelWidth(edge.label()),
					NodeMetrics.labelHeight(edge.label()));
			routes.put(edge.id(), new Route(points, label));
		}
		return routes;
	}

	/**
	 * These places with every box of a view kept where it is drawn, except one, kept where it was moved to; and the
	 * lines of the arrows as drawn, but those of the moved box and any slanted one (drawn where no route was found),
	 * which are routed again.
	 */
	public DiagramPositions moved(LaidOutDiagram laidOut, String id, Point to) {
		Map<String, Place> places = new TreeMap<>();
		laidOut.boxes().forEach((node, box) -> places.put(node, new Place(Math.round(box.x()), Math.round(box.y()))));
		places.put(id, new Place(Math.round(to.x()), Math.round(to.y())));
		Map<String, Line> drawn = new TreeMap<>();
		for (DiagramEdge edge : laidOut.diagram().edges()) {
			Route route = laidOut.routes().get(edge.id());
			if (route != null && !edge.from().equals(id) && !edge.to().equals(id) && KeptLayout.orthogonal(route)) {
				drawn.put(edge.id(), Line.of(route));
			}
		}
		Map<String, Map<String, Place>> copy = new TreeMap<>(views);
		copy.put(laidOut.diagram().title(), places);
		Map<String, Map<String, Line>> linesCopy = new TreeMap<>(lines);
		linesCopy.put(laidOut.diagram().title(), drawn);
		return new DiagramPositions(copy, linesCopy);
	}

	/** These places with a renamed box's kept under its new id, in every view that keeps it (its lines are drawn anew). */
	public DiagramPositions renamed(String oldId, String newId) {
		Map<String, Map<String, Place>> copy = new TreeMap<>();
		views.forEach((view, places) -> {
			Map<String, Place> moved = new TreeMap<>(places);
			if (moved.containsKey(oldId) && !moved.containsKey(newId)) {
				moved.put(newId, moved.remove(oldId));
			}
			copy.put(view, moved);
		});
		return new DiagramPositions(copy, lines);
	}

	/** These places without those of a view: ELK lays it out again. */
	public DiagramPositions reset(Diagram diagram) {
		Map<String, Map<String, Place>> copy = new TreeMap<>(views);
		copy.remove(diagram.title());
		Map<String, Map<String, Line>> linesCopy = new TreeMap<>(lines);
		linesCopy.remove(diagram.title());
		return new DiagramPositions(copy, linesCopy);
	}

	/**
	 * What of these places a model draws, given its views: the views it no longer has (a deleted component's) and the
	 * boxes and arrows a view no longer has are left out, a rename since followed (see {@link #of}). What a project's
	 * file keeps once its model reads without errors, so that it does not grow with every component ever deleted.
	 */
	public DiagramPositions keptFor(List<Diagram> model) {
		Map<String, Map<String, Place>> keptViews = new TreeMap<>();
		Map<String, Map<String, Line>> keptLines = new TreeMap<>();
		for (Diagram view : model) {
			DiagramPositions followed = withRenameFollowed(view);
			Map<String, Place> places = followed.views.get(view.title());
			if (places == null) {
				continue;
			}
			java.util.Set<String> boxes = new java.util.HashSet<>();
			view.nodes().forEach(node -> boxes.add(node.id()));
			Map<String, Place> kept = new TreeMap<>(places);
			kept.keySet().retainAll(boxes);
			keptViews.put(view.title(), kept);
			Map<String, Line> drawn = followed.lines.get(view.title());
			if (drawn != null) {
				java.util.Set<String> arrows = new java.util.HashSet<>();
				view.edges().forEach(edge -> arrows.add(edge.id()));
				Map<String, Line> keptDrawn = new TreeMap<>(drawn);
				keptDrawn.keySet().retainAll(arrows);
				keptLines.put(view.title(), keptDrawn);
			}
		}
		return keptViews.equals(views) && keptLines.equals(lines) ? this : new DiagramPositions(keptViews, keptLines);
	}

	public boolean keeps(Diagram diagram) {
		return views.containsKey(diagram.title());
	}

	/** Writes the file, or deletes it when no view keeps places. */
	public void write(Path folder) throws IOException {
		Path file = folder.resolve(FILE);
		if (views.isEmpty()) {
			Files.deleteIfExists(file);
			return;
		}
		Files.writeString(file, JSON.writeValueAsString(new Stored(VERSION, views, lines.isEmpty() ? null : lines)) + "\n");
	}
}
