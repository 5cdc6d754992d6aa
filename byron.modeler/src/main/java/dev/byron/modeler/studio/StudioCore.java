package dev.byron.modeler.studio;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.byron.deployer.Deployment;
import dev.byron.deployer.kubernetes.ClusterTarget;
import dev.byron.deployer.kubernetes.DeployException;
import dev.byron.deployer.local.LocalOptions;
import dev.byron.deployer.local.LocalSystem;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.generator.Generator;
import dev.byron.generator.HookImplementations;
import dev.byron.diagram.C4Diagrams;
import dev.byron.diagram.C4Level;
import dev.byron.diagram.Diagram;
import dev.byron.diagram.DiagramPositions;
import dev.byron.diagram.LaidOutDiagram;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Byron Studio without a window: the project's documents, the analysis of their texts, the kept layout, the jobs
 * (generate, run, stop, deploy) and the running system. Whatever shows it (the JavaFX window today) hands it the
 * executor of its own thread: every callback, and every line of the log, runs there.
 */
public final class StudioCore implements AutoCloseable {
	/** What the core tells whatever shows it, always on its thread; a front end without more to show gives the log alone. */
	@FunctionalInterface
	public interface Listener {
		void log(String line);

		/** A job began or ended; {@code busy} says whether any job is still going. */
		default void busy(boolean busy) {
		}

		default void failed(String job, String reason) {
			log(job + " failed: " + reason);
		}
	}

	/** Where a deploy goes, as the user chose it. */
	public record DeployTarget(Path kubeconfig, String context, String namespace, boolean buildImages, boolean push,
			boolean allowBreaking) {
	}

	private interface Job {
		String run() throws Exception;
	}

	private final Project project;
	private final java.util.concurrent.Executor ui;
	private final Listener listener;
	private final ByronLoader loader = ByronLoader.create();
	/** The texts as last read, read again where they changed: on the analyses' thread only. */
	private final ByronLoader.Reader reader = loader.reader();
	/** The last view laid out: an edit that changes nothing the view shows is not laid out again. */
	private final dev.byron.diagram.LastLayout layouts = new dev.byron.diagram.LastLayout(dev.byron.diagram.LayoutStore.userCache());
	private final ExecutorService analyses = daemon("byron-studio-analysis");
	private final ExecutorService jobs = daemon("byron-studio-jobs");
	private final ExecutorService sampler = daemon("byron-studio-live");
	private final ExecutorService checks = daemon("byron-studio-check");
	private Path checkWork;
	private final AtomicLong generation = new AtomicLong();
	private final AtomicBoolean sampling = new AtomicBoolean();
	private volatile DiagramPositions positions = DiagramPositions.none();
	private volatile LocalSystem running;
	private volatile boolean closed;
	private volatile LiveSystem live;
	private volatile Map<String, String> environment = System.getenv();

	public StudioCore(Project project, java.util.concurrent.Executor ui, Listener listener) {
		this.project = project;
		this.ui = ui;
		this.listener = listener;
		try {
			positions = DiagramPositions.read(project.folder());
		} catch (IOException e) {
			ui.execute(() -> listener.log(e.getMessage()));
		}
	}

