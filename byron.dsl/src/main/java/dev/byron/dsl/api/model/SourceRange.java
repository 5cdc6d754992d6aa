package dev.byron.dsl.api.model;

import java.nio.file.Path;

/** Where a model element is written: 1-based line and column, 0-based offset and length in characters. */
public record SourceRange(Path file, int line, int column, int offset, int length) {
}
