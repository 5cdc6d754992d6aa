package dev.byron.generator;

/** One generated file: its path relative to the output folder and its text. */
public record Artifact(String path, String content) {
}
