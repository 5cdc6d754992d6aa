package dev.byron.dsl.api.model;

/** An enum value written as a bare name, e.g. {@code @default(ACTIVE)}. */
public record EnumLiteral(String name) {
}
