package dev.byron.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.validation.AnnotationCatalog;
import dev.byron.dsl.validation.IssueCodes;

/** The README's language reference names every diagnostic code and every annotation. */
class DocumentationTest {
	@Test
	void readmeListsEveryCodeAndAnnotation() throws Exception {
		String readme = Files.readString(TestModels.examples().getParent().resolve("README.md"));
		for (String code : IssueCodes.CATALOG.keySet()) {
			assertThat(readme).as("README documents %s", code).contains("| `" + code + "` |");
		}
		for (String annotation : AnnotationCatalog.SPECS.keySet()) {
			assertThat(readme).as("README documents @%s", annotation).contains("`@" + annotation);
		}
		assertThat(readme).contains("./mvnw verify");
	}
}
