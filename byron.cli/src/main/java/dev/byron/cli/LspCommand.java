package dev.byron.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.byron.dsl.ide.ByronLanguageServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = { "Run the Byron language server on stdin/stdout (the Language Server Protocol).",
				"Editors start it; VS Code and Eclipse ship it inside their Byron extensions." })
final class LspCommand implements Callable<Integer> {
	@Option(names = "--log", description = "Write the server's log to a file in the working folder.")
	private boolean log;

	@Option(names = "--trace", description = "Also log every JSON-RPC message (with --log).")
	private boolean trace;

	@Override
	public Integer call() {
		List<String> args = new ArrayList<>();
		if (log) {
			args.add("-log");
		}
		if (trace) {
			args.add("-trace");
		}
		ByronLanguageServer.main(args.toArray(String[]::new));
		return Byron.OK;
	}
}
