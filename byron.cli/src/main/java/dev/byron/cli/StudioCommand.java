package dev.byron.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.byron.modeler.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "studio", mixinStandardHelpOptions = true,
		description = { "Open Byron Studio on a project: the model text beside its C4 diagram, live both ways,",
				"with Validate, Generate, Run and Stop. Needs a desktop (a display)." })
final class StudioCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<path>", defaultValue = ".", description = "A project folder or a .byron file.")
	private Path path;

	@Override
	public Integer call() {
		if (!Files.exists(path)) {
			spec.commandLine().getErr().println("byron: " + path + " does not exist. Create a project with 'byron init <dir>'.");
			return Byron.USAGE;
		}
		if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
				&& !System.getProperty("os.name").toLowerCase().contains("win")
				&& !System.getProperty("os.name").toLowerCase().contains("mac")) {
			spec.commandLine().getErr().println("byron: Byron Studio needs a display (DISPLAY is not set)."
					+ " On a server, use 'byron diagram' for pictures of the model.");
			return Byron.USAGE;
		}
		Studio.main(new String[] { path.toString() });
		return Byron.OK;
	}
}
