package dev.byron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelLoadException;
import dev.byron.generator.diff.Change;
import dev.byron.generator.diff.ModelDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
		description = { "List what changed between two versions of a model, and who notices it.",
				"Each change for GraphQL clients and event subscribers is safe, DANGEROUS (clients may behave "
						+ "differently) or BREAKING. <old> is a folder or file, or a git revision of <new> (e.g. main, "
						+ "HEAD~1, v1.2).",
				"Exit code: 0 no breaking change, 1 breaking changes, 2 usage problem or a model with errors." })
final class DiffCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<old>", description = "The earlier model: a path, or a git revision.")
	private String old;

	@Parameters(index = "1", arity = "0..1", paramLabel = "<new>", defaultValue = ".", description = "The later model (default: .).")
	private Path current;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Path oldPath = Path.of(old);
		String oldName = old;
		if (!Files.exists(oldPath)) {
			try {
				oldPath = GitRevision.model(old, current);
				oldName = old + " (git)";
			} catch (IOException e) {
				err.println("byron: " + old + " is neither a path nor a git revision of " + current + ": " + e.getMessage());
				return Byron.USAGE;
			}
		}
		LoadResult before = load(oldPath, oldName, err);
		LoadResult after = load(current, current.toString(), err);
		if (before == null || after == null) {
			return Byron.USAGE;
		}
		// the ones that can hurt first; within a severity, in the model's order
		List<Change> changes = ModelDiff.between(before.model(), after.model()).stream()
				.sorted(java.util.Comparator.comparing(Change::severity).reversed()).toList();
		if (!changes.isEmpty()) {
			out.println("severity   notices  (api: GraphQL clients; events: subscribers of the events; both)");
		}
		changes.forEach(out::println);
		long breaking = changes.stream().filter(Change::breaking).count();
		long dangerous = changes.stream().filter(c -> c.severity() == Change.Severity.DANGEROUS).count();
		out.printf("%d changes from %s to %s: %d breaking, %d dangerous, %d safe.%n", changes.size(), oldName, current, breaking,
				dangerous, changes.size() - breaking - dangerous);
		out.flush();
		return breaking > 0 ? Byron.MODEL_ERRORS : Byron.OK;
	}

	private static LoadResult load(Path path, String name, PrintWriter err) {
		try {
			LoadResult result = ByronLoader.create().load(path);
			if (result.hasErrors()) {
				err.println("byron: the model " + name + " has " + result.errors().size() + " error(s); 'byron validate' lists them.");
				return null;
			}
			return result;
		} catch (ModelLoadException e) {
			err.println("byron: " + e.getMessage());
			return null;
		}
	}
}
