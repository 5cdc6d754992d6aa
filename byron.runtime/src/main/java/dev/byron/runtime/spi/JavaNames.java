package dev.byron.runtime.spi;

import java.util.Set;

/**
 * How a model's names become Java names in the generated records, enums and hook interfaces: unchanged,
 * except where Java reserves the name, which gets a trailing {@code _} ({@code abstract} becomes
 * {@code abstract_}). GraphQL, events and the maps hooks see keep the model's names. The one rule for the
 * generator and for {@link Values}, which maps enum constants back.
 */
public final class JavaNames {
	private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
			"char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
			"float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
			"package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
			"synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null",
			"_");
	/** Methods every generated record or hook interface already has, with a fixed signature. */
	private static final Set<String> TAKEN_MEMBERS = Set.of("getClass", "hashCode", "equals", "toString", "notify",
			"notifyAll", "wait", "clone", "finalize", "toMap", "fromMap", "hooks");

	private JavaNames() {
	}

	/** A name as a Java identifier: a package segment, a parameter, an enum constant. */
	public static String identifier(String name) {
		return RESERVED.contains(name) ? name + "_" : name;
	}

	/** A name as a method of a generated type: a record component, a hook or resolver method. */
	public static String member(String name) {
		return RESERVED.contains(name) || TAKEN_MEMBERS.contains(name) ? name + "_" : name;
	}

	/** The model's name of a Java identifier made by {@link #identifier}. */
	public static String modelName(String identifier) {
		if (identifier.endsWith("_") && RESERVED.contains(identifier.substring(0, identifier.length() - 1))) {
			return identifier.substring(0, identifier.length() - 1);
		}
		return identifier;
	}
}
