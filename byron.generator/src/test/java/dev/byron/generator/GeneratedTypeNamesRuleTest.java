package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.model.Models;
import dev.byron.runtime.api.SchemaWriter;
import graphql.schema.idl.SchemaParser;

/**
 * The GraphQL types generated for an entity are named twice: in the language (which names a declared type may not
 * take, `Models.GENERATED_TYPE_SUFFIXES`) and in the runtime (the schema it writes, `SchemaWriter`), which must not
 * read models. This ties them: the schema of a component holds its entity's type, the types the checker keeps
 * names clear for, and the schema's own fixed types, nothing else.
 */
class GeneratedTypeNamesRuleTest {
	@Test
	void theCheckerKeepsClearEveryTypeNameTheSchemaGeneratesForAnEntity() {
		var loaded = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron"), """
				system s
				component readings {
				  entity Reading { value: Float! }
				}
				""")));
		assertThat(loaded.errors()).isEmpty();
		var descriptor = GenerationInput.of(loaded.model()).descriptors().get(0);
		Set<String> written = new TreeSet<>(new SchemaParser().parse(SchemaWriter.sdl(descriptor)).types().keySet());
		Set<String> expected = new TreeSet<>(List.of("Reading", "PageInfo", "Query", "Mutation"));
		Models.GENERATED_TYPE_SUFFIXES.keySet().forEach(suffix -> expected.add("Reading" + suffix));
		assertThat(written).isEqualTo(expected);
	}
}
