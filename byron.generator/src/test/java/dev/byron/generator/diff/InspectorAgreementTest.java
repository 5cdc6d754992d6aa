package dev.byron.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

import dev.byron.generator.Tools;
import dev.byron.runtime.api.SchemaWriter;

/**
 * {@code byron diff} and graphql-inspector (npm, pinned), the tool GraphQL teams gate schema changes with, give
 * the same verdict on every change of ModelDiffTest's catalogue that a GraphQL client can see. Changes only
 * subscribers see (events), and changes of behaviour behind an unchanged schema (@auth, @unique, @limit, @owner),
 * are Byron's alone: graphql-inspector compares schemas and cannot see them.
 */
class InspectorAgreementTest {
	private static final Path CONTRACTS = Path.of("src/test/contracts");
	private static final Map<Change.Severity, String> INSPECTOR = Map.of(Change.Severity.SAFE, "NON_BREAKING",
			Change.Severity.DANGEROUS, "DANGEROUS", Change.Severity.BREAKING, "BREAKING");

	@TempDir
	Path dir;

	@Test
	void everyChangeAClientOfOrdersCanSeeGetsTheSameVerdictFromBothTools() throws Exception {
		Tools.npmPackages(CONTRACTS, "@graphql-inspector/core");
		String before = orders(ModelDiffTest.BASE);
		List<String> disagreements = new ArrayList<>();
		int compared = 0;
		for (Arguments argument : ModelDiffTest.catalogue().toList()) {
			String name = (String) argument.get()[0];
			String model = (String) argument.get()[1];
			List<Change> seen = ModelDiffTest.diff(ModelDiffTest.BASE, model).stream()
					.filter(c -> c.area() != Change.Area.EVENTS && c.path().startsWith("orders")).toList();
			String after = model.contains("component orders") ? orders(model) : null;
			if (seen.isEmpty() || after == null || after.equals(before)) {
				continue; // nothing a GraphQL client of orders can see
			}
			compared++;
			String byron = INSPECTOR.get(seen.stream().map(Change::severity).max(Comparator.naturalOrder()).orElseThrow());
			Path a = Files.writeString(dir.resolve(compared + "-before.graphql"), before);
			Path b = Files.writeString(dir.resolve(compared + "-after.graphql"), after);
			String inspector = Tools.run(List.of("node", "inspect.mjs", a.toString(), b.toString()), CONTRACTS).output().strip();
			if (!inspector.lines().findFirst().orElse("").equals(byron)) {
				disagreements.add(name + ": byron diff says " + byron + ", graphql-inspector " + inspector);
			}
		}
		assertThat(compared).as("changes of the catalogue that a client of orders can see").isGreaterThan(10);
		assertThat(disagreements).isEmpty();
	}

	/** The GraphQL schema of the component orders in {@code model}, as it serves it. */
	private static String orders(String model) {
		return ModelDiffTest.descriptors(model).stream().filter(c -> c.name().equals("orders")).findFirst().map(SchemaWriter::sdl)
				.orElseThrow();
	}
}
