package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.byron.deployer.local.RunData;
import dev.byron.deployer.local.TraceFiles;
import dev.byron.runtime.trace.TraceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "trace", mixinStandardHelpOptions = true,
		description = { "Print a trace of the local run (byron run) as a tree.",
				"The gateway, each component's request, command and append, and every Sink that handled the "
						+ "event, with durations. Without an id, list the newest traces. Every GraphQL answer names its "
						+ "trace in extensions.traceId.",
				"Exit code: 0 printed, 1 no such trace, 2 usage problem." })
final class TraceCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<trace-id>", description = "A trace id, or its first characters.")
	private String traceId;

	@Option(names = { "-p", "--project" }, defaultValue = ".", description = "The project folder of the run (default: .).")
	private Path project;

	@Option(names = "--last", defaultValue = "20", description = "How many traces to list without an id (default: 20).")
	private int last;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Path file = TraceFiles.of(RunData.prepare(project, err::println));
		if (!Files.exists(file)) {
			err.println("byron: no traces in " + project.toAbsolutePath().normalize() + ": start the system with 'byron run "
					+ project + "' and send it a request.");
			return Byron.USAGE;
		}
		TraceTree traces = TraceTree.read(file);
		if (traceId == null) {
			traces.summaries(last).forEach(out::println);
			return Byron.OK;
		}
		List<String> matching = traces.matching(traceId);
		if (matching.isEmpty()) {
			err.println("byron: no trace " + traceId + " in " + file + ". 'byron trace' lists the newest.");
			return Byron.MODEL_ERRORS;
		}
		if (matching.size() > 1) {
			err.println("byron: " + traceId + " names " + matching.size() + " traces; give more characters.");
			return Byron.USAGE;
		}
		out.print(traces.render(matching.get(0)));
		out.flush();
		return Byron.OK;
	}
}
