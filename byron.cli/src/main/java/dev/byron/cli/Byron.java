package dev.byron.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code byron} command. Exit codes: 0 success, 1 the model has errors, 2 usage or I/O problem. */
@Command(name = "byron", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = "Design, run and deploy event-driven microservice systems.",
		subcommands = { ValidateCommand.class, FormatCommand.class, InitCommand.class, GenerateCommand.class, DocsCommand.class, RunCommand.class, DiagramCommand.class, StudioCommand.class, DeployCommand.class, StatusCommand.class, DiffCommand.class, TraceCommand.class, RollbackCommand.class, DestroyCommand.class, LspCommand.class, CommandLine.HelpCommand.class })
public final class Byron {
	public static final int OK = 0;
	public static final int MODEL_ERRORS = 1;
	public static final int USAGE = 2;
	/** Set to any value to see the stack trace of a failure the command did not expect. */
	static final String DEBUG_VARIABLE = "BYRON_DEBUG";

	public static void main(String[] args) {
		dev.byron.dsl.GuiceStartup.configure();
		System.exit(run(args));
	}

	public static int run(String... args) {
		return commandLine().execute(args);
	}

	/** The command as users meet it: usage errors and failures as one line each on stderr, exit code 2. */
	static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new Byron());
		commandLine.setExitCodeExceptionMapper(e -> USAGE);
		commandLine.setParameterExceptionHandler((e, a) -> {
			e.getCommandLine().getErr().println("byron: " + e.getMessage());
			e.getCommandLine().getErr().println("Run 'byron " + e.getCommandLine().getCommandName() + " --help' for usage.");
			return USAGE;
		});
		commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
			failed.getErr().println("byron " + failed.getCommandName() + ": " + describe(e));
			if (System.getenv(DEBUG_VARIABLE) != null) {
				e.printStackTrace(failed.getErr());
			} else {
				failed.getErr().println("(set " + DEBUG_VARIABLE + "=1 to see where it failed)");
			}
			failed.getErr().flush();
			return USAGE;
		});
		return commandLine;
	}

	/** What went wrong, in words: the file and the reason for I/O problems, the message otherwise. */
	static String describe(Throwable e) {
		Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
		if (cause instanceof NoSuchFileException missing) {
			return "no such file or folder: " + missing.getFile();
		}
		if (cause instanceof AccessDeniedException denied) {
			return "permission denied: " + denied.getFile();
		}
		if (cause instanceof FileAlreadyExistsException exists) {
			return "in the way (it exists, and a folder or a new file is needed there): " + exists.getFile();
		}
		if (cause instanceof FileSystemException fs) {
			return fs.getFile() + ": " + (fs.getReason() == null ? "cannot be read or written" : fs.getReason());
		}
		if (cause instanceof CharacterCodingException) {
			return "a file is not UTF-8 text (" + cause.getClass().getSimpleName() + ")";
		}
		if (cause instanceof IOException && cause.getMessage() != null) {
			return cause.getMessage();
		}
		String message = cause.getMessage();
		return message == null || message.isBlank() ? "unexpected failure (" + cause.getClass().getSimpleName() + ")" : message;
	}
}
