package dev.byron.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * The last layout of each view of each project, in the user's cache folder ({@code $XDG_CACHE_HOME/byron/layouts},
 * else {@code ~/.cache/byron/layouts}), a file per view named by a hash of the project's folder and the view. A
 * cache: nothing is lost without it, so a file that cannot be read or written is passed over, and the oldest files
 * go once there are more than {@value #MOST}. The project's own folder is never written to; the places the user
 * chose are kept there, in {@link DiagramPositions#FILE}.
 */
public final class LayoutStore {
	static final int MOST = 500;
	private static final int VERSION = 1;
	private final Path folder;

	/** What a file holds: the picture the layout was made for (the view and the kept places) and the layout. */
	record Stored(int version, Diagram diagram, Map<String, Point> kept, Map<String, Box> boxes, Map<String, Route> routes,
			double width, double height, boolean fromEarlier, Map<String, Box> gone) {
	}

	public LayoutStore(Path folder) {
		this.folder = folder;
	}

	/** The store in the user's cache folder, or in the folder the system property {@code byron.layoutCache} names. */
	public static LayoutStore userCache() {
		String chosen = System.getProperty("byron.layoutCache");
		if (chosen != null && !chosen.isBlank()) {
			return new LayoutStore(Path.of(chosen));
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return new LayoutStore(cache.resolve("byron").resolve("layouts"));
	}

	Optional<LastLayout.Shown> read(Path project, Diagram view) {
		Path file = file(project, view);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			Stored stored = Pictures.JSON.readValue(file.toFile(), Stored.class);
			if (stored.version() != VERSION || stored.diagram() == null || stored.boxes() == null || stored.routes() == null
					|| !sizedAsNow(stored)) {
				return Optional.empty();
			}
			LaidOutDiagram layout = new LaidOutDiagram(stored.diagram(), stored.boxes(), stored.routes(), stored.width(), stored.height());
			Map<String, Point> kept = stored.kept() == null ? Map.of() : stored.kept();
			Map<String, Box> gone = stored.gone() == null ? Map.of() : stored.gone();
			return Optional.of(new LastLayout.Shown(Pictures.of(stored.diagram(), kept), layout, kept, stored.fromEarlier(), gone));
		} catch (IOException | RuntimeException unreadable) {
			return Optional.empty(); // written by another version, or cut short: ELK lays the view out
		}
	}

	/** Whether every box has the size this version of Byron gives it: a layout written by another is laid out again. */
	private static boolean sizedAsNow(Stored stored) {
		for (DiagramNode node : stored.diagram().nodes()) {
			Box box = stored.boxes().get(node.id());
			if (box == null || box.width() != NodeMetrics.width(node) || box.height() != NodeMetrics.height(node)) {
				return false;
			}
		}
		return true;
	}

	void write(Path project, LastLayout.Shown shown) {
		LaidOutDiagram layout = shown.layout();
		Stored stored = new Stored(VERSION, layout.diagram(), shown.kept(), layout.boxes(), layout.routes(), layout.width(), layout.height(),
				shown.fromEarlier(), shown.gone());
		Path file = file(project, layout.diagram());
		try {
			Files.createDirectories(folder);
			Path written = Files.createTempFile(folder, "layout-", ".tmp");
			try {
				Files.writeString(written, Pictures.JSON.writeValueAsString(stored), StandardCharsets.UTF_8);
				try {
					Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				} catch (AtomicMoveNotSupportedException e) {
					Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
				}
			} finally {
				Files.deleteIfExists(written);
			}
			trim();
		} catch (IOException | RuntimeException e) {
			// a cache that cannot be written: the next process lays the view out with ELK
		}
	}

	void delete(Path project, Diagram view) {
		try {
			Files.deleteIfExists(file(project, view));
		} catch (IOException e) {
			// a cache that cannot be changed: its file is read again only if the picture is still the same
		}
	}

	Path file(Path project, Diagram view) {
		String name = project.toAbsolutePath().normalize() + "\n" + view.level() + "\n" + view.title();
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return folder.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

	private void trim() throws IOException {
		List<Path> files;
		try (Stream<Path> listed = Files.list(folder)) {
			files = listed.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
		}
		if (files.size() <= MOST) {
			return;
		}
		files.stream().sorted(Comparator.comparing(LayoutStore::modified)).limit(files.size() - MOST).forEach(p -> {
			try {
				Files.deleteIfExists(p);
			} catch (IOException e) {
				// another process trimmed it first
			}
		});
	}

	private static long modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		} catch (IOException e) {
			return 0;
		}
	}
}
