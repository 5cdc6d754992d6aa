package dev.byron.dsl.api.model;

/**
 * A field, parameter or result type. Lists have kind {@code LIST} and an {@code element}; references to
 * entities and enums name their owning {@code component}. {@code name} is null when the type did not resolve.
 */
public record TypeDef(Kind kind, String name, String component, boolean required, TypeDef element) {
	public enum Kind {
		SCALAR, ENUM, ENTITY, LIST, UNRESOLVED
	}

	/** The type as written in GraphQL SDL, e.g. {@code [String!]!}. */
	public String sdl() {
		String base = kind == Kind.LIST ? "[" + element.sdl() + "]" : String.valueOf(name);
		return required ? base + "!" : base;
	}
}
