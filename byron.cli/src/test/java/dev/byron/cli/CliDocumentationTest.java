package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Model.OptionSpec;

/** docs/cli.md names every command and every option the command line has: the code is the one source, the page follows. */
class CliDocumentationTest {
	private static final Path PAGE = Path.of("../docs/cli.md");

	@Test
	void everyCommandAndEachOfItsOptionsIsInTheCommandLinePage() throws Exception {
		String page = Files.readString(PAGE);
		List<String> missing = new ArrayList<>();
		for (var entry : Byron.commandLine().getSubcommands().entrySet()) {
			String command = entry.getKey();
			if (command.equals("help")) {
				continue;
			}
			if (!page.contains("byron " + command)) {
				missing.add("byron " + command);
			}
			for (OptionSpec option : entry.getValue().getCommandSpec().options()) {
				if (option.usageHelp() || option.versionHelp() || option.hidden()) {
					continue;
				}
				boolean named = java.util.Arrays.stream(option.names()).anyMatch(page::contains);
				if (!named) {
					missing.add("byron " + command + " " + option.longestName());
				}
			}
		}
		assertThat(missing).as("commands and options the page does not name (add them to docs/cli.md)").isEmpty();
	}
}