	private static ExecutorService daemon(String name) {
		return Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	public Project project() {
		return project;
	}

	public void log(String line) {
		ui.execute(() -> listener.log(line));
	}

	// ---- the texts, analysed ---------------------------------------------------------------------

	/**
	 * Reads the model from the documents' texts off the UI thread and lays out one view, then hands the result
	 * over, unless a newer analysis was asked for meanwhile.
	 */
	public void analyse(C4Level level, String component, Consumer<Analysis> shown) {
		if (analyses.isShutdown()) {
			return;
		}
		long mine = generation.incrementAndGet();
		var sources = project.sources();
		var java = project.javaTexts();
		var kept = positions;
		analyses.submit(() -> {
			try {
				Analysis result = Analysis.of(reader, sources, java, level, component, view -> laidOut(view, kept));
				ui.execute(() -> {
					if (generation.get() == mine) {
						shown.accept(result);
					}
				});
			} catch (RuntimeException e) {
				log("Could not draw the model: " + e);
			}
		});
	}

	/**
	 * The texts as they are now, analysed off the caller's thread; unlike {@link #analyse}, every call gets its
	 * answer (each request of a web page waits for one), newer or not.
	 */
	public java.util.concurrent.CompletableFuture<Analysis> analysis(C4Level level, String component) {
		return drawing(level, component).thenApplyAsync(Analysis.Drawn::checked, analyses);
	}

	/**
	 * The texts as they are now, read and laid out off the caller's thread, not checked yet: the caller has them
	 * checked with {@link #checked}, so that a view is shown before its problems are listed.
	 */
	public java.util.concurrent.CompletableFuture<Analysis.Drawn> drawing(C4Level level, String component) {
		var sources = project.sources();
		var hooks = project.javaTexts();
		var kept = positions;
		Drawing asked = new Drawing(sources, hooks, kept, placings.get(), level, component);
		synchronized (this) {
			Drawing last = lastDrawing;
			if (asked.sameAs(last) && !last.drawn.isCompletedExceptionally()) {
				return last.drawn; // the same texts, places and view: drawn once (a page's edit starts it, its view asks after)
			}
			asked.drawn = java.util.concurrent.CompletableFuture.supplyAsync(() -> Analysis.drawn(reader, sources, hooks, level,
					component, view -> laidOut(view, kept)), analyses);
			lastDrawing = asked;
			return asked.drawn;
		}
	}

	/** What a view was drawn from, and the drawing on its way or done. */
	private static final class Drawing {
		private final List<dev.byron.dsl.api.Source> sources;
		private final Map<Path, String> hooks;
		private final DiagramPositions positions;
		private final long placings;
		private final C4Level level;
		private final String component;
		private java.util.concurrent.CompletableFuture<Analysis.Drawn> drawn;

		private Drawing(List<dev.byron.dsl.api.Source> sources, Map<Path, String> hooks, DiagramPositions positions, long placings,
				C4Level level, String component) {
			this.sources = sources;
			this.hooks = hooks;
			this.positions = positions;
			this.placings = placings;
			this.level = level;
			this.component = component;
		}

		private boolean sameAs(Drawing other) {
			return other != null && other.positions == positions && other.placings == placings && other.level == level
					&& java.util.Objects.equals(other.component, component) && other.sources.equals(sources)
					&& other.hooks.equals(hooks);
		}
	}

	private Drawing lastDrawing;

	/** Boxes to stand, once drawn, with their middle at a point of the picture: components added from its menu. */
	private final Map<String, LaidOutDiagram.Point> placing = new java.util.concurrent.ConcurrentHashMap<>();
	private final AtomicLong placings = new AtomicLong(); // how many were asked for: a drawing from before one is not reused

	/**
	 * The component's box, once a view draws it (its declaration is on its way), stands with its middle at {@code middle}
	 * of that view, kept there as a drag keeps a box: it is drawn there the first time, not moved after.
	 */
	public void placeWhenDrawn(String component, LaidOutDiagram.Point middle) {
		placing.put(dev.byron.diagram.C4Diagrams.componentId(component), middle);
		placings.incrementAndGet();
	}

	/** A view laid out with the places kept (and those asked for by {@link #placeWhenDrawn}, now that it is drawn). */
	private LaidOutDiagram laidOut(Diagram view, DiagramPositions given) {
		DiagramPositions kept = followRenamesMade(given.withRenameFollowed(view), view);
		if (kept != given) { // a component renamed in the text (or a rename undone): its place goes with it for good
			keep(kept);
		}
		LaidOutDiagram laid = layouts.layout(project.folder(), view, kept);
		for (Map.Entry<String, LaidOutDiagram.Point> wanted : placing.entrySet()) {
			LaidOutDiagram.Box box = laid.boxes().get(wanted.getKey());
			if (box != null && placing.remove(wanted.getKey(), wanted.getValue())) {
				LaidOutDiagram.Point middle = wanted.getValue();
				DiagramPositions placed = positions.moved(laid, wanted.getKey(), clearSpot(laid, wanted.getKey(), new LaidOutDiagram.Point(
						Math.max(0, middle.x() - box.width() / 2), Math.max(0, middle.y() - box.height() / 2))));
				keep(placed);
				return layouts.layout(project.folder(), view, placed);
			}
		}
		return laid;
	}

	/** Components renamed from the picture, new id to old: the rename undone (or made again) in the text takes the place along. */
	private final Map<String, String> renamesMade = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The places with a rename made from the picture followed when the text undid it or made it again: the view draws
	 * the one name and keeps a place for the other only. (A rename typed in the text is inferred by the positions
	 * themselves, while it is the only change; one made here is known, whatever else the view lacks a place for.)
	 */
	private DiagramPositions followRenamesMade(DiagramPositions positions, Diagram view) {
		java.util.Set<String> drawn = new java.util.HashSet<>();
		view.nodes().forEach(node -> drawn.add(node.id()));
		Map<String, LaidOutDiagram.Point> places = positions.of(view);
		for (Map.Entry<String, String> rename : renamesMade.entrySet()) {
			String now = rename.getKey();
			String before = rename.getValue();
			if (drawn.contains(before) && !drawn.contains(now) && places.containsKey(now) && !places.containsKey(before)) {
				return positions.renamed(now, before);
			}
			if (drawn.contains(now) && !drawn.contains(before) && places.containsKey(before) && !places.containsKey(now)) {
				return positions.renamed(before, now);
			}
		}
		return positions;
	}

	private static final double APART = 20; // the least room between a placed box and the others
	private static final int RINGS = 60; // searched up to 60 × APART units away, then the box stands where it was asked for

	/**
	 * Where a box asked for at {@code wanted} (its upper left corner) stands clear of every other box: there if it is,
	 * else the nearest such spot, searched ring by ring around it (two additions a click apart are not put one on the other).
	 */
	static LaidOutDiagram.Point clearSpot(LaidOutDiagram laid, String id, LaidOutDiagram.Point wanted) {
		LaidOutDiagram.Box box = laid.boxes().get(id);
		for (int ring = 0; ring <= RINGS; ring++) {
			LaidOutDiagram.Point best = null;
			for (int i = -ring; i <= ring; i++) {
				for (int j = -ring; j <= ring; j++) {
					if (Math.max(Math.abs(i), Math.abs(j)) != ring) {
						continue; // this ring's border only
					}
					LaidOutDiagram.Point at = new LaidOutDiagram.Point(Math.max(0, wanted.x() + i * APART), Math.max(0, wanted.y() + j * APART));
					if (clear(laid, id, at, box) && (best == null || distance(at, wanted) < distance(best, wanted))) {
						best = at;
					}
				}
			}
			if (best != null) {
				return best;
			}
		}
		return wanted;
	}

	private static boolean clear(LaidOutDiagram laid, String id, LaidOutDiagram.Point at, LaidOutDiagram.Box box) {
		for (Map.Entry<String, LaidOutDiagram.Box> other : laid.boxes().entrySet()) {
			LaidOutDiagram.Box o = other.getValue();
			if (!other.getKey().equals(id) && at.x() < o.x() + o.width() + APART && o.x() < at.x() + box.width() + APART
					&& at.y() < o.y() + o.height() + APART && o.y() < at.y() + box.height() + APART) {
				return false;
			}
		}
		return true;
	}

	private static double distance(LaidOutDiagram.Point a, LaidOutDiagram.Point b) {
		return Math.hypot(a.x() - b.x(), a.y() - b.y());
	}

	/** A drawing's checks, off the caller's thread, after the analyses asked for before them. */
	public java.util.concurrent.CompletableFuture<Analysis> checked(Analysis.Drawn drawn) {
		return java.util.concurrent.CompletableFuture.supplyAsync(drawn::checked, analyses);
	}

	/** A missing hook's fix: its stub written into the class that lacks it. */
	public List<QuickFixes.Fix> hookFixes(Analysis shown, ModelDiagnostic diagnostic) {
		if (shown == null) {
			return List.of();
		}
		return shown.gap(diagnostic).filter(gap -> project.text(gap.file()) != null).map(gap -> {
			try {
				return List.of(new QuickFixes.Fix(hookFixTitle(gap), HookImplementations.fill(project.text(gap.file()), List.of(gap))));
			} catch (IllegalArgumentException e) {
				return List.<QuickFixes.Fix>of(); // the class changed since: the next analysis says what is missing now
			}
		}).orElse(List.of());
	}

	/** The edits of a missing hook's fix; none when the diagnostic is not a missing hook's (or its class changed). */
	public List<dev.byron.dsl.api.TextEdit> hookFixEdits(Analysis shown, ModelDiagnostic diagnostic) {
		return hookFixes(shown, diagnostic).stream().findFirst().map(QuickFixes.Fix::edits).orElse(List.of());
	}

	/** What a missing hook's fix is called, without making its edit (a Java parse). */
	public String hookFixTitle(HookImplementations.Gap gap) {
		return "Add '" + gap.method() + "' to " + project.relative(gap.file());
	}

	// ---- diagram to text ------------------------------------------------------------------------------

	/** The events a component publishes, as a subscription chooses from them; empty for an unknown component. */
	public List<String> eventsOf(Analysis shown, String publisher) {
		return shown == null ? List.of()
				: shown.result().model().component(publisher).map(c -> c.events().stream().map(dev.byron.dsl.api.model.EventDef::name).toList())
						.orElse(List.of());
	}

	/**
	 * The edit that subscribes one component to an event of another ({@code on posts.PostCreated call onPostCreated}
	 * added to the subscriber's declaration, its comments and layout kept); empty when either is not in the model.
	 */
	public java.util.Optional<dev.byron.dsl.api.TextEdit> subscription(Analysis shown, String subscriber, String publisher,
			String event) {
		if (shown == null || !eventsOf(shown, publisher).contains(event)) {
			return java.util.Optional.empty();
		}
		return shown.result().model().component(subscriber).filter(def -> def.range() != null && def.range().file() != null)
				.map(def -> dev.byron.dsl.api.ModelEdits.insertMember(project.text(def.range().file().toAbsolutePath().normalize()),
						def.range(), "on " + publisher + "." + event + " call on" + event));
	}

	public static final String COMPONENT_NAME_RULE = "cannot be a component name: use " + dev.byron.dsl.api.ModelEdits.COMPONENT_NAME_RULE
			+ ".";
	public static final String ENTITY_NAME_RULE = "cannot be an entity name: use PascalCase, e.g. Invoice.";

	/**
	 * Why {@code name} cannot name a new component of the model {@code shown} stands for (its form, or a component of
	 * that name already there); empty when it can. What the name dialogs of the window and the page check as typed.
	 */
	public static java.util.Optional<String> componentNameProblem(Analysis shown, String name) {
		if (!dev.byron.dsl.api.ModelEdits.isComponentName(name)) {
			return java.util.Optional.of("'" + name + "' " + COMPONENT_NAME_RULE);
		}
		if (shown != null && shown.result().model() != null && shown.result().model().component(name).isPresent()) {
			return java.util.Optional.of("'" + name + "' is already a component of the system: choose another name.");
		}
		return java.util.Optional.empty();
	}

	/**
	 * Why {@code name} cannot name a new entity of {@code component}: its form, a type or event of that name there, or
	 * an entity or enum of that name in another component (the checks' rule: the gateway serves one schema); empty
	 * when it can.
	 */
	public static java.util.Optional<String> entityNameProblem(Analysis shown, String component, String name) {
		if (!dev.byron.dsl.api.ModelEdits.isTypeName(name)) {
			return java.util.Optional.of("'" + name + "' " + ENTITY_NAME_RULE);
		}
		if (dev.byron.dsl.api.ModelEdits.isReservedTypeName(name)) {
			return java.util.Optional.of("'" + name + "' is reserved by GraphQL or by the types Byron generates: choose another name.");
		}
		var model = shown == null ? null : shown.result().model();
		if (model != null) {
			for (var other : model.components()) {
				for (var entity : other.entities()) {
					for (var generated : dev.byron.dsl.model.Models.GENERATED_TYPE_SUFFIXES.entrySet()) {
						if (name.equals(entity.name() + generated.getKey())) {
							return java.util.Optional.of("'" + name + "' is the name of a type Byron generates for entity " + other.name()
									+ "." + entity.name() + " (" + generated.getValue() + "): choose another name.");
						}
					}
				}
			}
		}
		var owner = model == null ? null : model.component(component).orElse(null);
		boolean taken = owner != null && (owner.entities().stream().anyMatch(e -> e.name().equals(name))
				|| owner.enums().stream().anyMatch(e -> e.name().equals(name)) || owner.events().stream().anyMatch(e -> e.name().equals(name)));
		if (taken) {
			return java.util.Optional.of("'" + name + "' is already an entity, enum or event of " + component + ": choose another name.");
		}
		var elsewhere = model == null ? java.util.Optional.<dev.byron.dsl.api.model.ComponentDef>empty() : model.components().stream()
				.filter(c -> c.entities().stream().anyMatch(e -> e.name().equals(name)) || c.enums().stream().anyMatch(e -> e.name().equals(name)))
				.findFirst();
		return elsewhere.map(other -> "'" + name + "' is already a type of " + other.name() + ": entity and enum names are unique across"
				+ " components (the gateway serves one GraphQL schema), so choose another name, e.g. with " + component + "'s name as a prefix.");
	}

	/**
	 * The edit that adds a component: in a file of its own, as the examples keep them ({@code <name>.byron}, added to
	 * the project) in the folder of {@code beside} (the model file the user has in front of them, e.g. a bounded
	 * context's folder; the project's folder when it is null or not one of the project's model files), or in the main
	 * file when a file of that name exists outside the model. Empty when the name breaks {@link #COMPONENT_NAME_RULE}.
	 */
	public java.util.Optional<dev.byron.dsl.api.TextEdit> componentAddition(String name, Path beside) {
		if (!dev.byron.dsl.api.ModelEdits.isComponentName(name)) {
			return java.util.Optional.empty();
		}
		Path folder = beside != null && Project.isModel(beside) && project.files().contains(beside) ? beside.getParent() : project.folder();
		Path file = folder.resolve(name + dev.byron.dsl.api.ModelFiles.EXTENSION).toAbsolutePath().normalize();
		if (!project.files().contains(file)) {
			if (java.nio.file.Files.exists(file)) {
				file = project.mainFile(); // a file of that name that is not part of the model: leave it alone
			} else {
				project.add(file);
			}
		}
		return java.util.Optional.of(dev.byron.dsl.api.ModelEdits.appendComponent(file, project.text(file), name));
	}

	/** The edit that adds an entity (with one field to start from) to a component; empty for a bad name or component. */
	public java.util.Optional<dev.byron.dsl.api.TextEdit> entityAddition(Analysis shown, String component, String entity) {
		if (shown == null || !dev.byron.dsl.api.ModelEdits.isTypeName(entity)) {
			return java.util.Optional.empty();
		}
		return shown.result().model().component(component).filter(def -> def.range() != null && def.range().file() != null)
				.map(def -> dev.byron.dsl.api.ModelEdits.insertMember(project.text(def.range().file().toAbsolutePath().normalize()),
						def.range(), "entity " + entity + " {\n  name: String!\n}"));
	}

	/**
	 * The edits that rename a component in every file that names it (the caller makes them), its box's kept places
	 * moved to the new name, so that the box stays where the user put it; empty when the new name breaks the rule.
	 */
	public List<dev.byron.dsl.api.TextEdit> rename(String oldName, String newName) {
		List<dev.byron.dsl.api.TextEdit> edits = renaming(oldName, newName);
		if (!edits.isEmpty()) {
			String oldId = dev.byron.diagram.C4Diagrams.componentId(oldName);
			String newId = dev.byron.diagram.C4Diagrams.componentId(newName);
			keep(positions.renamed(oldId, newId));
			renamesMade.put(newId, oldId);
		}
		return edits;
	}

	/** The edits that rename a component in every file that names it; empty when the new name breaks the rule. */
	public List<dev.byron.dsl.api.TextEdit> renaming(String oldName, String newName) {
		return dev.byron.dsl.api.ModelEdits.isComponentName(newName)
				? dev.byron.dsl.api.ModelEdits.renameComponent(project.texts(), oldName, newName) : List.of();
	}

	/** The edit that deletes a component's declaration (what referred to it is then reported); empty for an unknown one. */
	public java.util.Optional<dev.byron.dsl.api.TextEdit> deletion(Analysis shown, String name) {
		return shown == null ? java.util.Optional.empty()
				: shown.result().model().component(name).filter(def -> def.range() != null && def.range().file() != null)
						.map(def -> dev.byron.dsl.api.ModelEdits.delete(project.text(def.range().file().toAbsolutePath().normalize()),
								def.range()));
	}

	// ---- the layout the user arranged ----------------------------------------------------------------

	public DiagramPositions positions() {
		return positions;
	}

	/** A box dropped away from the others: the view keeps every box where it is, and this one where it was put. */
	public void moved(LaidOutDiagram shown, String id, LaidOutDiagram.Point to) {
		keep(positions.moved(shown, id, clearSpot(shown, id, to))); // dropped on or against another box: beside it
	}

	/** The view laid out by ELK again: the places the user chose and those kept from earlier layouts are forgotten. */
	public void resetLayout(Diagram view) {
		layouts.forget(project.folder(), view);
		keep(positions.reset(view));
	}

	/** Whether laying the view out again would change it: the user placed its boxes, or they stand where an earlier layout put them. */
	public boolean canLayOutAgain(Diagram view) {
		return positions.keeps(view) || layouts.fromEarlier(project.folder(), view);
	}

	/**
	 * The views of the model as last saved, once it read without errors: the layout file keeps only what they draw.
	 * The places in memory stay whole, so that a deletion undone finds its box's place again.
	 */
	private volatile List<Diagram> savedViews;

	private void keep(DiagramPositions changed) {
		positions = changed;
		List<Diagram> views = savedViews;
		try {
			(views == null ? changed : changed.keptFor(views)).write(project.folder());
		} catch (IOException e) {
			log("Could not keep the layout in " + DiagramPositions.FILE + ": " + e.getMessage());
		}
	}

	/**
	 * Call after the project's texts were saved. Reads the saved model once, off the UI thread: when it reads without
	 * errors, the layout file drops the places of components (and their views) it no longer has, and {@code hooks/} is
	 * compiled against it, as Run would; {@code hooksFound} gets the compiler's errors and the orphaned hook classes in
	 * the project's files (nothing when the model itself has errors: those are listed already; an empty list when
	 * there is no Java code).
	 */
	public void saved(Consumer<List<ModelDiagnostic>> hooksFound) {
		var sources = project.sources();
		var code = project.javaTexts();
		checks.submit(() -> {
			dev.byron.dsl.api.LoadResult read = loader.loadSources(sources);
			boolean valid = !read.hasErrors() && read.model() != null;
			if (valid) {
				analyses.submit(() -> forgetWhatIsGone(C4Diagrams.all(read.model())));
			}
			if (code.isEmpty()) {
				ui.execute(() -> hooksFound.accept(List.of()));
			} else if (valid) {
				compileHooks(read.model(), code).ifPresent(found -> ui.execute(() -> hooksFound.accept(found)));
			}
			return null;
		});
	}

	/**
	 * The layout file written for the views of the model just saved: the places of what it no longer draws go, and those
	 * of what it draws now are written, also a box moved before its component was saved (left out until then).
	 */
	private void forgetWhatIsGone(List<Diagram> views) {
		savedViews = views;
		keep(positions);
	}

	/** Empty when the check itself could not run (logged): the problems listed stay. */
	private java.util.Optional<List<ModelDiagnostic>> compileHooks(dev.byron.dsl.api.model.ByronModel model, Map<Path, String> code) {
		try {
			if (checkWork == null) {
				checkWork = java.nio.file.Files.createTempDirectory("byron-studio-check");
			}
			var built = dev.byron.deployer.local.HookBuild.compile(project.folder(), dev.byron.generator.GenerationInput.of(model), checkWork);
			return java.util.Optional.of(built.left().stream().map(orphan -> orphan.diagnostic(code.getOrDefault(orphan.file(), ""))).toList());
		} catch (dev.byron.deployer.local.LocalRunException e) {
			return java.util.Optional.of(RunProblems.of(project.folder(), e.getMessage(), code));
		} catch (IOException | RuntimeException e) {
			log("Could not check hooks/: " + e.getMessage());
			return java.util.Optional.empty();
		}
	}

	// ---- jobs ------------------------------------------------------------------------------------

	/** Writes the generated artifacts to {@code out/} from the files on disk. */
	public void generate() {
		Path output = project.folder().resolve("out");
		var sources = project.sources();
		job("Generate", () -> {
			var result = loader.loadSources(sources);
			if (result.hasErrors()) {
				return "Nothing generated: the model has " + result.errors().size() + " error(s); see Problems.";
			}
			Generator.Report report = Generator.write(result.model(), output);
			StringBuilder text = new StringBuilder();
			report.written().forEach(f -> text.append("written: ").append(project.folder().relativize(f.toAbsolutePath())).append('\n'));
			return text.append(report.written().size()).append(" written, ").append(report.unchanged().size())
					.append(" unchanged in ").append(output).toString();
		}, () -> { });
	}

	/** Starts the system as {@code byron run} does; {@code started} gets it, {@code ended} runs whatever happened. */
	public void run(int port, Consumer<LocalSystem> started, Runnable ended) {
		if (running != null) {
			return;
		}
		Path folder = project.folder();
		job("Run", () -> {
			LocalSystem system = LocalSystem.start(folder, new LocalOptions(port, null, null),
					new PrintWriter(new LineWriter(this::log), true));
			if (closed) {
				system.close();
				return "Stopped: the studio closed while the system was starting.";
			}
			running = system;
			live = new LiveSystem(system);
			ui.execute(() -> started.accept(system));
			return "Running: GraphiQL at " + system.gatewayUrl();
		}, () -> ui.execute(ended));
	}

	public void stop(Runnable stopped) {
		LocalSystem system = running;
		running = null;
		live = null;
		if (system != null) {
			job("Stop", () -> {
				system.close();
				return "Stopped.";
			}, () -> ui.execute(stopped));
		}
	}

	public LocalSystem running() {
		return running;
	}

	/** The dead letters of a component of the running system, while it runs; empty when it is stopped or not running. */
	public java.util.Optional<dev.byron.runtime.sink.DeadLetters> deadLetters(String component) {
		LocalSystem system = running;
		if (system == null || !Boolean.TRUE.equals(system.components().get(component))) {
			return java.util.Optional.empty();
		}
		return system.instances(component).stream().filter(instance -> instance.sink() != null).findFirst()
				.map(instance -> instance.sink().deadLetters());
	}

	/** Stops or starts one component of the running system. */
	public void switchComponent(String name, boolean start, Runnable then) {
		LocalSystem system = running;
		if (system == null) {
			return;
		}
		job(start ? "Start " + name : "Stop " + name, () -> {
			if (start) {
				system.startComponent(name);
			} else {
				system.stopComponent(name);
			}
			return name + (start ? " started." : " stopped.");
		}, () -> ui.execute(then));
	}

	/** Samples the running system off the UI thread (skipped while the last sample is still being taken). */
	public void sample(Consumer<LiveSystem.Snapshot> then) {
		LiveSystem sampled = live;
		if (sampled == null || sampling.getAndSet(true)) {
			return;
		}
		sampler.submit(() -> {
			try {
				LiveSystem.Snapshot snapshot = sampled.sample();
				ui.execute(() -> {
					if (live == sampled) {
						then.accept(snapshot);
					}
				});
			} catch (RuntimeException e) {
				log("Could not read the running system's state: " + e.getMessage());
			} finally {
				sampling.set(false);
			}
		});
	}

	/** Deploys the files on disk as {@code byron deploy} does, with the progress in the log. */
	public void deploy(DeployTarget target) {
		var sources = project.sources();
		Map<String, String> env = environment;
		job("Deploy", () -> {
			var result = loader.loadSources(sources);
			if (result.hasErrors()) {
				return "Not deployed: the model has " + result.errors().size() + " error(s); see Problems. Nothing was changed.";
			}
			try (KubernetesClient client = ClusterTarget.connect(target.context(), target.kubeconfig())) {
				Deployment.deploy(client, new Deployment.Request(project.folder(), result.model(), target.namespace(),
						target.allowBreaking(), !target.buildImages() ? Deployment.Images.GIVEN
								: target.push() ? Deployment.Images.BUILD_AND_PUSH : Deployment.Images.BUILD,
						env, java.time.Duration.ofMinutes(5)), this::log);
				return "Deployed.";
			} catch (DeployException e) {
				return "Not deployed: " + e.getMessage();
			}
		}, () -> { });
	}

	/** The environment {@code env(...)} in credentials.byron reads from (tests give their own). */
	public void setEnvironment(Map<String, String> environment) {
		this.environment = environment;
	}

	private final AtomicLong going = new AtomicLong();

	private void job(String name, Job job, Runnable finallyDo) {
		going.incrementAndGet();
		ui.execute(() -> listener.busy(true));
		log(name + "\u2026");
		jobs.submit(() -> {
			try {
				String result = job.run();
				log(result);
			} catch (Exception e) {
				ui.execute(() -> listener.failed(name, e.getMessage()));
			} finally {
				finallyDo.run();
				boolean more = going.decrementAndGet() > 0;
				ui.execute(() -> listener.busy(more));
			}
		});
	}

	/**
	 * Stops the running system and lets a job in progress end (a Stop must not be interrupted half way, or its
	 * nats-server would outlive the studio); a job still going after a minute is interrupted.
	 */
	@Override
	public void close() {
		closed = true;
		LocalSystem system = running;
		running = null;
		live = null;
		if (system != null) {
			system.close();
		}
		analyses.shutdownNow();
		jobs.shutdown();
		try {
			jobs.awaitTermination(60, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		jobs.shutdownNow();
		sampler.shutdownNow();
		checks.shutdownNow();
		if (checkWork != null) {
			try {
				dev.byron.deployer.local.HookBuild.deleteTree(checkWork);
			} catch (IOException e) {
				// a temporary folder: the system cleans it up
			}
		}
	}

	/** Lines written by a running system, one call per line. */
	private static final class LineWriter extends Writer {
		private final Consumer<String> sink;
		private final StringBuilder line = new StringBuilder();

		LineWriter(Consumer<String> sink) {
			this.sink = sink;
		}

		@Override
		public synchronized void write(char[] buffer, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				if (buffer[i] == '\n') {
					sink.accept(line.toString());
					line.setLength(0);
				} else {
					line.append(buffer[i]);
				}
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	}
}
