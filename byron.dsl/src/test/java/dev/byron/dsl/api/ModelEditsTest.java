package dev.byron.dsl.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.model.SourceRange;

class ModelEditsTest {
	private static final Path FILE = Path.of("m.byron");

	private static SourceRange rangeOf(String text, String component) {
		int start = text.indexOf("component " + component);
		int end = text.indexOf("\n}", start) + 2;
		return new SourceRange(FILE, 1, 1, start, end - start);
	}

	@Test
	void insertsAMemberAtTheEndOfTheComponentKeepingComments() {
		String text = "// the shop\ncomponent orders { // owns orders\n  entity Order {\n    total: Float\n  }\n}\n\ncomponent b {\n}\n";
		TextEdit edit = ModelEdits.insertMember(text, rangeOf(text, "orders"), "on b.ThingCreated call onThing");
		assertThat(ModelEdits.apply(text, List.of(edit))).isEqualTo("// the shop\ncomponent orders { // owns orders\n"
				+ "  entity Order {\n    total: Float\n  }\n  on b.ThingCreated call onThing\n}\n\ncomponent b {\n}\n");
		String multiLine = ModelEdits.apply(text, List.of(ModelEdits.insertMember(text, rangeOf(text, "b"),
				"entity Item {\n  name: String\n}")));
		assertThat(multiLine).endsWith("component b {\n  entity Item {\n    name: String\n  }\n}\n");
	}

	@Test
	void insertsIntoAComponentWrittenOnOneLine() {
		String text = "component a { entity X { n: String } }\n";
		int length = text.length() - 1;
		TextEdit edit = ModelEdits.insertMember(FILE, text, 0, length, "replicate b.Y");
		assertThat(ModelEdits.apply(text, List.of(edit))).isEqualTo("component a { entity X { n: String } \n  replicate b.Y\n}\n");
	}

	@Test
	void appendsAComponentAndDeletesOneWithItsBlankLine() {
		String text = "system s\n\ncomponent a {\n}\n";
		String added = ModelEdits.apply(text, List.of(ModelEdits.appendComponent(FILE, text, "b")));
		assertThat(added).isEqualTo("system s\n\ncomponent a {\n}\n\ncomponent b {\n}\n");
		assertThat(ModelEdits.apply(added, List.of(ModelEdits.delete(added, rangeOf(added, "b")))))
				.isEqualTo(text);
	}

	@Test
	void deletesAComponentWithItsDocCommentAndLeavesOtherCommentsAlone() {
		String text = "system s\n\n// about the system\n\n/** Reminders sent before a visit. */\ncomponent b {\n}\n"
				+ "/*\n * Billing.\n */\ncomponent c {\n}\n";
		assertThat(ModelEdits.apply(text, List.of(ModelEdits.delete(text, rangeOf(text, "b")))))
				.isEqualTo("system s\n\n// about the system\n/*\n * Billing.\n */\ncomponent c {\n}\n");
		String undocumented = "system s\n\n/** the system */\n\ncomponent b {\n}\n";
		assertThat(ModelEdits.apply(undocumented, List.of(ModelEdits.delete(undocumented, rangeOf(undocumented, "b")))))
				.as("a doc comment a blank line away is not the component's").isEqualTo("system s\n\n/** the system */\n");
	}

	@Test
	void renamesAComponentEverywhereButInCommentsAndStrings() {
		Map<Path, String> files = new LinkedHashMap<>();
		files.put(Path.of("a.byron"), "// posts.Post is here\ncomponent posts {\n  entity Post { text: String @pattern(\"posts.X\") }\n}\n");
		files.put(Path.of("b.byron"), "component timeline {\n  replicate posts.Post { text }\n  on posts.PostCreated call fanOut\n"
				+ "  entity E { p: posts.Post, q: myposts.Post }\n}\n");
		files.put(Path.of("config.byron"), "deployment {\n  component posts { replicas: 2 }\n}\n");
		List<TextEdit> edits = ModelEdits.renameComponent(files, "posts", "articles");
		Map<Path, String> after = new LinkedHashMap<>();
		files.forEach((file, text) -> after.put(file, ModelEdits.apply(text,
				edits.stream().filter(e -> e.file().equals(file)).toList())));
		assertThat(after.get(Path.of("a.byron"))).isEqualTo(
				"// posts.Post is here\ncomponent articles {\n  entity Post { text: String @pattern(\"posts.X\") }\n}\n");
		assertThat(after.get(Path.of("b.byron"))).contains("replicate articles.Post", "on articles.PostCreated",
				"p: articles.Post, q: myposts.Post");
		assertThat(after.get(Path.of("config.byron"))).contains("component articles { replicas: 2 }");
	}
}
