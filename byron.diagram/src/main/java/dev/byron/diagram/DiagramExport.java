package dev.byron.diagram;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.byron.dsl.api.model.ByronModel;

/** Writes one C4 view of a model to an {@code .svg} or {@code .png} file (what {@code byron diagram} does). */
public final class DiagramExport {
	private DiagramExport() {
	}

	public static LaidOutDiagram export(ByronModel model, C4Level level, String component, Path file) throws IOException {
		return export(model, level, component, DiagramPositions.none(), file);
	}

	/** As above, with the boxes the user placed where they were placed. */
	public static LaidOutDiagram export(ByronModel model, C4Level level, String component, DiagramPositions positions, Path file)
			throws IOException {
		formatOf(file);
		Diagram diagram = C4Diagrams.of(model, level, component);
		return write(DiagramLayout.layout(diagram, positions.of(diagram), positions.linesOf(diagram)), file);
	}

	private static String formatOf(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!name.endsWith(".svg") && !name.endsWith(".png")) {
			throw new IllegalArgumentException("Cannot tell the format of " + file + ": name it .svg or .png.");
		}
		return name.substring(name.length() - 3);
	}

	/** Writes a laid-out picture as SVG or PNG, as the file's name says. */
	public static LaidOutDiagram write(LaidOutDiagram laidOut, Path file) throws IOException {
		String name = formatOf(file);
		String svg = SvgWriter.write(laidOut);
		if (file.toAbsolutePath().getParent() != null) {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		if (name.equals("svg")) {
			Files.writeString(file, svg, StandardCharsets.UTF_8);
		} else {
			try (OutputStream out = Files.newOutputStream(file)) {
				PngWriter.write(svg, 2, out);
			}
		}
		return laidOut;
	}
}
