package dev.byron.generator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.byron.dsl.api.CataloguePages.PAGES;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.EntityDef;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.FieldDef;

/** The catalogue of each example: everything of the model on its page, every link of the site leading somewhere. */
class DocsSiteTest {
	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
	private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

	@TempDir
	Path site;

	private static ByronModel write(String example, Path site) throws Exception {
		Path project = Path.of("../examples", example);
		LoadResult result = ByronLoader.create().load(project);
		assertThat(result.hasErrors()).isFalse();
		DocsSite.write(result.model(), DocsSite.texts(project), site);
		return result.model();
	}

	@ParameterizedTest
	@ValueSource(strings = { "microblog", "shop", "conference" })
	void everyComponentEntityFieldEventAndConsumerIsOnItsPage(String example) throws Exception {
		ByronModel model = write(example, site);
		String index = Files.readString(site.resolve("index.html"));
		for (ComponentDef component : model.components()) {
			assertThat(index).contains("href=\"" + PAGES.component(component.name()) + "\"");
			String page = Files.readString(site.resolve(PAGES.component(component.name())));
			for (EntityDef entity : component.entities()) {
				assertThat(page).contains("id=\"entity-" + entity.name() + "\"");
				for (FieldDef field : entity.fields()) {
					assertThat(page).as(component.name() + "." + entity.name() + "." + field.name()).contains("<code>" + field.name() + "</code>");
				}
			}
			component.replicas().forEach(replica -> assertThat(page).contains("href=\"../" + PAGES.entity(replica.component(), replica.entity()) + "\""));
			component.reactions().forEach(reaction -> assertThat(page).contains(reaction.hook()));
			for (EventDef event : component.events()) {
				String id = component.name() + "." + event.name();
				assertThat(page).contains("href=\"../" + PAGES.event(component.name(), event.name()) + "\"");
				String eventPage = Files.readString(site.resolve(PAGES.event(component.name(), event.name())));
				assertThat(eventPage).as("its CloudEvents example").contains("&quot;type&quot; : &quot;" + id + "&quot;");
				for (ComponentDef other : model.components()) {
					boolean replicates = event.entity() != null && other.replicas().stream()
							.anyMatch(r -> r.component().equals(component.name()) && r.entity().equals(event.entity()));
					boolean reacts = other.reactions().stream()
							.anyMatch(r -> r.component().equals(component.name()) && r.event().equals(event.name()));
					if (replicates || reacts) {
						assertThat(eventPage).as(other.name() + " consumes " + id).contains("href=\"../" + PAGES.component(other.name()) + "\"");
					}
				}
			}
		}
		assertThat(index).as("the containers picture links each box to its component's page").contains("<a href=\"components/"
				+ model.components().get(0).name() + ".html\"><g class=\"node");
	}

