package dev.byron.diagram;

import java.util.List;
import java.util.Locale;

import dev.byron.diagram.DiagramStyle.Colors;
import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * A laid-out diagram as a standalone SVG document (what export writes and what the PNG is drawn from). The opening tag
 * and each element of the picture stand on a line of their own, so that two pictures compare line by line: a page that
 * shows one is sent only the lines of the next that differ ({@link #parts}).
 */
public final class SvgWriter {
	private SvgWriter() {
	}

	public static String write(LaidOutDiagram laidOut) {
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\">%n",
				laidOut.width(), laidOut.height(), laidOut.width(), laidOut.height(), escape(TextMetrics.FONT_FAMILY)));
		svg.append("<defs>").append(marker("arrow", DiagramStyle.EDGE)).append(marker("arrow-lit", DiagramStyle.LIT)).append("</defs>\n");
		svg.append(String.format(Locale.ROOT, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"%s\"/>%n", laidOut.width(),
				laidOut.height(), DiagramStyle.BACKGROUND));
		svg.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"30\" font-size=\"18\" font-weight=\"bold\" fill=\"%s\">%s</text>%n",
				DiagramStyle.TITLE, escape(laidOut.diagram().title())));
		for (DiagramEdge edge : laidOut.diagram().edges()) {
			Route route = laidOut.routes().get(edge.id());
			if (route != null) {
				edge(svg, laidOut.diagram(), edge, route);
			}
		}
		for (DiagramNode node : laidOut.diagram().nodes()) {
			node(svg, node, laidOut.boxes().get(node.id()));
		}
		for (DiagramLegend.Entry entry : DiagramLegend.of(laidOut)) {
			svg.append("<g class=\"legend\">").append(fill(
					"<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1.4\"%s/>", num(entry.x()),
					num(entry.y()), num(entry.x() + DiagramLegend.STROKE), num(entry.y()), DiagramStyle.EDGE,
					entry.kind() == EdgeKind.EVENTS ? " stroke-dasharray=\"6 4\"" : ""));
			text(svg, List.of(entry.text()), entry.textX(), entry.y() + 4, TextMetrics.TEXT_SIZE, "normal", "normal", "#33404d");
			svg.append("</g>\n");
		}
		return svg.append("</svg>\n").toString();
	}

	/** An arrowhead of a fixed size, whatever the width of the line it ends (a lit line is wider). */
	private static String marker(String id, String colour) {
		return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"11.2\" markerHeight=\"11.2\""
				+ " markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + colour + "\"/></marker>";
	}

	private static void edge(StringBuilder svg, Diagram diagram, DiagramEdge edge, Route route) {
		if (route.points().size() < 2) {
			return;
		}
		StringBuilder d = new StringBuilder();
		for (int i = 0; i < route.points().size(); i++) {
			Point p = route.points().get(i);
			d.append(i == 0 ? "M" : " L").append(num(p.x())).append(',').append(num(p.y()));
		}
		svg.append("<g class=\"edge ").append(edge.kind().name().toLowerCase(Locale.ROOT)).append("\" id=\"")
				.append(escape(edge.id())).append("\" data-from=\"").append(escape(edge.from())).append("\" data-to=\"")
				.append(escape(edge.to())).append("\">");
		svg.append("<title>").append(escape(diagram.describe(edge))).append("</title>");
		svg.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(DiagramStyle.EDGE)
				.append("\" stroke-width=\"1.4\"").append(edge.kind() == EdgeKind.EVENTS ? " stroke-dasharray=\"6 4\"" : "")
				.append(edge.kind() == EdgeKind.LINK ? "" : " marker-end=\"url(#arrow)\"").append("/>");
		Box label = route.label();
		if (label != null) {
			svg.append(fill("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>",
					num(label.x()), num(label.y()), num(label.width()), num(label.height())));
			text(svg, edge.label(), label.x() + 4, label.y() + 13, TextMetrics.TEXT_SIZE, "normal", "normal", "#33404d");
		}
		svg.append("</g>\n");
	}

	private static void node(StringBuilder svg, DiagramNode node, Box box) {
		Colors colors = DiagramStyle.of(node.kind());
		svg.append("<g class=\"node ").append(node.kind().name().toLowerCase(Locale.ROOT)).append("\" id=\"")
				.append(escape(node.id())).append("\">");
		// named on hover too: a picture fitted to a large system draws its boxes' text too small to read
		svg.append("<title>").append(escape(String.join("\n", java.util.stream.Stream.concat(
				java.util.stream.Stream.of(node.title(), NodeMetrics.technologyLine(node)), NodeMetrics.shownDetails(node).stream()).toList())))
				.append("</title>");
		double top = box.y() + NodeMetrics.top(node);
		double bodyHeight = box.height() - NodeMetrics.top(node);
		String paint = " fill=\"" + colors.fill() + "\" stroke=\"" + colors.stroke() + "\" stroke-width=\"1.5\"";
		if (node.kind() == NodeKind.PERSON) {
			double r = NodeMetrics.PERSON_HEAD / 2 - 1;
			svg.append(fill("<circle cx=\"%s\" cy=\"%s\" r=\"%s\"%s/>", num(box.x() + box.width() / 2),
					num(box.y() + r + 1), num(r), paint));
			svg.append(rect(box.x(), top - 4, box.width(), bodyHeight + 4, 22, paint));
		} else if (node.kind().isStore()) {
			double cap = NodeMetrics.top(node);
			double x = box.x();
			double w = box.width();
			double y = box.y() + cap / 2;
			double bottom = box.y() + box.height() - cap / 2;
			svg.append(fill(
					"<path d=\"M%s,%s A%s,%s 0 0 0 %s,%s L%s,%s A%s,%s 0 0 0 %s,%s Z\"%s/>",
					num(x), num(y), num(w / 2), num(cap / 2), num(x + w), num(y), num(x + w), num(bottom), num(w / 2),
					num(cap / 2), num(x), num(bottom), paint));
			svg.append(fill("<ellipse cx=\"%s\" cy=\"%s\" rx=\"%s\" ry=\"%s\"%s/>", num(x + w / 2),
					num(y), num(w / 2), num(cap / 2), paint));
		} else {
			svg.append(rect(box.x(), box.y(), box.width(), box.height(), node.kind() == NodeKind.ENTITY
					|| node.kind() == NodeKind.REPLICA || node.kind() == NodeKind.EVENTS ? 4 : 10, paint
					+ (node.kind() == NodeKind.REPLICA ? " stroke-dasharray=\"5 3\"" : "")));
		}
		double centre = box.x() + box.width() / 2;
		double y = top + NodeMetrics.PADDING + 12;
		svg.append(fill("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"%s\" font-weight=\"bold\" fill=\"%s\">%s</text>",
				num(centre), num(y), String.valueOf(TextMetrics.TITLE_SIZE), colors.text(), escape(node.title())));
		y += TextMetrics.LINE_HEIGHT + 4;
		svg.append(fill("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"%s\" font-style=\"italic\" fill=\"%s\">%s</text>",
				num(centre), num(y), String.valueOf(TextMetrics.TEXT_SIZE), colors.text(), escape(NodeMetrics.technologyLine(node))));
		List<String> details = NodeMetrics.shownDetails(node);
		if (!details.isEmpty()) {
			boolean list = node.kind() == NodeKind.ENTITY || node.kind() == NodeKind.REPLICA || node.kind() == NodeKind.EVENTS
					|| node.kind() == NodeKind.API || node.kind() == NodeKind.SINK;
			double x = list ? box.x() + NodeMetrics.PADDING : centre;
			text(svg, details, x, y + 6 + TextMetrics.LINE_HEIGHT, TextMetrics.TEXT_SIZE, "normal", "normal", colors.text(),
					list ? "start" : "middle");
		}
		svg.append("</g>\n");
	}

	private static String rect(double x, double y, double w, double h, double radius, String paint) {
		return fill("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\"%s/>", num(x), num(y),
				num(w), num(h), num(radius), paint);
	}

	private static void text(StringBuilder svg, List<String> lines, double x, double y, int size, String weight,
			String style, String color) {
		text(svg, lines, x, y, size, weight, style, color, "start");
	}

	private static void text(StringBuilder svg, List<String> lines, double x, double y, int size, String weight,
			String style, String color, String anchor) {
		svg.append(fill("<text x=\"%s\" y=\"%s\" font-size=\"%s\" font-weight=\"%s\" font-style=\"%s\" fill=\"%s\" text-anchor=\"%s\">",
				num(x), num(y), String.valueOf(size), weight, style, color, anchor));
		for (int i = 0; i < lines.size(); i++) {
			svg.append(fill("<tspan x=\"%s\" dy=\"%s\">%s</tspan>", num(x),
					i == 0 ? "0" : String.valueOf(TextMetrics.LINE_HEIGHT), escape(lines.get(i))));
		}
		svg.append("</text>");
	}

	/** As {@code String.format(Locale.ROOT, "%.1f", value)} writes it, without a formatter per number (most of a large picture's cost). */
	static String num(double value) {
		if (!Double.isFinite(value)) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		String rounded = new java.math.BigDecimal(Double.toString(Math.abs(value))).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
		return value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE ? "-" + rounded : rounded;
	}

	/** {@code template} with each {@code %s} replaced by the next of {@code values}, in order. */
	private static String fill(String template, String... values) {
		StringBuilder filled = new StringBuilder(template.length() + 16 * values.length);
		int from = 0;
		for (String value : values) {
			int at = template.indexOf("%s", from);
			filled.append(template, from, at).append(value);
			from = at + 2;
		}
		return filled.append(template, from, template.length()).toString();
	}

	/** The picture's elements in the order they are drawn, each as written: the lines between its opening and closing tags. */
	public static List<String> parts(String svg) {
		List<String> lines = svg.lines().toList();
		return lines.size() < 2 ? List.of() : lines.subList(1, lines.size() - 1);
	}

	/** The picture's opening tag, with its size. */
	public static String opening(String svg) {
		int end = svg.indexOf('\n');
		return end < 0 ? svg : svg.substring(0, end);
	}

	/** Text for an attribute or an element, on one line (a line break is written as a character reference). */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\n", "&#10;")
				.replace("\r", "&#13;");
	}
}
