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
	public static Analysis of(ByronLoader loader, List<Source> sources, Map<Path, String> java, C4Level level, String component,
			java.util.function.Function<Diagram, LaidOutDiagram> layout) {
		LoadResult result = loader.loadSources(sources);
		List<HookImplementations.Gap> gaps = result.hasErrors() ? List.of() : HookImplementations.find(result.model(), java);
		String focus = component;
		if (level == C4Level.COMPONENT && (focus == null || result.model().component(focus).isEmpty())) {
			focus = result.model().components().isEmpty() ? null : result.model().components().get(0).name();
		}
		Diagram diagram = level == C4Level.COMPONENT && focus == null ? C4Diagrams.containers(result.model())
				: C4Diagrams.of(result.model(), level, focus);
		return new Analysis(result, gaps, layout.apply(diagram));
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
