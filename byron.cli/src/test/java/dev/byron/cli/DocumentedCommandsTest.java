package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Every {@code byron} command the README and docs/ show in a shell block is one the command line takes, with the
 * options as written; the ones that finish on their own (init, validate, generate, diagram, format) are run, in the
 * order the page gives them, on copies of the examples. The others need what a test here cannot give them (a
 * display, a cluster, a running system, Ctrl-C) and are run by their own tests: RunEndToEndTest, the deployer's
 * tests, StudioWindowTest, WebStudioTest, TraceCommandTest.
 */
class DocumentedCommandsTest {
	private static final Path ROOT = CliTest.examples().toAbsolutePath().normalize().getParent();
	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
	/** Commands that only end when stopped, or need a cluster or a display: parsed, not run here. */
	private static final List<String> NOT_RUN_HERE = List.of("run", "studio", "deploy", "status", "rollback", "destroy", "trace", "lsp");

	@TempDir
	Path work;

	record Documented(Path page, int line, List<String> args) {
		@Override
		public String toString() {
			return ROOT.relativize(page) + ":" + line + ": byron " + String.join(" ", args);
		}
	}

	@Test
	void everyDocumentedCommandIsOneTheCommandLineTakesAndTheOnesThatEndOnTheirOwnWork() throws Exception {
		List<Documented> commands = documented();
		assertThat(commands).as("the pages show commands").hasSizeGreaterThan(10);
		Files.createDirectories(work.resolve("examples"));
		for (String example : List.of("microblog", "shop", "conference")) {
			CliTest.copyExample(example, work.resolve("examples").resolve(example));
		}
		List<String> ran = new ArrayList<>();
		for (Documented command : commands) {
			CommandLine.ParseResult parsed;
			try {
				parsed = Byron.commandLine().parseArgs(command.args().toArray(String[]::new));
			} catch (CommandLine.ParameterException e) {
				throw new AssertionError(command + " does not parse: " + e.getMessage(), e);
			}
			assertThat(parsed.hasSubcommand()).as(command + " names a command").isTrue();
			String name = parsed.subcommand().commandSpec().name();
			if (NOT_RUN_HERE.contains(name) || command.args().contains("--help")) {
				continue;
			}
			List<String> here = new ArrayList<>();
			for (int i = 0; i < command.args().size(); i++) {
				String arg = command.args().get(i);
				boolean output = i > 0 && List.of("-o", "--output").contains(command.args().get(i - 1));
				here.add(output ? work.resolve(arg).toString() : inWork(arg));
			}
			CliTest.Run run = CliTest.byron(here.toArray(String[]::new));
			assertThat(run.exit()).as(command + "\n" + run.out() + run.err()).isZero();
			ran.add(name);
		}
		assertThat(ran).as("the commands that end on their own were run").contains("init", "validate", "generate", "diagram", "docs");
		assertThat(Path.of("site")).as("every output went into the test's folder").doesNotExist();
	}

	/** A path of the page's (relative to where the reader stands: the repository) moved into the test's folder. */
	private String inWork(String arg) {
		if (arg.startsWith("-") || arg.contains("://")) {
			return arg;
		}
		boolean pathLike = arg.startsWith("examples/") || arg.endsWith("/") || arg.matches(".*\\.(svg|png|byron)")
				|| Files.exists(work.resolve(arg)) || arg.equals("blog");
		return pathLike ? work.resolve(arg).toString() : arg;
	}

	/** The byron commands in the shell blocks of the README and docs/, in page order, placeholders filled. */
	private static List<Documented> documented() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		List<Documented> commands = new ArrayList<>();
		for (Path page : pages) {
			List<String> lines = Files.readAllLines(page);
			boolean shell = false;
			for (int i = 0; i < lines.size(); i++) {
				Matcher fence = FENCE.matcher(lines.get(i).trim());
				if (fence.matches()) {
					shell = !shell && List.of("bash", "sh", "shell", "console").contains(fence.group(1));
					continue;
				}
				String line = lines.get(i).replaceFirst("\\s+#.*$", "").trim();
				if (shell && (line.startsWith("./byron ") || line.startsWith("byron "))) {
					String filled = line.replaceAll("<[^>]+>", "01a2b3c4d5e6f708");
					List<String> words = new ArrayList<>(Arrays.asList(filled.split("\\s+")));
					words.remove(0);
					commands.add(new Documented(page, i + 1, words));
				}
			}
		}
		return commands;
	}

	@Test
	void theCommandsFoundAreTheOnesThePagesShow() throws Exception {
		// a guard on the extraction itself: the README's tour is found in order, with its placeholder filled
		List<Documented> readme = documented().stream().filter(c -> c.page().endsWith("README.md")).toList();
		assertThat(readme.stream().map(c -> String.join(" ", c.args())).toList()).startsWith("run examples/microblog",
				"init blog --example microblog", "validate blog");
		assertThat(Map.of("trace", readme.stream().anyMatch(c -> c.args().contains("01a2b3c4d5e6f708")))).containsEntry("trace", true);
	}
}
