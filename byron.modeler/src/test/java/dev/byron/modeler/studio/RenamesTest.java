package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ModelEdits;
import dev.byron.dsl.api.TextEdit;

/** F2 in the studio renames as the language server does: the name and every reference, in every file. */
class RenamesTest {
	private static final Path EXAMPLES = Path.of(System.getProperty("byron.examples", "../examples"));

	@Test
	void anEntityIsRenamedInEveryFileIncludingTheCommandsNamedAfterIt() throws Exception {
		Project project = Project.open(EXAMPLES.resolve("microblog"));
		Map<Path, String> texts = project.texts();
		Path accounts = project.folder().resolve("accounts.byron");
		Renames renames = new Renames(new LanguageServices());
		int offset = texts.get(accounts).indexOf("User {") + 1;
		assertThat(renames.at(texts, accounts, offset)).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("User"));
		assertThat(renames.at(texts, accounts, texts.get(accounts).indexOf("component accounts") + 2)).as("a keyword").isEmpty();

		List<TextEdit> edits = renames.rename(texts, accounts, offset, "Account");
		assertThat(edits).extracting(TextEdit::file).contains(accounts, project.folder().resolve("posts.byron"),
				project.folder().resolve("social.byron"));
		String after = ModelEdits.apply(texts.get(project.folder().resolve("posts.byron")),
				edits.stream().filter(e -> e.file().equals(project.folder().resolve("posts.byron"))).toList());
		assertThat(after).contains("author: accounts.Account!", "replicate accounts.Account {").doesNotContain("accounts.User");
		assertThat(ModelEdits.apply(texts.get(accounts), edits.stream().filter(e -> e.file().equals(accounts)).toList()))
				.contains("entity Account {", "before createAccount call normalizeHandle");
	}

	@Test
	void aRenameTheChecksWouldRefuseIsRefusedWithTheirReason() throws Exception {
		Project project = Project.open(EXAMPLES.resolve("microblog"));
		Map<Path, String> texts = project.texts();
		Path posts = project.folder().resolve("posts.byron");
		Renames renames = new Renames(new LanguageServices());
		int offset = texts.get(posts).indexOf("component posts") + "component p".length();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> renames.rename(texts, posts, offset, "accounts"))
				.isInstanceOf(org.eclipse.lsp4j.jsonrpc.ResponseErrorException.class)
				.hasMessageStartingWith("Cannot rename to 'accounts': Component 'accounts' is declared 2 times");
	}
}
