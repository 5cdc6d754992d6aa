package dev.byron.diagram;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;

/**
 * The layout each view was last shown with, so that a view is laid out again only when its picture changed. Most
 * edits change nothing a view shows (a field typed in a component's entity, a comment, a hook) or only move
 * declarations in their files; those reuse the last layout, with the new declarations. What is compared is what the
 * layout reads: the boxes and their texts, the arrows and their labels, and the positions the user kept.
 * <p>
 * A large view that did change keeps its boxes where they were ({@link StableLayout}). With a {@link LayoutStore},
 * the layouts outlive the process: a project opened again shows its large views as they were left, without ELK.
 */
public final class LastLayout {
	private final LayoutStore store;
	private final Map<String, Shown> shown = new HashMap<>();

	/** Boxes of a view remembered after they left it, so that a box back after a brief error or an undo is where it was. */
	static final int REMEMBERED = 1_000;

	/**
	 * One view's last layout: the picture it was made for, whether it was made from an earlier layout, and where boxes
	 * no longer in it stood when last shown ({@code gone}).
	 */
	record Shown(String picture, LaidOutDiagram layout, Map<String, Point> kept, boolean fromEarlier, Map<String, Box> gone) {
	}

	/** Layouts kept for as long as this object lives. */
	public LastLayout() {
		this(null);
	}

	/** Layouts kept in {@code store} too, for the next process that shows the same project's views. */
	public LastLayout(LayoutStore store) {
		this.store = store;
	}

	public LaidOutDiagram layout(Diagram diagram, Map<String, Point> kept) {
		return layout(null, diagram, kept);
	}

	/** The view of the project in {@code project}, laid out with the places and lines the project keeps for it. */
	public LaidOutDiagram layout(Path project, Diagram diagram, DiagramPositions positions) {
		return layout(project, diagram, positions.of(diagram), positions.linesOf(diagram));
	}

	/** The view of the project in {@code project} (null for none), laid out keeping the places in {@code kept}. */
	public LaidOutDiagram layout(Path project, Diagram diagram, Map<String, Point> kept) {
		return layout(project, diagram, kept, Map.of());
	}

	/**
	 * As above; when the view is laid out afresh, its arrows between kept boxes are drawn along the lines kept with
	 * them ({@code drawn}, see {@link DiagramPositions#linesOf}) where those still join them.
	 */
	public synchronized LaidOutDiagram layout(Path project, Diagram diagram, Map<String, Point> kept, Map<String, Route> drawn) {
		String key = key(project, diagram);
		Diagram picture = Pictures.withoutSources(diagram);
		String now = Pictures.of(picture, kept);
		Shown last = shown.get(key);
		if (last == null && store != null && project != null) {
			last = store.read(project, diagram).orElse(null);
			if (last != null) {
				shown.put(key, last);
			}
		}
		if (last != null && now.equals(last.picture())) {
			return withDeclarations(last.layout(), diagram);
		}
		Optional<LaidOutDiagram> stable = last == null ? Optional.empty()
				: StableLayout.from(last.layout(), last.kept(), last.gone(), picture, kept);
		LaidOutDiagram made = stable.orElseGet(() -> DiagramLayout.layout(picture, kept, drawn));
		Shown next = new Shown(now, made, new TreeMap<>(kept), stable.isPresent(),
				stable.isPresent() ? gone(last, made) : Map.of()); // places from before a fresh layout would mislead
		shown.put(key, next);
		if (store != null && project != null) {
			store.write(project, next);
		}
		return withDeclarations(made, diagram);
	}

	/**
	 * Whether the view's boxes stand where an earlier layout put them rather than where ELK would put them now:
	 * then laying it out again changes the picture.
	 */
	public synchronized boolean fromEarlier(Path project, Diagram view) {
		Shown last = shown.get(key(project, view));
		return last != null && last.fromEarlier();
	}

	/** The view is laid out afresh by ELK next time (the user asked for it). */
	public synchronized void forget(Path project, Diagram view) {
		shown.remove(key(project, view));
		if (store != null && project != null) {
			store.delete(project, view);
		}
	}

	/** The places of boxes shown before and not now: the newest {@value #REMEMBERED}. */
	private static Map<String, Box> gone(Shown last, LaidOutDiagram now) {
		Map<String, Box> gone = new LinkedHashMap<>(last.gone());
		last.layout().boxes().forEach((id, box) -> {
			gone.remove(id);
			gone.put(id, box); // the newest last
		});
		gone.keySet().removeAll(now.boxes().keySet());
		var oldest = gone.keySet().iterator();
		while (gone.size() > REMEMBERED) {
			oldest.next();
			oldest.remove();
		}
		return gone;
	}

	private static String key(Path project, Diagram view) {
		return (project == null ? "" : project.toAbsolutePath().normalize().toString()) + "\n" + view.level() + "\n" + view.title();
	}

	private static LaidOutDiagram withDeclarations(LaidOutDiagram layout, Diagram diagram) {
		return new LaidOutDiagram(diagram, layout.boxes(), layout.routes(), layout.width(), layout.height());
	}
}
