package dev.byron.diagram;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;

/** PNG export: the SVG rasterised by JSVG, so both files show the same picture. */
public final class PngWriter {
	private PngWriter() {
	}

	public static BufferedImage render(String svg, double scale) {
		SVGDocument document = new SVGLoader().load(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)), null,
				LoaderContext.createDefault());
		if (document == null) {
			throw new IllegalStateException("the diagram's SVG could not be read back");
		}
		int width = (int) Math.ceil(document.size().width * scale);
		int height = (int) Math.ceil(document.size().height * scale);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.scale(scale, scale);
			document.render(null, g);
		} finally {
			g.dispose();
		}
		return image;
	}

	public static void write(String svg, double scale, OutputStream out) throws IOException {
		ImageIO.write(render(svg, scale), "png", out);
	}
}
