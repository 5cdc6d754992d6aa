package dev.byron.dsl.api;

import java.nio.file.Path;
import java.util.List;

/**
 * One problem in a model, where it is (1-based line and column, 0-based offset and length), a stable
 * {@code code} and a message that says how to fix it. {@code data} carries the rule's suggestion(s),
 * for quick fixes.
 */
public record ModelDiagnostic(Severity severity, Path file, int line, int column, int offset, int length, String code,
		String message, List<String> data) {

	/** The form compilers use, {@code file:line:column: error: message [code]}, which editors and CI link. */
	public String format(Path base) {
		Path shown = base == null || file == null ? file : relativize(base, file);
		return shown + ":" + line + ":" + column + ": " + severity.label() + ": " + message + " [" + code + "]";
	}

	private static Path relativize(Path base, Path file) {
		try {
			Path relative = base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
			return relative.startsWith("..") ? file : relative;
		} catch (IllegalArgumentException e) {
			return file;
		}
	}
}
