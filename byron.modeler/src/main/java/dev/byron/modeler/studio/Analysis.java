package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.Source;
import dev.byron.generator.HookImplementations;
import dev.byron.diagram.C4Diagrams;
import dev.byron.diagram.C4Level;
import dev.byron.diagram.Diagram;
import dev.byron.diagram.LaidOutDiagram;

/**
 * What the studio shows for one state of the texts: the model's diagnostics, the hooks the model names that the
 * Java code in {@code hooks/} lacks (checked once the model itself has no error), and the laid-out diagram.
 */
public record Analysis(LoadResult result, List<HookImplementations.Gap> gaps, LaidOutDiagram diagram) {

	/**
	 * Loads, checks, builds and lays out: run off the JavaFX thread. {@code layout} lays the view out (the studio's
	 * keeps the last layout of each view: a view whose picture did not change is not laid out again).
	 */
	public static Analysis of(ByronLoader.Reader reader, List<Source> sources, Map<Path, String> java, C4Level level, String component,
			java.util.function.Function<Diagram, LaidOutDiagram> layout) {
		return drawn(reader, sources, java, level, component, layout).checked();
	}

	/**
	 * The view of the texts laid out before they are checked: a page shows it first and lists the problems after, as
	 * the checks take a quarter of reading a model.
	 */
	public static Drawn drawn(ByronLoader.Reader reader, List<Source> sources, Map<Path, String> java, C4Level level, String component,
			java.util.function.Function<Diagram, LaidOutDiagram> layout) {
		ByronLoader.Read read = reader.read(sources);
		dev.byron.dsl.api.model.ByronModel model = read.model();
		String focus = component;
		if (level == C4Level.COMPONENT && (focus == null || model.component(focus).isEmpty())) {
			focus = model.components().isEmpty() ? null : model.components().get(0).name();
		}
		Diagram diagram = level == C4Level.COMPONENT && focus == null ? C4Diagrams.containers(model) : C4Diagrams.of(model, level, focus);
		return new Drawn(read, java, layout.apply(diagram));
	}

	/** A view laid out from texts not checked yet ({@link #drawn}); {@link #checked} checks them, once. */
	public static final class Drawn {
		private final ByronLoader.Read read;
		private final Map<Path, String> java;
		private final LaidOutDiagram diagram;

		private Drawn(ByronLoader.Read read, Map<Path, String> java, LaidOutDiagram diagram) {
			this.read = read;
			this.java = java;
			this.diagram = diagram;
		}

		public dev.byron.dsl.api.model.ByronModel model() {
			return read.model();
		}

		public LaidOutDiagram diagram() {
			return diagram;
		}

		private Analysis checked;

		/**
		 * The model's diagnostics, then the hooks {@code hooks/} lacks (looked for once the model has no error);
		 * checked the first time it is asked (two pages may ask of one drawing).
		 */
		public synchronized Analysis checked() {
			if (checked == null) {
				LoadResult result = read.check();
				List<HookImplementations.Gap> gaps = result.hasErrors() ? List.of() : HookImplementations.find(result.model(), java);
				checked = new Analysis(result, gaps, diagram);
			}
			return checked;
		}
	}

	/** Everything the Problems list and the underlines show: the model's diagnostics, then the missing hooks. */
	public List<ModelDiagnostic> diagnostics() {
		List<ModelDiagnostic> all = new ArrayList<>(result.diagnostics());
		gaps.forEach(gap -> all.add(gap.diagnostic()));
		return all;
	}

	/** The gap a diagnostic of {@link #diagnostics()} reports, if it reports one. */
	public Optional<HookImplementations.Gap> gap(ModelDiagnostic diagnostic) {
		return gaps.stream().filter(gap -> gap.diagnostic().equals(diagnostic)).findFirst();
	}
}
