package dev.byron.dsl.api;

import java.nio.file.Path;

/** The text of one .byron file, read from disk or held by an editor. */
public record Source(Path path, String text) {
}
