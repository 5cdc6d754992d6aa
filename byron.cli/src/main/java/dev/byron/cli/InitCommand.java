package dev.byron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
		description = { "Create a Byron project, or one of the examples.",
				"It holds schema.byron, config.byron, credentials.byron (git-ignored) and hooks/ (your Java "
						+ "code: hooks and resolvers), with a README that explains each." })
final class InitCommand implements Callable<Integer> {
	enum Example {
		microblog, shop, conference
	}

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<dir>", description = "The folder to create (must be empty or absent).")
	private Path dir;

	@Option(names = "--example", paramLabel = "<name>",
			description = "Start from an example instead of the starter model: ${COMPLETION-CANDIDATES}.")
	private Example example;

	@Override
	public Integer call() throws IOException, URISyntaxException {
		PrintWriter out = spec.commandLine().getOut();
		if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
			spec.commandLine().getErr().println("byron: " + dir + " exists and is not an empty folder. Choose a new folder.");
			return Byron.USAGE;
		}
		Files.createDirectories(dir);
		String system = systemName(dir);
		if (example == null) {
			write("schema.byron", ProjectTemplates.schema(system));
			write("config.byron", ProjectTemplates.config(system));
		} else {
			copyExample(example.name());
			system = example.name();
		}
		if (!Files.exists(dir.resolve("credentials.byron"))) {
			write("credentials.byron", ProjectTemplates.credentials());
		}
		write(".gitignore", ProjectTemplates.gitignore());
		write("README.md", ProjectTemplates.readme(system));
		write("hooks/README.md", ProjectTemplates.hooksReadme());
		out.println("Created " + (example == null ? "project" : "the " + example + " example") + " in " + dir + ".");
		out.println("Next: byron validate " + dir);
		out.flush();
		return Byron.OK;
	}

	private static boolean isEmpty(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
	}

	/** A system name from the folder name: lower case letters and digits, starting with a letter. */
	static String systemName(Path dir) {
		String name = dir.toAbsolutePath().normalize().getFileName().toString().toLowerCase().replaceAll("[^a-z0-9]", "");
		name = name.replaceFirst("^[0-9]+", "");
		return name.isEmpty() ? "app" : name;
	}

	private void write(String relative, String text) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private void copyExample(String name) throws IOException, URISyntaxException {
		URL anchor = InitCommand.class.getResource("/byron-examples/" + name + "/schema.byron");
		if (anchor == null) {
			throw new IOException("The " + name + " example is missing from this build of byron.");
		}
		URI uri = anchor.toURI();
		if ("jar".equals(uri.getScheme())) {
			try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
				copyTree(jar.getPath("/byron-examples/" + name), dir);
			}
		} else {
			copyTree(Path.of(uri).getParent(), dir);
		}
	}

	/** Copies every file below {@code source} into {@code dir} byte for byte (a file system of its own, such as a jar, included). */
	static void copyTree(Path source, Path dir) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(source)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		for (Path file : files) {
			String relative = source.relativize(file).toString();
			if (relative.endsWith(".gitkeep")) {
				Files.createDirectories(dir.resolve(relative).getParent());
				continue;
			}
			Path copy = dir.resolve(relative);
			Files.createDirectories(copy.getParent());
			Files.copy(file, copy);
		}
	}
}
