package dev.byron.dsl.api.model;

import java.util.List;

/** An entity a component owns; {@code plural} is the English plural or the {@code @plural} override. */
public record EntityDef(String name, String plural, List<FieldDef> fields, List<AnnotationDef> annotations,
		SourceRange range) {
}
