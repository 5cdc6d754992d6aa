package dev.byron.modeler.diagram;

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
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!name.endsWith(".svg") && !name.endsWith(".png")) {
			throw new IllegalArgumentException("Cannot tell the format of " + file + ": name it .svg or .png.");
		}
		LaidOutDiagram laidOut = DiagramLayout.layout(C4Diagrams.of(model, level, component));
		String svg = SvgWriter.write(laidOut);
		if (file.toAbsolutePath().getParent() != null) {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		if (name.endsWith(".svg")) {
			Files.writeString(file, svg, StandardCharsets.UTF_8);
		} else {
			try (OutputStream out = Files.newOutputStream(file)) {
				PngWriter.write(svg, 2, out);
			}
		}
		return laidOut;
	}
}
