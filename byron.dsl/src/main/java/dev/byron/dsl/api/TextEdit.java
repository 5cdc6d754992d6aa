package dev.byron.dsl.api;

import java.nio.file.Path;

/** A change to one file's text: replace {@code length} characters at {@code offset} with {@code text}. */
public record TextEdit(Path file, int offset, int length, String text) {
}
