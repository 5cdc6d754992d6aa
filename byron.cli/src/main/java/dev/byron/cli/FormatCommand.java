package dev.byron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.ModelFormatter;
import dev.byron.dsl.api.ModelLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "format", mixinStandardHelpOptions = true,
		description = { "Format .byron files in place (a file or every file below a folder).",
				"Files with syntax errors are left as they are. With --check nothing is written and the exit "
						+ "code is 1 when a file is not formatted." })
final class FormatCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", defaultValue = ".", description = "A .byron file or a folder.")
	private Path path;

	@Option(names = "--check", description = "Only report files that are not formatted.")
	private boolean check;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		List<Path> files;
		try {
			files = ByronLoader.files(path);
		} catch (ModelLoadException e) {
			spec.commandLine().getErr().println("byron: " + e.getMessage());
			return Byron.USAGE;
		}
		ModelFormatter formatter = ModelFormatter.create();
		List<Path> changed = new ArrayList<>();
		for (Path file : files) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			String formatted = formatter.format(text);
			if (!formatted.equals(text)) {
				changed.add(file);
				if (!check) {
					Files.writeString(file, formatted, StandardCharsets.UTF_8);
				}
			}
		}
		for (Path file : changed) {
			out.println((check ? "not formatted: " : "formatted: ") + file);
		}
		out.flush();
		return check && !changed.isEmpty() ? Byron.MODEL_ERRORS : Byron.OK;
	}
}
