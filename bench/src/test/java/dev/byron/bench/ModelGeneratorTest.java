package dev.byron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;

class ModelGeneratorTest {
	@Test
	void generatedModelIsValidAndAsLongAsAsked() {
		String model = ModelGenerator.model(600);
		assertThat(model.split("\n").length).isBetween(600, 700);
		LoadResult result = ByronLoader.create().loadSources(List.of(new Source(Path.of("g.byron"), model)));
		assertThat(result.diagnostics()).isEmpty();
		assertThat(result.model().components().size()).isGreaterThan(5);
	}
}
