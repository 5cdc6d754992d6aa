package dev.byron.dsl.api.model;

import java.util.List;

/** A custom query or mutation, resolved by the user's code in hooks/. */
public record OperationDef(Kind kind, String name, List<ParameterDef> parameters, TypeDef type,
		List<AnnotationDef> annotations, SourceRange range) {
	public enum Kind {
		QUERY, MUTATION
	}

	/** A parameter; {@code defaultValue} follows the value conventions of {@link AnnotationDef}. */
	public record ParameterDef(String name, TypeDef type, Object defaultValue) {
	}
}
