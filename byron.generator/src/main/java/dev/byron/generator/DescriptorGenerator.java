package dev.byron.generator;

import java.util.List;

import dev.byron.runtime.descriptor.Descriptors;

/** {@code components/<name>/descriptor.json}: what the component's service runs. */
public final class DescriptorGenerator implements ArtifactGenerator {
	@Override
	public List<Artifact> generate(GenerationInput input) {
		return input.descriptors().stream()
				.map(d -> new Artifact("components/" + d.name() + "/descriptor.json", Descriptors.toJson(d))).toList();
	}
}
