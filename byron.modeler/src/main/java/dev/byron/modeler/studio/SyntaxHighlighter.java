package dev.byron.modeler.studio;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Token classes for the editor, the same ones the TextMate grammar gives VS Code. */
public final class SyntaxHighlighter {
	/** The grammar's keywords (SyntaxKeywordsTest holds them to Byron.xtext and the TextMate grammar). */
	static final List<String> KEYWORDS = List.of("system", "component", "entity", "enum", "event", "events", "replicate", "on",
			"call", "before", "after", "by", "query", "mutation", "deployment", "credentials", "env", "per-operation", "per-entity",
			"per-field");
	static final List<String> CONSTANTS = List.of("true", "false", "null");
	static final List<String> SCALARS = List.of("String", "Int", "Float", "Boolean", "ID", "DateTime");

	/** The word lists of each token class, for editors that highlight on their own (the web studio's). */
	public static java.util.Map<String, List<String>> tokenClasses() {
		return java.util.Map.of("keyword", KEYWORDS, "scalar", SCALARS, "constant", CONSTANTS);
	}

	private static final Pattern TOKENS = Pattern.compile(String.join("|",
			"(?<comment>//[^\\n]*|/\\*(?s:.*?)\\*/)",
			"(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"?)",
			"(?<annotation>@[A-Za-z_][A-Za-z0-9_]*)",
			"(?<keyword>\\b(?:" + String.join("|", KEYWORDS) + ")\\b)",
			"(?<scalar>\\b(?:" + String.join("|", SCALARS) + ")\\b)",
			"(?<constant>\\b(?:" + String.join("|", CONSTANTS) + ")\\b|-?\\b[0-9]+(?:\\.[0-9]+)?\\b)",
			"(?<type>\\b[A-Z][A-Za-z0-9_]*\\b)"));
	private static final List<String> GROUPS = List.of("comment", "string", "annotation", "keyword", "scalar", "constant",
			"type");

	private SyntaxHighlighter() {
	}

	static StyleSpans<Collection<String>> highlight(String text) {
		StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
		Matcher matcher = TOKENS.matcher(text);
		int last = 0;
		while (matcher.find()) {
			String group = GROUPS.stream().filter(g -> matcher.group(g) != null).findFirst().orElseThrow();
			spans.add(Collections.emptyList(), matcher.start() - last);
			spans.add(List.of("token-" + group), matcher.end() - matcher.start());
			last = matcher.end();
		}
		spans.add(Collections.emptyList(), text.length() - last);
		return spans.create();
	}
}
