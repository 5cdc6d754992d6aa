package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.ModelLoadException;
import dev.byron.dsl.api.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
		description = { "Check a model (a .byron file or a folder of them) and print its diagnostics.",
				"Exit code: 0 valid, 1 the model has errors, 2 usage or I/O problem." })
final class ValidateCommand implements Callable<Integer> {
	enum Format {
		text, json
	}

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", description = "A .byron file or a project folder.", defaultValue = ".")
	private Path path;

	@Option(names = "--format", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "text")
	private Format format;

	@Option(names = "--strict", description = "Treat warnings as errors.")
	private boolean strict;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		LoadResult result;
		try {
			result = ByronLoader.create().load(path);
		} catch (ModelLoadException e) {
			err.println("byron: " + e.getMessage());
			return Byron.USAGE;
		}
		boolean failed = result.hasErrors()
				|| strict && result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING);
		if (format == Format.json) {
			out.println(json(result, failed));
		} else {
			Path base = Path.of("").toAbsolutePath();
			result.diagnostics().forEach(d -> out.println(d.format(base)));
			out.println(summary(result));
		}
		out.flush();
		return failed ? Byron.MODEL_ERRORS : Byron.OK;
	}

	private String summary(LoadResult result) {
		long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
		long warnings = result.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
		String files = result.sources().size() + (result.sources().size() == 1 ? " file" : " files");
		String system = result.model().system() == null ? "model" : "system " + result.model().system();
		return system + " (" + files + ", " + plural(result.model().components().size(), "component") + "): "
				+ (errors == 0 ? "valid" : plural(errors, "error")) + (warnings == 0 ? "" : ", " + plural(warnings, "warning"));
	}

	private static String plural(long count, String word) {
		return count + " " + word + (count == 1 ? "" : "s");
	}

	private String json(LoadResult result, boolean failed) throws Exception {
		Path base = Path.of("").toAbsolutePath();
		List<Map<String, Object>> diagnostics = result.diagnostics().stream().map(d -> entry(d, base)).toList();
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("valid", !failed);
		root.put("system", result.model().system());
		root.put("files", result.sources().size());
		root.put("diagnostics", diagnostics);
		return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
	}

	private static Map<String, Object> entry(ModelDiagnostic d, Path base) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("severity", d.severity().label());
		m.put("file", base.relativize(d.file().toAbsolutePath().normalize()).toString());
		m.put("line", d.line());
		m.put("column", d.column());
		m.put("offset", d.offset());
		m.put("length", d.length());
		m.put("code", d.code());
		m.put("message", d.message());
		if (!d.data().isEmpty()) {
			m.put("data", d.data());
		}
		return m;
	}
}
