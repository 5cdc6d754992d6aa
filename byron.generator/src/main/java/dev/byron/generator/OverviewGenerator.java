package dev.byron.generator;

import java.util.List;
import java.util.Map;

/** {@code README.md}: the system at a glance: components, what they own, publish and subscribe to. */
public final class OverviewGenerator implements ArtifactGenerator {
	@Override
	public List<Artifact> generate(GenerationInput input) {
		return List.of(new Artifact("README.md", Templates.render("overview.md.ftl",
				Map.of("system", input.model().system() == null ? "system" : input.model().system(),
						"components", input.model().components()))));
	}
}
