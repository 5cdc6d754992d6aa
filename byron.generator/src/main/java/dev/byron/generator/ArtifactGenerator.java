package dev.byron.generator;

import java.util.List;

/** Writes one kind of artifact for a whole system. */
public interface ArtifactGenerator {
	List<Artifact> generate(GenerationInput input);
}
