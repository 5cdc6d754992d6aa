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
		description = { "Open Byron Studio: the model's text beside its C4 diagram, live both ways.",
				"With Validate, Generate, Run and Stop. Needs a desktop (a display); with --web, serves it to a "
						+ "browser on this machine instead." })
final class StudioCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", defaultValue = ".", description = "A project folder or a .byron file.")
	private Path path;

	@picocli.CommandLine.Option(names = "--web", description = "Serve the studio to a browser at http://127.0.0.1:<port>/ (no display needed).")
	private boolean web;

	@picocli.CommandLine.Option(names = "--port", defaultValue = "7070", paramLabel = "<port>",
			description = "The port of --web (default: ${DEFAULT-VALUE}; 0 for any free one).")
	private int port;

	@Override
	public Integer call() {
		if (!Files.exists(path)) {
			spec.commandLine().getErr().println("byron: " + path + " does not exist. Create a project with 'byron init <dir>'.");
			return Byron.USAGE;
		}
		if (web) {
			return serve();
		}
		if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
				&& !System.getProperty("os.name").toLowerCase().contains("win")
				&& !System.getProperty("os.name").toLowerCase().contains("mac")) {
			spec.commandLine().getErr().println("byron: Byron Studio needs a display (DISPLAY is not set)."
					+ " On a server, use 'byron diagram' for pictures of the model.");
			return Byron.USAGE;
		}
		try {
			Studio.main(new String[] { path.toString() });
		} catch (RuntimeException | LinkageError e) {
			spec.commandLine().getErr().println(cannotOpen(e, gtk3Found()));
			if (System.getenv(Byron.DEBUG_VARIABLE) != null) {
				e.printStackTrace(spec.commandLine().getErr());
			}
			return Byron.USAGE;
		}
		return Byron.OK;
	}

	/** Serves the studio until the process is stopped (Ctrl+C). */
	private int serve() {
		try (dev.byron.modeler.web.WebStudio studio = dev.byron.modeler.web.WebStudio.start(
				dev.byron.modeler.studio.Project.open(path), "127.0.0.1", port)) {
			spec.commandLine().getOut().println("Byron Studio: " + studio.url() + " (answers this machine only; Ctrl+C to stop)");
			spec.commandLine().getOut().flush();
			new java.util.concurrent.CountDownLatch(1).await();
			return Byron.OK;
		} catch (java.io.IOException e) {
			spec.commandLine().getErr().println("byron: Byron Studio could not serve on port " + port + ": " + e.getMessage());
			return Byron.USAGE;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Byron.OK;
		}
	}

	/** One line for a window that could not open (JavaFX's toolkit failing to start), with what to install when that is why. */
	static String cannotOpen(Throwable failure, boolean gtk3) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return "byron: Byron Studio could not open its window: " + root.getMessage() + "."
				+ (gtk3 ? "" : " It needs GTK 3: on Debian or Ubuntu, sudo apt install libgtk-3-0.")
				+ " Run with BYRON_DEBUG=1 for the details; 'byron diagram' draws the model without a window.";
	}

	/** Whether GTK 3, which JavaFX draws with on Linux, is where Debian, Ubuntu and Fedora put it (elsewhere: assumed there). */
	private static boolean gtk3Found() {
		if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
			return true;
		}
		for (String dir : java.util.List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")) {
			if (Files.exists(Path.of(dir, "libgtk-3.so.0"))) {
				return true;
			}
		}
		return false;
	}
}
