package dev.byron.dsl.linking;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import dev.byron.dsl.validation.IssueCodes;

/** Turns the parser's messages into sentences that say what was found and what to write instead. */
public class ByronSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {
	private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*)' expecting (.*)", Pattern.DOTALL);
	private static final Pattern MISSING = Pattern.compile("missing (.*) at '(.*)'", Pattern.DOTALL);
	private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*)' expecting (.*)", Pattern.DOTALL);
	/** The keywords that open a named block: met inside another block, that block was left open. */
	private static final java.util.Set<String> BLOCKS = java.util.Set.of("component", "entity", "event", "enum");
	private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'", Pattern.DOTALL);
	/** The lexer's: a character it could not read, e.g. the end of the file inside a string. */
	private static final Pattern MISMATCHED_CHARACTER = Pattern.compile("mismatched character '(.*)' expecting '(.*)'", Pattern.DOTALL);

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		String replica = replicaWithoutBrace(context.getRecognitionException());
		if (replica != null) {
			return new SyntaxErrorMessage("A replica's fields go in braces: write 'replicate " + replica + " { "
					+ context.getRecognitionException().token.getText() + ", ... }', or end the line after " + replica
					+ " to keep all of its fields.", IssueCodes.SYNTAX_ERROR);
		}
		RecognitionException error = context.getRecognitionException();
		String hyphenated = hyphenatedComponentName(error);
		if (hyphenated != null) {
			return new SyntaxErrorMessage("A component's name is " + dev.byron.dsl.api.ModelEdits.COMPONENT_NAME_RULE + ": '"
					+ hyphenated + "' cannot be one. Write '" + hyphenated.replace("-", "") + "'.", IssueCodes.SYNTAX_ERROR);
		}
		String declaration = declarationInOpenBlock(error);
		if (declaration != null) {
			return new SyntaxErrorMessage("'" + declaration + "' starts inside the block above it, which is still open: add the '}'"
					+ " that closes that block before it.", IssueCodes.SYNTAX_ERROR);
		}
		if (error != null && error.token != null && ",".equals(error.token.getText())
				&& (context.getCurrentContext() instanceof dev.byron.dsl.byron.Entity
						|| context.getCurrentContext() instanceof dev.byron.dsl.byron.Field)) {
			return new SyntaxErrorMessage("Fields are written one after the other without commas: remove the ','"
					+ " (enum values may have them, fields may not).", IssueCodes.SYNTAX_ERROR);
		}
		String keyword = error == null || error.token == null || !isName(error.token.getText()) ? null
				: dev.byron.dsl.api.LanguageReference.keywords().containsKey(error.token.getText()) ? null
						: Suggestions.closest(error.token.getText(),
								dev.byron.dsl.api.LanguageReference.keywords().keySet()).orElse(null);
		if (keyword != null) { // a keyword mistyped ('entty'): ANTLR would only ask for what may come instead
			return new SyntaxErrorMessage("Unknown word '" + error.token.getText() + "' here: did you mean '" + keyword + "'?",
					IssueCodes.SYNTAX_ERROR);
		}
		if (error != null && error.token != null && atModelsEnd(context.getDefaultMessage()) && leftOpenBefore(error)) {
			return new SyntaxErrorMessage("Unexpected " + found(error.token.getText()) + " here: a block above is still open (a '}'"
					+ " is missing, the error before this one says where), so this is read as past the model's end. Add that '}' and"
					+ " this error goes; do not remove this text.", IssueCodes.SYNTAX_ERROR);
		}
		return new SyntaxErrorMessage(rewrite(context.getDefaultMessage()), IssueCodes.SYNTAX_ERROR);
	}

	/** Whether ANTLR's message is of text after what it took for the model's end (it expected the file to end). */
	private static boolean atModelsEnd(String message) {
		if (message == null) {
			return false;
		}
		Matcher missing = MISSING.matcher(message);
		Matcher extraneous = EXTRANEOUS.matcher(message);
		return missing.matches() && "EOF".equals(missing.group(1)) || extraneous.matches() && "EOF".equals(extraneous.group(2));
	}

	/**
	 * Whether more blocks were opened than closed before the error's token: the parser's recovery closed one early, and
	 * what follows only looks stray (a '}' missing above, not this text too many).
	 */
	private static boolean leftOpenBefore(RecognitionException error) {
		if (!(error.input instanceof TokenStream tokens)) {
			return false;
		}
		int open = 0;
		for (int i = 0; i < Math.min(error.token.getTokenIndex(), tokens.size()); i++) {
			Token token = tokens.get(i);
			if (token.getChannel() != Token.HIDDEN_CHANNEL) {
				open += "{".equals(token.getText()) ? 1 : "}".equals(token.getText()) ? -1 : 0;
			}
		}
		return open > 0;
	}

	/**
	 * The entity of a {@code replicate} right before a name the parser did not expect, as in {@code replicate a.User
	 * handle, name }} (the '{' forgotten); null for any other error. ANTLR's own message would only ask for the
	 * component's closing '}'.
	 */
	private static String replicaWithoutBrace(RecognitionException error) {
		if (error == null || error.token == null || !(error.input instanceof TokenStream tokens) || !isName(error.token.getText())) {
			return null;
		}
		java.util.Deque<String> entity = new java.util.ArrayDeque<>();
		for (int i = Math.min(error.token.getTokenIndex(), tokens.size()) - 1; i >= 0 && entity.size() <= 3; i--) {
			Token before = tokens.get(i);
			if (before.getChannel() == Token.HIDDEN_CHANNEL) {
				continue;
			}
			String text = before.getText();
			if ("replicate".equals(text)) {
				return entity.size() == 3 ? String.join("", entity) : null; // a component's name, '.', an entity's
			}
			if (!".".equals(text) && !isName(text)) {
				return null;
			}
			entity.addFirst(text);
		}
		return null;
	}

	/**
	 * A declaration ({@code entity Booking}) the parser met where it was reading a field or an enum value, because
	 * the block before it lacks its '}': the error is on its name (read as a field named 'entity' without ':') or on
	 * its '{'. Null for any other error.
	 */
	private static String declarationInOpenBlock(RecognitionException error) {
		if (error == null || error.token == null || !(error.input instanceof TokenStream tokens)) {
			return null;
		}
		List<String> before = twoBefore(error, tokens);
		String found = error.token.getText();
		if (isName(found) && !before.isEmpty() && BLOCKS.contains(before.get(0))) {
			return before.get(0) + " " + found;
		}
		if ("{".equals(found) && before.size() == 2 && isName(before.get(0)) && BLOCKS.contains(before.get(1))) {
			return before.get(1) + " " + before.get(0);
		}
		return null;
	}

	/** {@code warehouse-eu} of {@code component warehouse-eu {}, met at its first '-'; null for any other error. */
	private static String hyphenatedComponentName(RecognitionException error) {
		if (error == null || error.token == null || !"-".equals(error.token.getText()) || !(error.input instanceof TokenStream tokens)) {
			return null;
		}
		List<String> before = twoBefore(error, tokens);
		if (before.size() < 2 || !isName(before.get(0)) || !"component".equals(before.get(1))) {
			return null;
		}
		StringBuilder name = new StringBuilder(before.get(0));
		for (int i = error.token.getTokenIndex(); i + 1 < tokens.size() && "-".equals(tokens.get(i).getText())
				&& isName(tokens.get(i + 1).getText()); i += 2) {
			name.append('-').append(tokens.get(i + 1).getText());
		}
		return name.toString();
	}

	/** The texts of the two tokens before the error's that are not whitespace or comments, nearest first. */
	private static List<String> twoBefore(RecognitionException error, TokenStream tokens) {
		List<String> before = new java.util.ArrayList<>();
		for (int i = Math.min(error.token.getTokenIndex(), tokens.size()) - 1; i >= 0 && before.size() < 2; i--) {
			if (tokens.get(i).getChannel() != Token.HIDDEN_CHANNEL) {
				before.add(tokens.get(i).getText());
			}
		}
		return before;
	}

	private static boolean isName(String text) {
		return text != null && text.matches("[A-Za-z_][A-Za-z0-9_]*");
	}

	static String rewrite(String message) {
		if (message == null) {
			return "Cannot read this part of the model.";
		}
		Matcher m = MISMATCHED_CHARACTER.matcher(message);
		if (m.matches()) {
			if ("<EOF>".equals(m.group(1)) && "\"".equals(m.group(2))) {
				return "A string is not closed: add its closing '\"' (without it, the rest of the file is read as the string).";
			}
			return "Unexpected character " + found(m.group(1)) + ": expected '" + m.group(2) + "' here.";
		}
		m = MISMATCHED.matcher(message);
		if (m.matches()) {
			if ("<EOF>".equals(m.group(1))) {
				return "The file ends too early: expected " + m.group(2) + " here (a block left open?).";
			}
			return "Unexpected " + found(m.group(1)) + ": expected " + m.group(2) + " here.";
		}
		m = MISSING.matcher(message);
		if (m.matches()) {
			if ("EOF".equals(m.group(1))) {
				return straySince(m.group(2));
			}
			return "Missing " + m.group(1) + " before " + found(m.group(2)) + ".";
		}
		m = EXTRANEOUS.matcher(message);
		if (m.matches() && "EOF".equals(m.group(2))) {
			return straySince(m.group(1));
		}
		if (m.matches()) {
			return "Unexpected " + found(m.group(1)) + ": remove it or write " + m.group(2) + " here.";
		}
		m = NO_VIABLE.matcher(message);
		if (m.matches()) {
			return "Cannot read " + found(m.group(1))
					+ " here: check for a typo, a missing ':' between a name and its type, or an unclosed '{'.";
		}
		return message;
	}

	/** Text after the model's end, as ANTLR sees it: most often a '}' too many. */
	private static String straySince(String token) {
		if ("system".equals(token)) { // a declaration typed or pasted above it, or a second one
			return "'system' comes first in its file, once: move the system line above every declaration (and keep one).";
		}
		return "}".equals(token) ? "Unexpected '}': it closes a block that is closed already (or was never opened); remove it or add"
				+ " the '{' it belongs to." : "Unexpected " + found(token) + " after the end of the model: remove it.";
	}

	private static String found(String token) {
		return "<EOF>".equals(token) ? "the end of the file" : "'" + token.replace("\n", "\\n") + "'";
	}
}
