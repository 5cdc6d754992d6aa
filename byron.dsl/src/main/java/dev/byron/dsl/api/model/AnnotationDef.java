package dev.byron.dsl.api.model;

import java.util.Map;

/**
 * An annotation with its arguments by parameter name (an unnamed argument is bound to the annotation's
 * positional parameter). Values are String, Long, BigDecimal, Boolean, {@link EnumLiteral}, List, or null.
 */
public record AnnotationDef(String name, Map<String, Object> arguments) {
}
