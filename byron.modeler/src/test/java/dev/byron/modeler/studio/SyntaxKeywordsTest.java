package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The language's keywords live in three places that must agree: the grammar (Byron.xtext, the source), the
 * TextMate grammar VS Code colours with, and the studio's highlighter. A keyword added to the grammar and
 * forgotten in either of the others fails here.
 */
class SyntaxKeywordsTest {
	private static final Path ROOT = Path.of("..");

	private static TreeSet<String> grammarKeywords() throws Exception {
		String grammar = Files.readString(ROOT.resolve("byron.dsl/src/main/java/dev/byron/dsl/Byron.xtext"));
		TreeSet<String> keywords = new TreeSet<>();
		Matcher keyword = Pattern.compile("'([a-z][a-z-]*)'").matcher(grammar);
		while (keyword.find()) {
			keywords.add(keyword.group(1));
		}
		return keywords;
	}

	@Test
	void theStudioHighlightsExactlyTheGrammarsKeywords() throws Exception {
		TreeSet<String> highlighted = new TreeSet<>(SyntaxHighlighter.KEYWORDS);
		highlighted.addAll(SyntaxHighlighter.CONSTANTS);
		assertThat(highlighted).isEqualTo(grammarKeywords());
	}

	@Test
	void theTextMateGrammarMatchesEveryKeywordOfTheGrammar() throws Exception {
		String textMate = Files.readString(ROOT.resolve("byron.dsl.ide/vscode/syntaxes/byron.tmLanguage.json"));
		List<String> patterns = new ArrayList<>();
		Matcher pattern = Pattern.compile("\"(?:match|begin)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(textMate);
		while (pattern.find()) {
			patterns.add(pattern.group(1));
		}
		assertThat(patterns).hasSizeGreaterThan(5);
		List<String> missing = grammarKeywords().stream()
				.filter(k -> patterns.stream().noneMatch(p -> Pattern.compile("(?<![A-Za-z-])" + Pattern.quote(k) + "(?![A-Za-z-])")
						.matcher(p).find()))
				.toList();
		assertThat(missing).as("keywords of Byron.xtext that no TextMate pattern matches").isEmpty();
	}
}
