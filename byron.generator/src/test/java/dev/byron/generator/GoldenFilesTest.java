package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every artifact of both examples equals its golden copy in {@code src/test/resources/golden}. After an
 * intended change, regenerate them with {@code ./mvnw -pl byron.generator test -Dbyron.golden.update=true}
 * and review the diff.
 */
class GoldenFilesTest {
	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@ParameterizedTest
	@ValueSource(strings = { "microblog", "shop" })
	void artifactsMatchTheirGoldenCopies(String example) throws Exception {
		List<Artifact> artifacts = Generator.artifacts(GeneratorTest.load(example).model());
		Path folder = GOLDEN.resolve(example);
		if (Boolean.getBoolean("byron.golden.update")) {
			for (Artifact artifact : artifacts) {
				Path file = folder.resolve(artifact.path());
				Files.createDirectories(file.getParent());
				Files.writeString(file, artifact.content(), StandardCharsets.UTF_8);
			}
		}
		for (Artifact artifact : artifacts) {
			Path golden = folder.resolve(artifact.path());
			assertThat(golden).as("golden copy of %s", artifact.path()).exists();
			assertThat(artifact.content()).as(artifact.path()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
		}
		try (Stream<Path> files = Files.walk(folder)) {
			assertThat(files.filter(Files::isRegularFile).count()).as("no stale golden files").isEqualTo(artifacts.size());
		}
	}
}
