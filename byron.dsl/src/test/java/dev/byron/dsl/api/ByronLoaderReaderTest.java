package dev.byron.dsl.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.TestModels;

/** {@link ByronLoader.Reader}, which reads a project again where it changed, against the same texts read afresh. */
class ByronLoaderReaderTest {
	private final ByronLoader loader = ByronLoader.create();

	@Test
	void aProjectEditedFileByFileReadsAsTheSameModelWithTheSameProblemsAsItsTextsReadAfresh() throws IOException {
		List<Source> shipped = sources("microblog");
		List<Source> project = new ArrayList<>(shipped);
		ByronLoader.Reader reader = loader.reader();
		Random random = new Random(20261203L);
		for (int i = 0; i < 200; i++) {
			int file = random.nextInt(project.size());
			Source source = project.get(file);
			String text = i % 20 == 19 ? shipped.get(file).text() : TestModels.typistEdit(source.text(), random);
			project.set(file, new Source(source.path(), text));
			ByronLoader.Read read = reader.read(List.copyOf(project));
			LoadResult afresh = loader.loadSources(List.copyOf(project));
			String context = "edit " + i + " of " + source.path().getFileName() + ":\n" + text;
			assertThat(read.model()).as(context).isEqualTo(afresh.model());
			assertThat(read.check().diagnostics()).as(context).isEqualTo(afresh.diagnostics());
		}
	}

	@Test
	void aFileAddedAndOneDroppedAreReadAsAfresh() throws IOException {
		List<Source> project = new ArrayList<>(sources("microblog"));
		ByronLoader.Reader reader = loader.reader();
		reader.read(List.copyOf(project));
		Source posts = project.stream().filter(s -> s.path().endsWith("posts.byron")).findFirst().orElseThrow();
		project.remove(posts);
		project.add(new Source(posts.path().resolveSibling("posts2.byron"), posts.text().replace("component posts", "component posts2")));
		ByronLoader.Read read = reader.read(List.copyOf(project));
		LoadResult afresh = loader.loadSources(List.copyOf(project));
		assertThat(read.model()).isEqualTo(afresh.model());
		assertThat(read.check().diagnostics()).isEqualTo(afresh.diagnostics());
		assertThat(read.model().component("posts")).isEmpty();
		assertThat(read.model().component("posts2")).isPresent();
	}

	@Test
	void aReadCheckedAfterALaterOneIsCheckedAsItsOwnTexts() throws IOException {
		List<Source> project = new ArrayList<>(sources("microblog"));
		ByronLoader.Reader reader = loader.reader();
		List<Source> first = List.copyOf(project);
		ByronLoader.Read valid = reader.read(first);
		int posts = project.indexOf(project.stream().filter(s -> s.path().endsWith("posts.byron")).findFirst().orElseThrow());
		project.set(posts, new Source(project.get(posts).path(), project.get(posts).text().replace("accounts.User!", "accounts.Usr!")));
		ByronLoader.Read broken = reader.read(List.copyOf(project));
		assertThat(broken.check().hasErrors()).isTrue();
		assertThat(valid.check().diagnostics()).as("the first texts' problems, not the later ones'")
				.isEqualTo(loader.loadSources(first).diagnostics()).noneMatch(d -> d.message().contains("Usr"));
	}

	private static List<Source> sources(String example) throws IOException {
		List<Source> sources = new ArrayList<>();
		try (var files = Files.list(TestModels.examples().resolve(example))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".byron")).sorted().toList()) {
				sources.add(new Source(file, Files.readString(file)));
			}
		}
		return sources;
	}
}
