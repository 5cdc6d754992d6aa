package dev.byron.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;

/** Loads models given as text through the real loader; several files are separated by a line "---". */
public final class TestModels {
	private TestModels() {
	}

	public static LoadResult load(String text) {
		List<Source> sources = new ArrayList<>();
		String[] files = text.split("\n---\n");
		for (int i = 0; i < files.length; i++) {
			sources.add(new Source(Path.of("model" + i + ".byron"), files[i]));
		}
		return ByronLoader.create().loadSources(sources);
	}

	public static Path examples() {
		Path here = Path.of("").toAbsolutePath();
		for (Path p = here; p != null; p = p.getParent()) {
			if (p.resolve("examples/microblog").toFile().isDirectory()) {
				return p.resolve("examples");
			}
		}
		throw new IllegalStateException("examples/ not found above " + here);
	}
}
