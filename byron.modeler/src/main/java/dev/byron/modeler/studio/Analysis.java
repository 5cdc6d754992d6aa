package dev.byron.modeler.studio;

import java.util.List;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;
import dev.byron.modeler.diagram.C4Diagrams;
import dev.byron.modeler.diagram.C4Level;
import dev.byron.modeler.diagram.DiagramLayout;
import dev.byron.modeler.diagram.LaidOutDiagram;

/** What the studio shows for one state of the text: the diagnostics and the laid-out diagram. */
public record Analysis(LoadResult result, LaidOutDiagram diagram) {

	/** Loads, checks, builds and lays out: run off the JavaFX thread. */
	public static Analysis of(ByronLoader loader, List<Source> sources, C4Level level, String component) {
		LoadResult result = loader.loadSources(sources);
		String focus = component;
		if (level == C4Level.COMPONENT && (focus == null || result.model().component(focus).isEmpty())) {
			focus = result.model().components().isEmpty() ? null : result.model().components().get(0).name();
		}
		if (level == C4Level.COMPONENT && focus == null) {
			return new Analysis(result, DiagramLayout.layout(C4Diagrams.containers(result.model())));
		}
		return new Analysis(result, DiagramLayout.layout(C4Diagrams.of(result.model(), level, focus)));
	}
}
