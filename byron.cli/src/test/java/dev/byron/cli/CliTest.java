package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** The byron command as a user runs it: its exit codes and what it prints. */
class CliTest {
	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {
	}

	static Run byron(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = Byron.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(err));
		int exit = commandLine.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	/** A copy of an example project (without hidden folders such as its run data) at {@code target}, for a test to change. */
	static Path copyExample(String name, Path target) throws java.io.IOException {
		Path example = examples().resolve(name);
		try (var paths = Files.walk(example)) {
			for (Path source : paths.filter(p -> !example.relativize(p).toString().startsWith(".")).toList()) {
				Path copy = target.resolve(example.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(source, copy);
				}
			}
		}
		return target;
	}

	static Path examples() {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isDirectory(p.resolve("examples/microblog"))) {
				return p.resolve("examples");
			}
		}
		throw new IllegalStateException("examples/ not found");
	}

	@Test
	void validModelExitsZero() {
		Run run = byron("validate", examples().resolve("shop").toString());
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("system shop (2 files, 5 components): valid");
	}

	@Test
	void errorsArePrintedAsFileLineColumnSeverityMessageCodeAndExitOne() throws Exception {
		Path model = dir.resolve("bad.byron");
		Files.writeString(model, "system s\ncomponent a {\n  entity User { owner: Usr }\n}\n");
		Run run = byron("validate", model.toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).containsPattern(
				"bad\\.byron:3:24: error: Unknown type 'Usr'\\. Did you mean 'User'\\?.* \\[unknown-type\\]");
		assertThat(run.out()).contains("1 error");
	}

	@Test
	void oneComponentIsCountedInTheSingular() throws Exception {
		Files.writeString(dir.resolve("one.byron"), "system s\ncomponent a {\n  entity X {\n    n: String\n  }\n}\n");
		assertThat(byron("validate", dir.toString()).out()).contains("system s (1 file, 1 component): valid");
	}

	@Test
	void warningsAloneExitZeroUnlessStrict() throws Exception {
		Files.writeString(dir.resolve("w.byron"), "system s\ncomponent a { entity X { Name: String } }\n");
		assertThat(byron("validate", dir.toString()).exit()).isZero();
		Run strict = byron("validate", "--strict", dir.toString());
		assertThat(strict.exit()).isEqualTo(1);
		assertThat(strict.out()).contains("warning:").contains("[field-name-style]");
	}

	@Test
	void jsonOutputForTools() throws Exception {
		Path model = dir.resolve("bad.byron");
		Files.writeString(model, "system s\ncomponent Bad { entity X { n: String } }\n");
		Run run = byron("validate", "--format", "json", model.toString());
		assertThat(run.exit()).isEqualTo(1);
		JsonNode json = new ObjectMapper().readTree(run.out());
		assertThat(json.get("valid").asBoolean()).isFalse();
		JsonNode first = json.get("diagnostics").get(0);
		assertThat(first.get("code").asText()).isEqualTo("invalid-component-name");
		assertThat(first.get("line").asInt()).isEqualTo(2);
		assertThat(first.get("column").asInt()).isEqualTo(11);
		assertThat(first.get("severity").asText()).isEqualTo("error");
		assertThat(first.get("data").get(0).asText()).isEqualTo("bad");
	}

	@Test
	void usageAndIoProblemsExitTwo() {
		assertThat(byron("validate", dir.resolve("missing").toString()).exit()).isEqualTo(2);
		Run empty = byron("validate", dir.toString());
		assertThat(empty.exit()).isEqualTo(2);
		assertThat(empty.err()).contains("No .byron files in").contains("byron init");
		assertThat(byron("validate", "--format", "xml", ".").exit()).isEqualTo(2);
		assertThat(byron("frobnicate").exit()).isEqualTo(2);
	}

	@Test
	void initCreatesTheProjectLayoutAndAValidModel() throws Exception {
		Path project = dir.resolve("My-Shop");
		Run run = byron("init", project.toString());
		assertThat(run.exit()).isZero();
		assertThat(project.resolve("schema.byron")).content().contains("system myshop");
		assertThat(project.resolve("config.byron")).exists();
		assertThat(project.resolve("credentials.byron")).exists();
		assertThat(project.resolve(".gitignore")).content().contains("credentials.byron").contains(".byron-data/");
		assertThat(project.resolve("hooks")).isDirectory();
		assertThat(project.resolve("customResolvers")).as("one folder for the user's code").doesNotExist();
		assertThat(project.resolve("README.md")).content().contains("credentials.byron").contains("hooks/");
		Run validate = byron("validate", "--strict", project.toString());
		assertThat(validate.exit()).as(validate.out()).isZero();
		assertThat(byron("init", project.toString()).exit()).as("refuses a non-empty folder").isEqualTo(2);
	}

	@Test
	void initFromAnExample() {
		Path project = dir.resolve("blog");
		assertThat(byron("init", "--example", "microblog", project.toString()).exit()).isZero();
		assertThat(project.resolve("timeline.byron")).exists();
		assertThat(project.resolve("hooks")).isDirectory();
		Run validate = byron("validate", "--strict", project.toString());
		assertThat(validate.exit()).as(validate.out()).isZero();
		assertThat(validate.out()).contains("system microblog");
		assertThat(project.resolve(".byron-data")).as("no run data comes with an example").doesNotExist();
	}

	@Test
	void initCopiesAnExamplesFilesByteForByteWhateverTheyHold() throws Exception {
		Path example = dir.resolve("example");
		byte[] binary = { 0, (byte) 0xFF, (byte) 0xFE, 0x13 };
		Files.createDirectories(example.resolve("assets"));
		Files.write(example.resolve("assets/logo.png"), binary);
		Files.writeString(example.resolve("schema.byron"), "system s // ünïcode\n");

		InitCommand.copyTree(example, dir.resolve("copy"));

		assertThat(dir.resolve("copy/assets/logo.png")).hasBinaryContent(binary);
		assertThat(dir.resolve("copy/schema.byron")).hasContent("system s // ünïcode\n");
	}

	@Test
	void aFailureNoCheckForeseesIsOneLineThatSaysWhatAndNoStackTrace() throws Exception {
		Files.writeString(dir.resolve("a-file"), "");
		Run run = byron("init", dir.resolve("a-file/project").toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).startsWith("byron init: ").contains("a-file").contains("BYRON_DEBUG")
				.doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void formatRewritesFilesAndCheckReportsThem() throws Exception {
		Path model = dir.resolve("m.byron");
		Files.writeString(model, "system s\ncomponent a{entity X{n:String}}\n");
		assertThat(byron("format", "--check", dir.toString()).exit()).isEqualTo(1);
		assertThat(byron("format", dir.toString()).exit()).isZero();
		assertThat(model).content().isEqualTo("system s\n\ncomponent a {\n  entity X {\n    n: String\n  }\n}\n");
		assertThat(byron("format", "--check", dir.toString()).exit()).isZero();
	}

	@Test
	void generateWritesArtifactsOnceAndRefusesAnInvalidModel() throws Exception {
		Path out = dir.resolve("out");
		Run first = byron("generate", examples().resolve("microblog").toString(), "-o", out.toString());
		assertThat(first.exit()).as(first.out()).isZero();
		assertThat(out.resolve("components/timeline/descriptor.json")).exists();
		assertThat(out.resolve("components/accounts/schema.graphql")).content().contains("createUser(input: UserInput!): User\n");
		assertThat(byron("generate", examples().resolve("microblog").toString(), "-o", out.toString()).out())
				.contains("0 written");
		Path bad = dir.resolve("bad.byron");
		Files.writeString(bad, "system s\ncomponent a { entity X { n: Nope } }\n");
		Run refused = byron("generate", bad.toString(), "-o", dir.resolve("nothing").toString());
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(dir.resolve("nothing")).doesNotExist();
	}

	@Test
	void diagramWritesSvgAndPngAtEachLevelAndExplainsBadArguments() throws Exception {
		String shop = examples().resolve("shop").toString();
		Run containers = byron("diagram", shop, "-o", dir.resolve("shop.svg").toString());
		assertThat(containers.exit()).as(containers.err()).isZero();
		assertThat(containers.out()).contains("shop: Containers", "8 boxes");
		assertThat(dir.resolve("shop.svg")).content().startsWith("<svg").contains("id=\"component:orders\"");
		Run component = byron("diagram", shop, "-o", dir.resolve("orders.png").toString(), "--level", "component",
				"--component", "orders");
		assertThat(component.exit()).as(component.err()).isZero();
		assertThat(Files.readAllBytes(dir.resolve("orders.png"))).startsWith(0x89, 'P', 'N', 'G');
		assertThat(byron("diagram", shop, "-o", dir.resolve("x.svg").toString(), "--level", "room").err())
				.contains("unknown level 'room'. Use context, containers or component.");
		assertThat(byron("diagram", shop, "-o", dir.resolve("x.svg").toString(), "--level", "component", "--component",
				"ordres").err()).contains("No component 'ordres' in this model. Components: orders, inventory");
		assertThat(byron("diagram", shop, "-o", dir.resolve("x.gif").toString()).err()).contains("name it .svg or .png");
	}

	@Test
	void diagramDrawsTheBoxesWhereTheStudioKeptThemAndSaysWhenTheLayoutFileCannotBeRead() throws Exception {
		Path project = dir.resolve("placed");
		Files.createDirectories(project);
		Files.writeString(project.resolve("m.byron"), "system s\ncomponent a {\n  entity A { n: String }\n}\n"
				+ "component b {\n  entity B { n: String }\n}\n");
		Files.writeString(project.resolve("byron-layout.json"), """
				{ "version": 1, "views": { "s: Containers": { "component:a": { "x": 900, "y": 700 } } } }
				""");
		Run placed = byron("diagram", project.toString(), "-o", dir.resolve("placed.svg").toString());
		assertThat(placed.exit()).as(placed.err()).isZero();
		assertThat(dir.resolve("placed.svg")).content().containsPattern("id=\"component:a\"><title>[^<]*</title><rect x=\"900.0\" y=\"700.0\"");

		Files.writeString(project.resolve("byron-layout.json"), "{ not json");
		Run unreadable = byron("diagram", project.toString(), "-o", dir.resolve("free.svg").toString());
		assertThat(unreadable.exit()).isZero();
		assertThat(unreadable.err()).contains("byron-layout.json cannot be read", "delete it to lay the pictures out again",
				"Laid out without it.");
	}

	@Test
	void studioWebServesTheStudioToABrowserOnThisMachineUntilStopped() throws Exception {
		Path project = copyExample("microblog", dir.resolve("web"));
		java.io.PipedReader lines = new java.io.PipedReader();
		PrintWriter out = new PrintWriter(new java.io.PipedWriter(lines), true);
		CommandLine commandLine = Byron.commandLine();
		commandLine.setOut(out);
		Thread serving = new Thread(() -> commandLine.execute("studio", "--web", "--port", "0", project.toString()));
		serving.start();
		try {
			String said = new java.io.BufferedReader(lines).readLine();
			assertThat(said).startsWith("Byron Studio: http://127.0.0.1:").endsWith("(answers this machine only; Ctrl+C to stop)");
			String url = said.replaceAll("^Byron Studio: (\\S+) .*$", "$1");
			var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<title>Byron Studio</title>", "/studio.js");
		} finally {
			serving.interrupt();
			serving.join(10_000);
		}
		assertThat(serving.isAlive()).as("stopped").isFalse();
	}

	@Test
	void diffListsSafeAndBreakingChangesAndExitsOneOnBreaking() throws Exception {
		Path before = dir.resolve("v1");
		Path after = dir.resolve("v2");
		Files.createDirectories(before);
		Files.createDirectories(after);
		String model = "system s\ncomponent orders {\n  entity Order {\n    total: Float!\n  }\n}\n";
		Files.writeString(before.resolve("schema.byron"), model);
		Files.writeString(after.resolve("schema.byron"), model.replace("total: Float!", "total: Float!\n    note: String"));
		Run safe = byron("diff", before.toString(), after.toString());
		assertThat(safe.exit()).isZero();
		assertThat(safe.out()).contains("safe       both    orders.Order.note: field added", "1 changes from", "0 breaking, 0 dangerous, 1 safe.");
		Files.writeString(after.resolve("schema.byron"), model.replace("total: Float!", "note: String\n    amount: Float!"));
		Run breaking = byron("diff", before.toString(), after.toString());
		assertThat(breaking.exit()).isEqualTo(1);
		assertThat(breaking.out()).contains("api: GraphQL clients; events: subscribers of the events; both");
		java.util.List<String> severities = breaking.out().lines().filter(line -> line.contains("orders.Order."))
				.map(line -> line.substring(0, line.indexOf(' '))).toList();
		assertThat(severities).as("what can hurt comes first").containsExactly("BREAKING", "BREAKING", "safe");
	}

	@Test
	void diffComparesAGitRevisionWithTheWorkingTree() throws Exception {
		Path repo = dir.resolve("repo");
		Path model = repo.resolve("model");
		Files.createDirectories(model);
		Files.writeString(model.resolve("schema.byron"), "system s\ncomponent a {\n  entity A {\n    x: String\n  }\n  event Done {\n    a: ID!\n  }\n}\n");
		git(repo, "init", "-q");
		git(repo, "add", ".");
		git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1");
		Files.writeString(model.resolve("schema.byron"), "system s\ncomponent a {\n  entity A {\n    x: String\n  }\n}\n");
		Run run = byron("diff", "HEAD", model.toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).contains("BREAKING   events  a.Done: event removed", "from HEAD (git)");
		assertThat(byron("diff", "no-such-revision", model.toString()).err()).contains("is neither a path nor a git revision");
	}

	private static void git(Path repo, String... args) throws Exception {
		java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-C", repo.toString()));
		command.addAll(java.util.List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

	@org.junit.jupiter.api.Test
	void aStudioThatCannotOpenItsWindowSaysWhyInOneLineAndWhatToInstall() {
		String message = StudioCommand.cannotOpen(new RuntimeException("Application launch error",
				new UnsupportedOperationException("Unable to open DISPLAY")), false);
		assertThat(message).isEqualTo("byron: Byron Studio could not open its window: Unable to open DISPLAY. It needs GTK 3:"
				+ " on Debian or Ubuntu, sudo apt install libgtk-3-0. Run with BYRON_DEBUG=1 for the details; 'byron diagram'"
				+ " draws the model without a window.");
		assertThat(StudioCommand.cannotOpen(new IllegalStateException("no pipeline"), true)).doesNotContain("GTK");
	}

	@Test
	void docsWritesTheCatalogueAndWithSinceAPageOfWhatChanged() throws Exception {
		Path before = copyExample("shop", dir.resolve("before"));
		Path after = copyExample("shop", dir.resolve("after"));
		Files.writeString(after.resolve("schema.byron"), Files.readString(after.resolve("schema.byron")) + "\ncomponent audit {\n  entity Entry { text: String }\n}\n");
		Run run = byron("docs", after.toString(), "-o", dir.resolve("site").toString(), "--since", before.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("files written in " + dir.resolve("site"));
		assertThat(dir.resolve("site/components/audit.html")).exists();
		assertThat(dir.resolve("site/changes.html")).content().contains("audit");

		Run broken = byron("docs", dir.resolve("missing").toString(), "-o", dir.resolve("none").toString());
		assertThat(broken.exit()).isNotZero();
		assertThat(dir.resolve("none")).doesNotExist();
	}

	@Test
	void theCommandListOfHelpShowsEachCommandAsAWholeSentence() {
		Byron.commandLine().getSubcommands().forEach((name, command) -> {
			String[] description = command.getCommandSpec().usageMessage().description();
			assertThat(description).as(name + " has a description").isNotEmpty();
			assertThat(description[0]).as("byron --help shows only the first line of " + name + "'s description").endsWith(".");
		});
	}

	@Test
	void eachLineOfACommandsHelpIsAWholeParagraphThatTheHelpWrapsItself() {
		Byron.commandLine().getSubcommands().forEach((name, command) -> {
			var spec = command.getCommandSpec();
			java.util.stream.Stream.concat(java.util.stream.Stream.of(spec.usageMessage().description()),
					spec.options().stream().flatMap(option -> java.util.stream.Stream.of(option.description())))
					.forEach(line -> assertThat(line).as("a line of byron " + name + " --help (one array element is one line:"
							+ " a paragraph cut in two elements breaks in the middle of a sentence)").matches("(?s).*[.:)](%n)?$"));
		});
	}

	@Test
	void aParameterWithADefaultIsShownAsOptionalInTheUsage() {
		Byron.commandLine().getSubcommands().forEach((name, command) -> command.getCommandSpec().positionalParameters().stream()
				.filter(parameter -> parameter.defaultValue() != null)
				.forEach(parameter -> assertThat(parameter.arity().min()).as("byron " + name + " " + parameter.paramLabel()
						+ " has a default, so the usage shows it in brackets").isZero()));
	}
}
