package dev.byron.generator;

import java.util.List;

import dev.byron.runtime.api.SchemaWriter;

/** {@code components/<name>/schema.graphql}: exactly the schema the component serves. */
public final class SdlGenerator implements ArtifactGenerator {
	@Override
	public List<Artifact> generate(GenerationInput input) {
		return input.descriptors().stream()
				.map(d -> new Artifact("components/" + d.name() + "/schema.graphql", SchemaWriter.sdl(d))).toList();
	}
}
