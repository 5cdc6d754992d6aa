package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;
import dev.byron.runtime.spi.GeneratedRecord;

/**
 * Names that Java reserves are fine names in a model (GraphQL and events take them as they are): the
 * generated Java escapes them, compiles, and maps them back to the model's names.
 */
class JavaKeywordNamesTest {
	private static final String MODEL = """
			system new
			component class {
			  entity Paper {
			    abstract: String
			    new: Boolean
			    default: Int
			    package: String
			    enum: Kind
			    hashCode: Int
			  }
			  enum Kind { default, NEW }
			  event Published {
			    final: ID!
			  }
			  query drafts(static: String): [Paper!]!
			  mutation default(package: ID!): Paper!
			  before createPaper call hashCode
			  after updatePaper call toString
			}
			component public {
			  entity Note { text: String }
			  on class.Published call notify
			}
			""";

	@TempDir
	Path out;

	@Test
	void fieldsEventsParametersHooksComponentsAndEnumValuesNamedLikeJavaKeywordsGenerateJavaThatCompiles() throws Exception {
		LoadResult loaded = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron"), MODEL)));
		assertThat(loaded.errors()).isEmpty();
		GeneratorTest.compileGeneratedJava(loaded.model(), out);

		assertThat(out.resolve("java/byron/new_/class_/ClassHooks.java")).content()
				.contains("byron.new_.class_.Paper hashCode_(byron.new_.class_.Paper state, CommandHookContext context)")
				.contains(".command(\"hashCode\", ctx -> ")
				.contains("void toString_(byron.new_.class_.Paper state, CommandHookContext context)")
				.contains("java.util.List<byron.new_.class_.Paper> drafts(String static_, ResolverContext context)")
				.contains("byron.new_.class_.Paper default_(String package_, ResolverContext context)");
		assertThat(out.resolve("java/byron/new_/public_/PublicHooks.java")).content()
				.contains("void notify_(byron.new_.class_.Published event, EventHookContext context)");

		try (URLClassLoader classes = new URLClassLoader(new java.net.URL[] { out.resolve("classes").toUri().toURL() },
				getClass().getClassLoader())) {
			Class<?> paper = classes.loadClass("byron.new_.class_.Paper");
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("id", "p1");
			state.put("abstract", "On names");
			state.put("new", true);
			state.put("default", 3);
			state.put("package", "java.lang");
			state.put("enum", "default");
			state.put("hashCode", 7);
			GeneratedRecord record = (GeneratedRecord) paper.getMethod("fromMap", Map.class).invoke(null, state);
			assertThat(paper.getMethod("abstract_").invoke(record)).isEqualTo("On names");
			assertThat(paper.getMethod("enum_").invoke(record).toString()).isEqualTo("default_");
			assertThat(record.toMap()).as("the model's names, values as the model writes them").isEqualTo(state);
		}
	}

	@Test
	void theReservedNamesAreJavasOwnKeywordsAndLiterals() {
		for (String word : List.of("abstract", "class", "new", "default", "package", "enum", "final", "static", "_", "true",
				"null", "record", "var", "yield", "sealed", "permits", "switch", "goto", "const", "strictfp")) {
			boolean reserved = javax.lang.model.SourceVersion.isKeyword(word, javax.lang.model.SourceVersion.RELEASE_17);
			assertThat(dev.byron.runtime.spi.JavaNames.identifier(word)).as(word).isEqualTo(reserved ? word + "_" : word);
		}
	}
}
