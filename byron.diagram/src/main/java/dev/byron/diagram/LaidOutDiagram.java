package dev.byron.diagram;

import java.util.List;
import java.util.Map;

/** A diagram with positions: a box per node, a polyline and a label box per edge. */
public record LaidOutDiagram(Diagram diagram, Map<String, Box> boxes, Map<String, Route> routes, double width,
		double height) {

	public record Point(double x, double y) {
	}

	public record Box(double x, double y, double width, double height) {
		public boolean contains(double px, double py) {
			return px >= x && px <= x + width && py >= y && py <= y + height;
		}
	}

	/** {@code label} is null for an edge without a label. */
	public record Route(List<Point> points, Box label) {
	}
}