	@ParameterizedTest
	@ValueSource(strings = { "microblog", "shop", "conference" })
	void everyLinkOfTheSiteLeadsToAFileAndAnchorThatExist(String example) throws Exception {
		write(example, site);
		List<String> broken = new ArrayList<>();
		int links = 0;
		try (Stream<Path> pages = Files.walk(site)) {
			for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher link = LINK.matcher(Files.readString(page));
				while (link.find()) {
					links++;
					String target = link.group(1);
					String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
					Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
					if (!Files.isRegularFile(resolved)) {
						broken.add(site.relativize(page) + " -> " + target);
					} else if (target.contains("#") && !ids(resolved).contains(target.substring(target.indexOf('#') + 1))) {
						broken.add(site.relativize(page) + " -> " + target + " (no such anchor)");
					}
				}
			}
		}
		assertThat(links).isGreaterThan(50);
		assertThat(broken).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "microblog", "shop", "conference" })
	void everyPageValidatesWithHtmlValidatesRecommendedRules(String example) throws Exception {
		Path checks = Path.of("src/test/contracts");
		dev.byron.generator.Tools.npmPackages(checks, "html-validate");
		write(example, site);
		dev.byron.generator.Tools.Run run = dev.byron.generator.Tools.run(List.of("node", "html.mjs", site.toAbsolutePath().toString()), checks);
		assertThat(run.exit()).as(run.output()).isZero();
		var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.output().lines().reduce((a, b) -> b).orElseThrow());
		assertThat(report.path("files").asInt()).isGreaterThan(5);
		assertThat(report.path("errors").toString()).isEqualTo("[]");
	}

	@org.junit.jupiter.api.Test
	void annotationsEnumsAndReferencesReadAsTheModelWritesThem() throws Exception {
		write("microblog", site);
		String accounts = Files.readString(site.resolve("components/accounts.html"));
		assertThat(accounts).contains("<code>@default(ACTIVE)</code>", "<code>@default(&quot;now&quot;)</code>", "id=\"enum-AccountStatus\"",
				"<code>SUSPENDED</code>", "id=\"rules\"", "<dt><code>@unique</code></dt>").doesNotContain("EnumLiteral");
		assertThat(Files.readString(site.resolve("events/accounts.UserCreated.html")))
				.as("an enum field's example holds one of its values").contains("&quot;status&quot; : &quot;ACTIVE&quot;");
		assertThat(Files.readString(site.resolve("components/posts.html"))).as("a reference leads to its entity")
				.contains("<a href=\"../components/accounts.html#entity-User\"><code>accounts.User!</code></a>");
		assertThat(Files.readString(site.resolve("search-index.js"))).contains("\"name\" : \"AccountStatus\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "microblog" })
	void theSearchIndexFindsAFieldByNameAndLeadsToItsEntity(String example) throws Exception {
		write(example, site);
		String index = Files.readString(site.resolve("search-index.js"));
		assertThat(index).startsWith("window.BYRON_SEARCH = ").contains("\"name\" : \"handle\"")
				.contains("\"page\" : \"components/accounts.html#entity-User\"");
	}

	@org.junit.jupiter.api.Test
	void inChromiumThePagesOpenFromTheFileSystemAndTheSearchLeadsToTheFieldsEntity() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
				"Chromium is not installed here (.ci/run installs it)");
		Path checks = Path.of("src/test/contracts");
		dev.byron.generator.Tools.npmPackages(checks, "puppeteer-core");
		write("microblog", site);
		Path screenshots = Files.createDirectories(Path.of("target/screenshots")).toAbsolutePath();
		dev.byron.generator.Tools.Run run = dev.byron.generator.Tools.run(List.of("node", "pictures.mjs", site.toAbsolutePath().toString(),
				screenshots.toString(), "posts", "posts.PostCreated", "handle"), checks);
		assertThat(run.exit()).as(run.output()).isZero();
		var seen = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.output().lines().reduce((a, b) -> b).orElseThrow());
		assertThat(seen.path("errors").toString()).isEqualTo("[]");
		assertThat(seen.path("found").get(0).path("text").asText()).isEqualTo("handle");
		assertThat(seen.path("landedOn").asText()).isEqualTo("components/accounts.html#entity-User");
		for (String picture : List.of("docs-index.png", "docs-component.png", "docs-event.png", "docs-search.png")) {
			assertThat(Files.size(screenshots.resolve(picture))).as(picture).isGreaterThan(10_000);
		}
	}

	@org.junit.jupiter.api.Test
	void withAnEarlierVersionAPageListsWhatChangedAsByronDiffClassifiesIt() throws Exception {
		Path project = Path.of("../examples/microblog");
		Map<Path, String> texts = new LinkedHashMap<>(DocsSite.texts(project));
		ByronModel before = ByronLoader.create().load(project).model();
		Path accounts = project.resolve("accounts.byron").toAbsolutePath().normalize();
		texts.put(accounts, texts.get(accounts).replaceFirst("\\n\\s*bio: [^\\n]*", ""));
		LoadResult after = ByronLoader.create().loadSources(texts.entrySet().stream()
				.map(e -> new dev.byron.dsl.api.Source(e.getKey(), e.getValue())).toList());
		assertThat(after.hasErrors()).isFalse();
		var changes = dev.byron.generator.diff.ModelDiff.between(before, after.model());
		DocsSite.write(after.model(), texts, new DocsSite.Since("v1", changes), site);
		assertThat(Files.readString(site.resolve("index.html"))).contains("<a href=\"changes.html\">What changed since v1</a>");
		assertThat(Files.readString(site.resolve("changes.html"))).contains("Changes since v1", "<td>BREAKING</td>", "bio");
		assertThat(Files.readString(site.resolve("components/accounts.html"))).doesNotContain("<code>bio</code>");
	}

	private static List<String> ids(Path page) throws Exception {
		List<String> ids = new ArrayList<>();
		Matcher id = ID.matcher(Files.readString(page));
		while (id.find()) {
			ids.add(id.group(1));
		}
		return ids;
	}
}
