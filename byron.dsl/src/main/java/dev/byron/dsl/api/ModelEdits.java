package dev.byron.dsl.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.byron.dsl.api.model.SourceRange;

/**
 * Model changes as small text edits, so that everything else in the files (comments, blank lines, the
 * user's layout) stays as it was: what quick fixes and the modeler's diagram edits apply.
 */
public final class ModelEdits {
	private ModelEdits() {
	}

	/**
	 * Adds a member line ({@code entity ...}, {@code replicate ...}, {@code on ...}) at the end of the
	 * component written at {@code offset}/{@code length} of {@code text}, indented one level deeper.
	 */
	public static TextEdit insertMember(Path file, String text, int offset, int length, String member) {
		int closingBrace = text.lastIndexOf('}', offset + length - 1);
		int lineStart = text.lastIndexOf('\n', closingBrace - 1) + 1;
		String indent = indentOf(text, offset) + "  ";
		String indented = indent + member.replace("\n", "\n" + indent);
		if (!text.substring(lineStart, closingBrace).isBlank()) {
			return new TextEdit(file, closingBrace, 0, "\n" + indented + "\n" + indentOf(text, offset));
		}
		return new TextEdit(file, lineStart, 0, indented + "\n");
	}

	public static TextEdit insertMember(String text, SourceRange component, String member) {
		return insertMember(component.file(), text, component.offset(), component.length(), member);
	}

	/** A new, empty component at the end of a file. */
	public static TextEdit appendComponent(Path file, String text, String name) {
		String separator = text.isEmpty() ? "" : text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
		return new TextEdit(file, text.length(), 0, separator + "component " + name + " {\n}\n");
	}

	/** Removes an element's text together with its line ending and the blank line before it, if any. */
	public static TextEdit delete(String text, SourceRange range) {
		int start = docCommentBefore(text, range.offset());
		int end = range.offset() + range.length();
		int lineStart = text.lastIndexOf('\n', start - 1) + 1;
		if (text.substring(lineStart, start).isBlank()) {
			start = lineStart;
		}
		if (end < text.length() && text.charAt(end) == '\n') {
			end++;
		}
		if (start >= 2 && text.charAt(start - 1) == '\n' && text.charAt(start - 2) == '\n') {
			start--;
		}
		return new TextEdit(range.file(), start, end - start, "");
	}

	/**
	 * Where a declaration starting at {@code start} begins with its doc comment: the {@code /** ... *\/} right above
	 * it (nothing but white space and one line break between) is the declaration's and goes with it.
	 */
	private static int docCommentBefore(String text, int start) {
		int at = start;
		while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t')) {
			at--;
		}
		if (at > 0 && text.charAt(at - 1) == '\n') {
			at--;
			if (at > 0 && text.charAt(at - 1) == '\r') {
				at--;
			}
		}
		while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t')) {
			at--;
		}
		if (at < 2 || !text.startsWith("*/", at - 2)) {
			return start;
		}
		int opened = text.lastIndexOf("/**", at - 2);
		return opened >= 0 && text.indexOf("*/", opened + 2) == at - 2 ? opened : start;
	}

	/**
	 * Renames a component in every file: its declaration, the {@code component name} sections of the
	 * deployment, and every qualified reference {@code name.Something}. Comments and strings are left alone.
	 */
	public static List<TextEdit> renameComponent(Map<Path, String> files, String oldName, String newName) {
		Pattern declaration = Pattern.compile("\\bcomponent\\s+(" + Pattern.quote(oldName) + ")(?![A-Za-z0-9_-])");
		Pattern qualified = Pattern.compile("(?<![A-Za-z0-9_.-])(" + Pattern.quote(oldName) + ")\\.[A-Za-z_]");
		List<TextEdit> edits = new ArrayList<>();
		for (Map.Entry<Path, String> file : files.entrySet()) {
			String code = blankCommentsAndStrings(file.getValue());
			for (Pattern pattern : List.of(declaration, qualified)) {
				Matcher matcher = pattern.matcher(code);
				while (matcher.find()) {
					edits.add(new TextEdit(file.getKey(), matcher.start(1), oldName.length(), newName));
				}
			}
		}
		return edits;
	}

	/** Applies edits of one file, in any order. */
	public static String apply(String text, List<TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> Integer.compare(b.offset(), a.offset()));
		StringBuilder result = new StringBuilder(text);
		for (TextEdit edit : sorted) {
			result.replace(edit.offset(), edit.offset() + edit.length(), edit.text());
		}
		return result.toString();
	}

	/** The longest name a component may have: its Kubernetes names add suffixes to it ({@code -api}, {@code -sink}). */
	public static final int MAX_COMPONENT_NAME = 50;
	/**
	 * What a component's name may be, the one rule the checker, the studio's dialogs and the docs state: it becomes
	 * Kubernetes names, a Java package and a prefix of GraphQL names, and a name of the language ('-' is not one).
	 */
	public static final String COMPONENT_NAME_RULE = "lower-case letters and digits, starting with a letter, at most "
			+ MAX_COMPONENT_NAME + " characters";

	/** Whether a name can be a component name ({@link #COMPONENT_NAME_RULE}) or a type name (PascalCase). */
	public static boolean isComponentName(String name) {
		return name != null && name.length() <= MAX_COMPONENT_NAME && name.matches("[a-z][a-z0-9]*");
	}

	public static boolean isTypeName(String name) {
		return name != null && name.matches("[A-Z][A-Za-z0-9]*");
	}

	private static final java.util.Set<String> RESERVED_TYPES = java.util.Set.of("Query", "Mutation", "Subscription", "PageInfo",
			"Node", "String", "Int", "Float", "Boolean", "ID", "DateTime", "Long", "JSON", "Upload");

	/** Whether a type name is GraphQL's or one of the types Byron's schemas always have, which no entity or enum may take. */
	public static boolean isReservedTypeName(String name) {
		return name != null && (name.startsWith("__") || RESERVED_TYPES.contains(name));
	}

	/** The text with comments and string contents replaced by spaces: offsets stay, matches skip them. */
	static String blankCommentsAndStrings(String text) {
		char[] chars = text.toCharArray();
		int i = 0;
		while (i < chars.length) {
			if (chars[i] == '/' && i + 1 < chars.length && chars[i + 1] == '/') {
				while (i < chars.length && chars[i] != '\n') {
					chars[i++] = ' ';
				}
			} else if (chars[i] == '/' && i + 1 < chars.length && chars[i + 1] == '*') {
				while (i < chars.length && !(chars[i] == '*' && i + 1 < chars.length && chars[i + 1] == '/')) {
					if (chars[i] != '\n') {
						chars[i] = ' ';
					}
					i++;
				}
				for (int k = 0; k < 2 && i < chars.length; k++) {
					chars[i++] = ' ';
				}
			} else if (chars[i] == '"') {
				i++;
				while (i < chars.length && chars[i] != '"' && chars[i] != '\n') {
					if (chars[i] == '\\' && i + 1 < chars.length) {
						chars[i++] = ' ';
					}
					chars[i++] = ' ';
				}
				i++;
			} else {
				i++;
			}
		}
		return new String(chars);
	}

	private static String indentOf(String text, int offset) {
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		int end = lineStart;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(lineStart, end);
	}
}
