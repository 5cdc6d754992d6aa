package dev.byron.runtime.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GraphQL errors as components and the gateway answer them: always with {@code extensions.code}. */
public final class GraphQLErrors {
	private GraphQLErrors() {
	}

	/** graphql-java prints a literal as its AST node ({@code StringValue{value='x'}}); users wrote {@code "x"}. */
	private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern
			.compile("\\b(String|Int|Float|Boolean|Enum|Null)Value\\{(?:value|name)=('?)(.*?)\\2\\}");

	private static final java.util.regex.Pattern AST_TYPES = java.util.regex.Pattern
			.compile("Expected an AST type of '(\\w+?)Value' but it was a '(\\w+?)Value'");

	/** One error; {@code path} may be null. */
	/** graphql-java prints the whole input object's syntax tree before naming the fields it lacks. */
	private static final java.util.regex.Pattern MISSING_FIELDS = java.util.regex.Pattern.compile(
			"(?s)argument '([^']+)' with value '.*' is missing required fields '\\[([^\\]]*)\\]'");

	/** graphql-java prints an input object or list as its whole syntax tree before saying what is wrong with it. */
	private static final java.util.regex.Pattern TREE = java.util.regex.Pattern.compile("(?s) with value '(?:Object|Array)Value\\{.*\\}'");

	/** graphql-java names the Java class a variable's value was read as ({@code LinkedHashMap}); users sent JSON. */
	private static final java.util.regex.Pattern JAVA_KIND = java.util.regex.Pattern.compile("but it was an? '(\\w+)'");

	/** The same for an input object's variable: {@code Expected type 'Map' but was 'Integer'}. */
	private static final java.util.regex.Pattern JAVA_TYPES = java.util.regex.Pattern.compile("Expected type '(\\w+)' but was '(\\w+)'");

	private static final Map<String, String> JSON_KINDS = Map.ofEntries(Map.entry("LinkedHashMap", "an object"),
			Map.entry("HashMap", "an object"), Map.entry("Map", "an object"), Map.entry("ArrayList", "a list"), Map.entry("List", "a list"),
			Map.entry("Double", "a number"), Map.entry("Float", "a number"), Map.entry("Integer", "a number"), Map.entry("Long", "a number"),
			Map.entry("BigDecimal", "a number"), Map.entry("BigInteger", "a number"), Map.entry("Boolean", "a boolean"),
			Map.entry("String", "a string"));

	public static Map<String, Object> error(String message, ErrorCode code, List<Object> path) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", readable(message));
		if (path != null) {
			error.put("path", path);
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		error.put("extensions", extensions);
		return error;
	}

	/** A message with the literals as the client wrote them, not as the parser's node classes print them. */
	public static String readable(String message) {
		if (message == null) {
			return null;
		}
		message = message.strip(); // graphql-java ends some of its messages with a space
		if (message.indexOf("Value") >= 0) {
			message = MISSING_FIELDS.matcher(message).replaceAll("argument '$1' is missing the required input fields [$2]");
			message = TREE.matcher(message).replaceAll("");
			message = AST_TYPES.matcher(message).replaceAll("expected a literal of type $1, not $2");
			message = LITERAL.matcher(message).replaceAll(literal -> java.util.regex.Matcher.quoteReplacement(
					literal.group(1).equals("String") ? "\"" + literal.group(3) + "\"" : literal.group(3)));
		}
		message = JAVA_TYPES.matcher(message).replaceAll(types -> "Expected " + jsonKind(types.group(1)) + " but it was "
				+ jsonKind(types.group(2))).replace("must be an instance of type 'Map'", "must be JSON objects");
		return JAVA_KIND.matcher(message).replaceAll(kind -> "but it was " + jsonKind(kind.group(1)));
	}

	/** How a JSON client names a value graphql-java names by its Java class. */
	private static String jsonKind(String javaClass) {
		return JSON_KINDS.getOrDefault(javaClass, "another kind of value");
	}

	/** A response that is only this error. */
	public static Map<String, Object> response(ErrorCode code, String message) {
		return Map.of("errors", List.of(error(message, code, null)));
	}

	/**
	 * A copy of an error with a code: errors graphql-java raises itself (syntax, unknown fields, wrong types)
	 * get VALIDATION, and its own classification is dropped.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> withCode(Object error) {
		Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) error);
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (copy.get("extensions") instanceof Map<?, ?> existing) {
			extensions.putAll((Map<String, Object>) existing);
		}
		if ("NullValueInNonNullableField".equals(extensions.get("classification")) && copy.get("path") instanceof List<?> path
				&& !path.isEmpty()) {
			// not the client's doing: what is stored (or a resolver's answer) lacks a field the model requires
			String at = "/" + path.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("/")).replaceAll("/(\\d+)", "[$1]");
			copy.put("message", "The stored data has no value for '" + path.get(path.size() - 1) + "' at " + at + ", which the model"
					+ " requires: an entity stored before the field was required has none (give the field a @default or make it"
					+ " optional: docs/runtime.md, Changing the model while data exists), or a resolver returned none.");
			extensions.putIfAbsent("code", ErrorCode.INTERNAL.name());
		}
		extensions.putIfAbsent("code", ErrorCode.VALIDATION.name());
		extensions.remove("classification");
		if (copy.get("message") instanceof String message) {
			copy.put("message", readable(message));
		}
		copy.put("extensions", extensions);
		return copy;
	}
}
