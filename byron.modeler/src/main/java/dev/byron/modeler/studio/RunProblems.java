package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.Severity;

/**
 * The problems a failed Run or Generate names in the project's files (the Java compiler's
 * {@code hooks/X.java:12: error: ...} lines), as diagnostics the Problems list shows and jumps to.
 */
final class RunProblems {
	/** The code of a problem the Java compiler found in the user's code. */
	static final String CODE = "hook-compile-error";
	private static final Pattern LINE = Pattern.compile("(?m)^(\\S+\\.java):(\\d+): (error|warning): (.+)$");

	private RunProblems() {
	}

	static List<ModelDiagnostic> of(Path folder, String reason, Map<Path, String> texts) {
		List<ModelDiagnostic> found = new ArrayList<>();
		if (reason == null) {
			return found;
		}
		Matcher m = LINE.matcher(reason);
		while (m.find()) {
			Path file = folder.resolve(m.group(1)).toAbsolutePath().normalize();
			String text = texts.get(file);
			if (text == null) {
				continue; // not a file of the project (generated code): the Log has it
			}
			int line = Integer.parseInt(m.group(2));
			int offset = 0;
			for (int i = 1; i < line && offset >= 0; i++) {
				offset = text.indexOf('\n', offset) + 1;
				if (offset == 0) {
					offset = -1;
				}
			}
			if (offset < 0) {
				continue;
			}
			int end = text.indexOf('\n', offset);
			int length = (end < 0 ? text.length() : end) - offset;
			int indent = 0;
			while (indent < length && Character.isWhitespace(text.charAt(offset + indent))) {
				indent++;
			}
			// javac names what it could not find on a line of its own, after the source line and its caret
			Matcher symbol = Pattern.compile("(?m)^\\s*symbol:\\s*(.+)$").matcher(reason);
			String what = symbol.find(m.end()) && !LINE.matcher(reason.substring(m.end(), symbol.start())).find()
					? " (" + symbol.group(1).strip() + ")" : "";
			found.add(new ModelDiagnostic("error".equals(m.group(3)) ? Severity.ERROR : Severity.WARNING, file, line, indent + 1,
					offset + indent, length - indent, CODE, "javac: " + m.group(4) + what, List.of()));
		}
		return found;
	}
}
