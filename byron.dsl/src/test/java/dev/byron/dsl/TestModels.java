package dev.byron.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

	/** A typist's change: a character typed or deleted, a word, a line doubled or dropped, a brace. */
	public static String typistEdit(String text, Random random) {
		int at = random.nextInt(text.length() + 1);
		return switch (random.nextInt(6)) {
			case 0 -> text.substring(0, at) + "abc:{} \n\"".charAt(random.nextInt(9)) + text.substring(at);
			case 1 -> at == text.length() ? text : text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(12)));
			case 2 -> text.substring(0, at) + List.of("String", "entity ", "  note: Int\n", "accounts.", "@unique ").get(random.nextInt(5))
					+ text.substring(at);
			case 3 -> {
				int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
				int end = text.indexOf('\n', at);
				String line = text.substring(start, end < 0 ? text.length() : end + 1);
				yield random.nextBoolean() ? text.substring(0, start) + line + text.substring(start) : text.substring(0, start) + text.substring(start + line.length());
			}
			case 4 -> text.substring(0, at) + (random.nextBoolean() ? "}" : "{") + text.substring(at);
			default -> text.substring(0, at) + " " + text.substring(at);
		};
	}
}
