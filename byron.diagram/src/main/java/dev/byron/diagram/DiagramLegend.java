package dev.byron.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * What the lines of a picture mean, drawn in a band below it (the layout leaves {@link #BAND} for it): one
 * entry per kind of edge the picture has, a short stroke in that edge's style and its meaning.
 */
public final class DiagramLegend {
	/** The height the layout adds below the picture for the legend. */
	public static final double BAND = 34;
	/** Left edge, stroke length and the gap between entries. */
	public static final double X = 30;
	public static final double STROKE = 36;
	private static final double GAP = 28;

	/** One entry: the kind of line, its meaning, and where it starts. */
	public record Entry(EdgeKind kind, String text, double x, double y) {
		public double textX() {
			return x + STROKE + 8;
		}
	}

	private DiagramLegend() {
	}

	public static String meaning(EdgeKind kind) {
		return switch (kind) {
			case REQUEST -> "request (GraphQL over HTTP)";
			case EVENTS -> "events through the broker";
			case LINK -> "part of";
		};
	}

	public static List<Entry> of(LaidOutDiagram laidOut) {
		List<Entry> entries = new ArrayList<>();
		double y = laidOut.height() - BAND / 2;
		double x = X;
		for (EdgeKind kind : EdgeKind.values()) {
			if (laidOut.diagram().edges().stream().anyMatch(edge -> edge.kind() == kind)) {
				Entry entry = new Entry(kind, meaning(kind), x, y);
				entries.add(entry);
				x = entry.textX() + TextMetrics.textWidth(entry.text()) + GAP;
			}
		}
		return entries;
	}
}
