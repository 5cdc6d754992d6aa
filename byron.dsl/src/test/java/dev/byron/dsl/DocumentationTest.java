package dev.byron.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.validation.AnnotationCatalog;
import dev.byron.dsl.validation.IssueCodes;

/** The README and docs/: the language reference names every code and annotation, and every link leads somewhere. */
class DocumentationTest {
	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
	private static final Path ROOT = TestModels.examples().getParent();

	@Test
	void theLanguageReferenceListsEveryCodeWithTheCatalogsWordsAndEveryAnnotation() throws Exception {
		String language = Files.readString(ROOT.resolve("docs/language.md"));
		IssueCodes.CATALOG.forEach((code, meaning) -> assertThat(language)
				.as("docs/language.md's row for %s says what IssueCodes.CATALOG says (one source: edit the catalog, then the row)", code)
				.contains("| `" + code + "` | " + meaning + " |"));
		for (String annotation : AnnotationCatalog.SPECS.keySet()) {
			assertThat(language).as("docs/language.md documents @%s", annotation).contains("`@" + annotation);
		}
	}

	@Test
	void theReadmeOpensWithTheTwoCommandsAndStaysShort() throws Exception {
		List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
		String opening = String.join("\n", readme.subList(0, 15));
		assertThat(opening.indexOf("./byron run examples/microblog")).isPositive().isLessThan(opening.indexOf("./mvnw verify"));
		assertThat(readme).as("the README is the door; the rest is in docs/").hasSizeLessThan(200);
	}

	@Test
	void everyRelativeLinkInTheReadmeAndDocsLeadsToAFileAndHeadingThatExist() throws Exception {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
		}
		List<String> broken = new ArrayList<>();
		for (Path page : pages) {
			String text = Files.readString(page);
			Matcher link = LINK.matcher(text);
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("[a-z]+:.*")) {
					continue; // http(s), mailto: not checked offline
				}
				int hash = target.indexOf('#');
				Path file = hash == 0 ? page : page.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
				if (!Files.exists(file)) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
				} else if (hash >= 0 && !anchors(Files.readString(file)).contains(target.substring(hash + 1))) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void everyDecisionIsListedOnTheDecisionsPage() throws Exception {
		String index = Files.readString(ROOT.resolve("docs/adr/index.md"));
		try (Stream<Path> adrs = Files.list(ROOT.resolve("docs/adr"))) {
			List<String> missing = adrs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-.*\\.md"))
					.filter(n -> !index.contains("](" + n + ")")).toList();
			assertThat(missing).as("ADRs not listed in docs/adr/index.md").isEmpty();
		}
	}

	@Test
	void theDocumentationBuildsAsASiteWithMkDocsInStrictMode() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkdocs")), "mkdocs (Debian's package) is needed to build the site");
		Process build = new ProcessBuilder("mkdocs", "build", "--strict", "--site-dir",
				ROOT.resolve("byron.dsl/target/site").toString()).directory(ROOT.toFile()).redirectErrorStream(true).start();
		String output = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(build.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
		assertThat(build.exitValue()).as(output).isZero();
		assertThat(ROOT.resolve("byron.dsl/target/site/runtime.html")).isNotEmptyFile();
	}

	/** GitHub's anchors: a heading lower-cased, punctuation dropped, spaces to hyphens. */
	private static List<String> anchors(String markdown) {
		List<String> anchors = new ArrayList<>();
		boolean fence = false;
		for (String line : markdown.split("\n")) {
			if (line.startsWith("```")) {
				fence = !fence;
			}
			if (!fence && line.startsWith("#")) {
				anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}
}
