package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.byron.diagram.C4Level;
import dev.byron.diagram.DiagramExport;
import dev.byron.diagram.DiagramPositions;
import dev.byron.diagram.LaidOutDiagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diagram", mixinStandardHelpOptions = true,
		description = { "Draw one C4 view of the model as SVG or PNG (by the file's extension), laid out automatically.",
				"Levels: context (clients and the system), containers (gateway, broker, components and the "
						+ "events between them), component (inside one component: API, Sink, Cache, entities, events, "
						+ "subscriptions)." })
final class DiagramCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", defaultValue = ".", description = "A .byron file or a project folder.")
	private Path path;

	@Option(names = { "-o", "--output" }, paramLabel = "<file.svg|file.png>", required = true,
			description = "The file to write; .svg or .png.")
	private Path output;

	@Option(names = "--level", defaultValue = "containers", paramLabel = "<level>",
			description = "context, containers or component (default: ${DEFAULT-VALUE}).")
	private String level;

	@Option(names = "--component", paramLabel = "<name>",
			description = "The component to show at the component level (default: the first one).")
	private String component;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		C4Level c4Level;
		try {
			c4Level = C4Level.parse(level);
		} catch (IllegalArgumentException e) {
			err.println("byron: unknown level '" + level + "'. Use context, containers or component.");
			return Byron.USAGE;
		}
		ValidModel model = ValidModel.load(path, out, err, "No diagram");
		if (!model.loaded()) {
			return model.exit();
		}
		try {
			Path folder = java.nio.file.Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
			DiagramPositions positions = DiagramPositions.none();
			try {
				positions = DiagramPositions.read(folder);
			} catch (java.io.IOException e) {
				err.println("byron: " + e.getMessage() + " Laid out without it.");
			}
			if (c4Level == C4Level.COMPONENT && component == null && !model.result().model().components().isEmpty()) {
				err.println("byron: no --component given: drawing " + model.result().model().components().get(0).name()
						+ ", the first; --component <name> draws another.");
			}
			LaidOutDiagram diagram = DiagramExport.export(model.result().model(), c4Level, component, positions, output);
			out.printf("written: %s (%s, %d boxes, %d arrows, %.0fx%.0f)%n", output, diagram.diagram().title(),
					diagram.diagram().nodes().size(), diagram.diagram().edges().size(), diagram.width(), diagram.height());
			out.flush();
			return Byron.OK;
		} catch (IllegalArgumentException e) {
			err.println("byron: " + e.getMessage());
			return Byron.USAGE;
		}
	}
}
