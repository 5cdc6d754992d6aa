package dev.byron.dsl.api.model;

import java.util.List;

public record EnumDef(String name, List<String> values, SourceRange range) {
}
