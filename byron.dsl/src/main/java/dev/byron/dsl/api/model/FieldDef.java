package dev.byron.dsl.api.model;

import java.util.List;
import java.util.Optional;

/** A field of an entity or an event payload. */
public record FieldDef(String name, TypeDef type, List<AnnotationDef> annotations, SourceRange range) {
	public Optional<AnnotationDef> annotation(String annotationName) {
		return annotations.stream().filter(a -> a.name().equals(annotationName)).findFirst();
	}
}
