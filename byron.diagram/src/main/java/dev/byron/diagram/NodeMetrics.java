package dev.byron.diagram;

import java.util.List;

/** How big a box must be for its text, and which detail lines it shows. */
public final class NodeMetrics {
	public static final double PADDING = 12;
	public static final double PERSON_HEAD = 34;
	public static final int MAX_DETAILS = 9;
	private static final double MIN_WIDTH = 170;
	private static final double STORE_CAP = 14;

	private NodeMetrics() {
	}

	/** The detail lines drawn: at most {@link #MAX_DETAILS}, the last saying how many more there are. */
	public static List<String> shownDetails(DiagramNode node) {
		List<String> details = node.details();
		if (details.size() <= MAX_DETAILS) {
			return details;
		}
		List<String> shown = new java.util.ArrayList<>(details.subList(0, MAX_DETAILS - 1));
		shown.add("+ " + (details.size() - MAX_DETAILS + 1) + " more");
		return shown;
	}

	public static double width(DiagramNode node) {
		double width = TextMetrics.titleWidth(node.title());
		width = Math.max(width, TextMetrics.italicWidth(technologyLine(node)));
		for (String line : shownDetails(node)) {
			width = Math.max(width, TextMetrics.textWidth(line));
		}
		return Math.max(MIN_WIDTH, Math.ceil(width + 2 * PADDING));
	}

	public static double height(DiagramNode node) {
		double height = 2 * PADDING + TextMetrics.LINE_HEIGHT + 4 + TextMetrics.LINE_HEIGHT;
		int details = shownDetails(node).size();
		if (details > 0) {
			height += 6 + details * TextMetrics.LINE_HEIGHT;
		}
		return height + top(node) + (node.kind().isStore() ? STORE_CAP / 2 : 0);
	}

	/** Space above the box's text: the person's head, or a store's cylinder cap. */
	public static double top(DiagramNode node) {
		if (node.kind() == NodeKind.PERSON) {
			return PERSON_HEAD;
		}
		return node.kind().isStore() ? STORE_CAP : 0;
	}

	public static String technologyLine(DiagramNode node) {
		return "[" + node.technology() + "]";
	}

	public static double labelWidth(List<String> lines) {
		return lines.stream().mapToDouble(TextMetrics::textWidth).max().orElse(0) + 8;
	}

	public static double labelHeight(List<String> lines) {
		return lines.size() * TextMetrics.LINE_HEIGHT + 4;
	}
}
