package dev.byron.dsl.linking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import dev.byron.dsl.validation.IssueCodes;

/** Turns the parser's messages into sentences that say what was found and what to write instead. */
public class ByronSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {
	private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*)' expecting (.*)", Pattern.DOTALL);
	private static final Pattern MISSING = Pattern.compile("missing (.*) at '(.*)'", Pattern.DOTALL);
	private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*)' expecting (.*)", Pattern.DOTALL);
	private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'", Pattern.DOTALL);

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		return new SyntaxErrorMessage(rewrite(context.getDefaultMessage()), IssueCodes.SYNTAX_ERROR);
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		return new SyntaxErrorMessage(context.getDefaultMessage(), IssueCodes.SYNTAX_ERROR);
	}

	static String rewrite(String message) {
		if (message == null) {
			return "Cannot read this part of the model.";
		}
		Matcher m = MISMATCHED.matcher(message);
		if (m.matches()) {
			return "Unexpected " + found(m.group(1)) + ": expected " + m.group(2) + " here.";
		}
		m = MISSING.matcher(message);
		if (m.matches()) {
			return "Missing " + m.group(1) + " before " + found(m.group(2)) + ".";
		}
		m = EXTRANEOUS.matcher(message);
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

	private static String found(String token) {
		return "<EOF>".equals(token) ? "the end of the file" : "'" + token.replace("\n", "\\n") + "'";
	}
}
