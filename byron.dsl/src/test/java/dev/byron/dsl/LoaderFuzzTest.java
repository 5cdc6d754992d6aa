package dev.byron.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.Source;

/**
 * Mutated versions of the examples (tokens and lines deleted, duplicated, swapped) go through the loader:
 * no exception may escape and every diagnostic must point at a real place in a real file.
 */
class LoaderFuzzTest {
	private static final int CASES = 2_000;
	private static final Pattern TOKEN = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|\\w+|[^\\s\\w]");

	@Test
	void mutatedExamplesNeverBreakTheLoader() throws Exception {
		List<List<Source>> projects = List.of(read("microblog"), read("shop"));
		ByronLoader loader = ByronLoader.create();
		Random random = new Random(20261122L);
		int withErrors = 0;
		for (int i = 0; i < CASES; i++) {
			List<Source> project = new ArrayList<>(projects.get(i % projects.size()));
			int victim = random.nextInt(project.size());
			Source original = project.get(victim);
			String mutated = original.text();
			int mutations = 1 + random.nextInt(3);
			StringBuilder how = new StringBuilder();
			for (int m = 0; m < mutations; m++) {
				int op = random.nextInt(6);
				how.append(op).append(' ');
				mutated = mutate(mutated, op, random);
			}
			project.set(victim, new Source(original.path(), mutated));
			String context = "case " + i + " (ops " + how + "on " + original.path() + "):\n" + mutated;
			LoadResult result;
			try {
				result = loader.loadSources(project);
			} catch (RuntimeException e) {
				throw new AssertionError("the loader threw on " + context, e);
			}
			if (result.hasErrors()) {
				withErrors++;
			}
			for (ModelDiagnostic d : result.diagnostics()) {
				Source source = project.stream().filter(s -> s.path().equals(d.file())).findFirst().orElse(null);
				assertThat(source).as("file of %s in %s", d, context).isNotNull();
				assertThat(d.line()).as("line of %s in %s", d, context).isBetween(1, source.text().split("\n", -1).length);
				assertThat(d.column()).as("column of %s in %s", d, context).isPositive();
				assertThat(d.offset()).as("offset of %s in %s", d, context).isBetween(0, source.text().length());
				assertThat(d.code()).as("code of %s in %s", d, context).isNotBlank().isNotEqualTo("internal");
				assertThat(d.message()).as("message of %s in %s", d, context).isNotBlank();
			}
		}
		assertThat(withErrors).as("the mutations really break models").isGreaterThan(CASES / 2);
	}

	private static List<Source> read(String example) throws Exception {
		List<Source> sources = new ArrayList<>();
		for (Path file : ByronLoader.files(TestModels.examples().resolve(example))) {
			sources.add(new Source(file, Files.readString(file)));
		}
		return sources;
	}

	static String mutate(String text, int op, Random random) {
		return switch (op) {
			case 0, 1, 2 -> mutateTokens(text, op, random);
			default -> mutateLines(text, op - 3, random);
		};
	}

	private static String mutateTokens(String text, int op, Random random) {
		List<int[]> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			tokens.add(new int[] { m.start(), m.end() });
		}
		if (tokens.size() < 2) {
			return text;
		}
		int i = random.nextInt(tokens.size() - 1);
		int[] a = tokens.get(i);
		int[] b = tokens.get(i + 1 + random.nextInt(Math.min(5, tokens.size() - i - 1)));
		String tokenA = text.substring(a[0], a[1]);
		String tokenB = text.substring(b[0], b[1]);
		return switch (op) {
			case 0 -> text.substring(0, a[0]) + text.substring(a[1]);
			case 1 -> text.substring(0, a[1]) + " " + tokenA + text.substring(a[1]);
			default -> text.substring(0, a[0]) + tokenB + text.substring(a[1], b[0]) + tokenA + text.substring(b[1]);
		};
	}

	private static String mutateLines(String text, int op, Random random) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		int i = random.nextInt(lines.size());
		switch (op) {
			case 0 -> lines.remove(i);
			case 1 -> lines.add(i, lines.get(i));
			default -> {
				int j = random.nextInt(lines.size());
				String line = lines.get(i);
				lines.set(i, lines.get(j));
				lines.set(j, line);
			}
		}
		return String.join("\n", lines);
	}
}
