package dev.byron.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.byron.diagram.LaidOutDiagram.Point;

/**
 * Where the user put the boxes of each view, kept beside the model in {@value #FILE} (the text never needs it;
 * commit it to share the pictures). A view's places are kept whole once one of its boxes was moved, so that the
 * picture stays put across edits; without the file, or for a view it does not name, ELK lays the view out.
 */
public final class DiagramPositions {
	public static final String FILE = "byron-layout.json";
	private static final int VERSION = 1;
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	/** A top-left corner, in whole units of the picture. */
	record Place(long x, long y) {
	}

	/** The file: its version and, per view (the view's title), each box's place. */
	record Stored(int version, Map<String, Map<String, Place>> views) {
	}

	private final Map<String, Map<String, Place>> views;

	private DiagramPositions(Map<String, Map<String, Place>> views) {
		this.views = views;
	}

	public static DiagramPositions none() {
		return new DiagramPositions(new TreeMap<>());
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
			return new DiagramPositions(views);
		} catch (JsonProcessingException e) {
			throw new IOException(file + " cannot be read (" + e.getOriginalMessage() + "): fix it, or delete it to lay the"
					+ " pictures out again.", e);
		}
	}

	/** The places kept for a view, by node id. */
	public Map<String, Point> of(Diagram diagram) {
		Map<String, Point> places = new TreeMap<>();
		views.getOrDefault(diagram.title(), Map.of()).forEach((id, place) -> places.put(id, new Point(place.x(), place.y())));
		return places;
	}

	/** These places with every box of a view kept where it is drawn, except one, kept where it was moved to. */
	public DiagramPositions moved(LaidOutDiagram laidOut, String id, Point to) {
		Map<String, Place> places = new TreeMap<>();
		laidOut.boxes().forEach((node, box) -> places.put(node, new Place(Math.round(box.x()), Math.round(box.y()))));
		places.put(id, new Place(Math.round(to.x()), Math.round(to.y())));
		Map<String, Map<String, Place>> copy = new TreeMap<>(views);
		copy.put(laidOut.diagram().title(), places);
		return new DiagramPositions(copy);
	}

	/** These places without those of a view: ELK lays it out again. */
	public DiagramPositions reset(Diagram diagram) {
		Map<String, Map<String, Place>> copy = new TreeMap<>(views);
		copy.remove(diagram.title());
		return new DiagramPositions(copy);
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
		Files.writeString(file, JSON.writeValueAsString(new Stored(VERSION, views)) + "\n");
	}
}
