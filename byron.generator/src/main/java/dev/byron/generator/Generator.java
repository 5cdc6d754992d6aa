package dev.byron.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.byron.dsl.api.model.ByronModel;

/**
 * Runs every artifact generator on a model. Output is deterministic (the same model gives byte-identical
 * files) and only files whose content changed are written.
 */
public final class Generator {
	private static final List<ArtifactGenerator> GENERATORS = List.of(new DescriptorGenerator(), new SdlGenerator(), new AsyncApiGenerator(), new JavaGenerator(), new GatewayConfigGenerator(),
			new OverviewGenerator(), new dev.byron.generator.kubernetes.KubernetesGenerator());

	/** What one generation did: the files written and the files already up to date. */
	public record Report(List<Path> written, List<Path> unchanged) {
	}

	public static List<Artifact> artifacts(ByronModel model) {
		GenerationInput input = GenerationInput.of(model);
		List<Artifact> artifacts = new ArrayList<>();
		for (ArtifactGenerator generator : GENERATORS) {
			artifacts.addAll(generator.generate(input));
		}
		artifacts.sort(Comparator.comparing(Artifact::path));
		return artifacts;
	}

	public static Report write(ByronModel model, Path outputDir) throws IOException {
		List<Path> written = new ArrayList<>();
		List<Path> unchanged = new ArrayList<>();
		for (Artifact artifact : artifacts(model)) {
			Path file = outputDir.resolve(artifact.path());
			byte[] bytes = artifact.content().getBytes(StandardCharsets.UTF_8);
			if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
				unchanged.add(file);
				continue;
			}
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
			written.add(file);
		}
		return new Report(List.copyOf(written), List.copyOf(unchanged));
	}

	private Generator() {
	}
}
