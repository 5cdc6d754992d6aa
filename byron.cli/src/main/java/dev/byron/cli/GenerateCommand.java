package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.byron.generator.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write what the system is made of: schemas, descriptors, Java and Kubernetes files.",
				"Per component its descriptor, GraphQL schema, AsyncAPI document and Java; for the system the "
						+ "gateway's configuration, a README overview and the Kubernetes manifests. Deterministic; only "
						+ "changed files are written. A model with errors writes nothing." })
final class GenerateCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", defaultValue = ".", description = "A .byron file or a project folder.")
	private Path path;

	@Option(names = { "-o", "--output" }, paramLabel = "<dir>", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
	private Path output;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		ValidModel model = ValidModel.load(path, out, spec.commandLine().getErr(), "Nothing generated");
		if (!model.loaded()) {
			return model.exit();
		}
		Generator.Report report = Generator.write(model.result().model(), output);
		report.written().forEach(f -> out.println("written: " + f));
		out.println(report.written().size() + " written, " + report.unchanged().size() + " unchanged in " + output);
		out.flush();
		return Byron.OK;
	}
}
