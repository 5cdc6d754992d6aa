package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.generator.docs.DocsSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "docs", mixinStandardHelpOptions = true,
		description = { "Write the system's catalogue as a static site.",
				"Its pictures, a page per component and per event (who publishes it, who listens and what each "
						+ "does), the GraphQL and AsyncAPI contracts, and a search. Plain HTML: open index.html from the "
						+ "folder, or publish it on any static host." })
final class DocsCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", defaultValue = ".", description = "A .byron file or a project folder.")
	private Path path;

	@Option(names = { "-o", "--output" }, paramLabel = "<dir>", defaultValue = "site", description = "Output folder (default: ${DEFAULT-VALUE}).")
	private Path output;

	@Option(names = "--since", paramLabel = "<revision>",
			description = "Add a page of what changed since this git revision (or earlier model folder), as byron diff "
					+ "classifies it.")
	private String since;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		ValidModel model = ValidModel.load(path, out, spec.commandLine().getErr(), "No catalogue written");
		if (!model.loaded()) {
			return model.exit();
		}
		Map<Path, String> texts = DocsSite.texts(path);
		DocsSite.Since changes = null;
		if (since != null) {
			Path earlier = Files.exists(Path.of(since)) ? Path.of(since) : GitRevision.model(since, path);
			var before = ByronLoader.create().load(earlier);
			if (before.hasErrors()) {
				spec.commandLine().getErr().println("byron: the model at " + since + " has " + before.errors().size()
						+ " error(s), so what changed since cannot be told; no catalogue written.");
				return Byron.USAGE;
			}
			changes = new DocsSite.Since(since, dev.byron.generator.diff.ModelDiff.between(before.model(), model.result().model()));
		}
		int written = DocsSite.write(model.result().model(), texts, changes, output);
		out.println(written + " files written in " + output + ": open " + output.resolve("index.html"));
		out.flush();
		return Byron.OK;
	}
}
