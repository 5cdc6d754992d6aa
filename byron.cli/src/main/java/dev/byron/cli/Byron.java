package dev.byron.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code byron} command. Exit codes: 0 success, 1 the model has errors, 2 usage or I/O problem. */
@Command(name = "byron", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = "Design, run and deploy event-driven microservice systems.",
		subcommands = { ValidateCommand.class, FormatCommand.class, InitCommand.class, GenerateCommand.class, RunCommand.class, DiagramCommand.class, StudioCommand.class, DeployCommand.class, StatusCommand.class, DiffCommand.class, TraceCommand.class, RollbackCommand.class, DestroyCommand.class, LspCommand.class, CommandLine.HelpCommand.class })
public final class Byron {
	public static final int OK = 0;
	public static final int MODEL_ERRORS = 1;
	public static final int USAGE = 2;

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String... args) {
		CommandLine commandLine = new CommandLine(new Byron());
		commandLine.setExitCodeExceptionMapper(e -> USAGE);
		commandLine.setParameterExceptionHandler((e, a) -> {
			e.getCommandLine().getErr().println("byron: " + e.getMessage());
			e.getCommandLine().getErr().println("Run 'byron " + e.getCommandLine().getCommandName() + " --help' for usage.");
			return USAGE;
		});
		return commandLine.execute(args);
	}
}
