package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated contracts of all three examples, checked by the tools their users run (npm, pinned): graphql-js's
 * {@code validateSchema} on every GraphQL schema, {@code @asyncapi/parser} on every AsyncAPI document. No error and
 * no warning passes.
 */
class ContractToolsTest {
	private static final Path CHECKS = Path.of("src/test/contracts");

	@TempDir
	Path out;

	@Test
	void graphqlJsAndTheAsyncApiParserFindNothingInAnyGeneratedContract() throws Exception {
		Tools.npmPackages(CHECKS, "@asyncapi/parser");
		List<String> command = new ArrayList<>(List.of("node", "check.mjs"));
		for (String example : List.of("microblog", "shop", "conference")) {
			Generator.write(KubernetesManifestsTest.example(example), out.resolve(example));
			try (Stream<Path> files = Files.walk(out.resolve(example).resolve("components"))) {
				files.map(Path::toString).filter(f -> f.endsWith("schema.graphql") || f.endsWith("asyncapi.json")).sorted()
						.forEach(command::add);
			}
		}
		assertThat(command).hasSizeGreaterThan(20);
		Tools.Run check = Tools.run(command, CHECKS);
		assertThat(check.output().lines().filter(l -> l.startsWith("ok ")).count()).as(check.output())
				.isEqualTo(command.size() - 2);
		assertThat(check.exit()).as(check.output()).isZero();
	}
}
