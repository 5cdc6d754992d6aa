package dev.byron.diagram;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Text widths for sizing boxes, measured with the font the SVG and PNG are drawn in (DejaVu Sans when
 * installed), so labels fit in every renderer.
 */
public final class TextMetrics {
	public static final String FONT_FAMILY = pickFamily();
	public static final int TITLE_SIZE = 14;
	public static final int TEXT_SIZE = 11;
	public static final int LINE_HEIGHT = 15;
	private static final FontMetrics TITLE = metrics(Font.BOLD, TITLE_SIZE);
	private static final FontMetrics TEXT = metrics(Font.PLAIN, TEXT_SIZE);
	private static final FontMetrics ITALIC = metrics(Font.ITALIC, TEXT_SIZE);

	private TextMetrics() {
	}

	public static double titleWidth(String text) {
		return TITLE.stringWidth(text);
	}

	public static double textWidth(String text) {
		return TEXT.stringWidth(text);
	}

	public static double italicWidth(String text) {
		return ITALIC.stringWidth(text);
	}

	private static FontMetrics metrics(int style, int size) {
		BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
		return scratch.createGraphics().getFontMetrics(new Font(FONT_FAMILY, style, size));
	}

	private static String pickFamily() {
		String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
		return Arrays.asList(installed).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
	}
}
