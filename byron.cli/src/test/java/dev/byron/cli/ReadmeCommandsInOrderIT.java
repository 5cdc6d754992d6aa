package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.dsl.api.ModelFiles;
import dev.byron.dsl.ide.workspace.ModelFileScanner;

/**
 * The README's commands in the README's order, on a copy of the repository as git knows it and with the
 * distribution just built: {@code ./byron run examples/microblog} (data created, then stopped as Ctrl-C
 * would), another {@code ./byron} command, then what reads the examples. The run's data must stay out of
 * all of them, and the distribution must not count it as a change of Byron's sources.
 */
class ReadmeCommandsInOrderIT {
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dir;

	@Test
	void theExampleRunLeavesNothingThatTheNextCommandsTakeForSourcesOrModels() throws Exception {
		Path repository = copyOfTheRepository(dir.resolve("byron"));
		Path microblog = repository.resolve("examples/microblog");
		List<Path> models = ModelFiles.below(microblog);
		assertThat(models).hasSize(7);

		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process run = byron(repository, "run", "examples/microblog", "--port", String.valueOf(port));
		List<String> output = lines(run);
		try {
			await(() -> output.stream().anyMatch(l -> l.contains("is running")) || !run.isAlive());
			assertThat(run.isAlive()).as(String.join("\n", output)).isTrue();
			assertThat(output).as("the banner says where the data is").anyMatch(l -> l.contains("data in " + microblog.resolve(".byron-data")));
			String created = graphql(port, "mutation { createUser(input: {handle: \"ada\", name: \"Ada\"}) { handle } }");
			assertThat(created).contains("\"handle\":\"ada\"");
		} finally {
			run.destroy(); // SIGTERM, as Ctrl-C would
			assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(microblog.resolve(".byron-data/mongo.mv")).isNotEmptyFile();
		assertThat(microblog.resolve(".byron")).doesNotExist();

		String validated = finish(byron(repository, "validate", "examples/microblog"), 0);
		assertThat(validated).as("no rebuild of the distribution, and the model as before")
				.doesNotContain("building the distribution").doesNotContain("mvnw")
				.contains("system microblog (7 files, 5 components): valid");

		finish(byron(repository, "init", "--example", "microblog", dir.resolve("blog").toString()), 0);
		assertThat(dir.resolve("blog/timeline.byron")).exists();
		assertThat(dir.resolve("blog/.byron-data")).doesNotExist();

		assertThat(ModelFiles.below(microblog)).isEqualTo(models);
		List<Path> scanned = new ArrayList<>();
		new ModelFileScanner().scan(org.eclipse.emf.common.util.URI.createFileURI(microblog.toString()),
				uri -> scanned.add(Path.of(uri.toFileString())));
		assertThat(scanned).as("the language server's workspace").containsExactlyInAnyOrderElementsOf(models);
	}

	/**
	 * The files git knows (tracked, or new and not ignored) with their times, the distribution's jar newer than
	 * all of them, and a Maven wrapper that fails loudly: the script must not want to rebuild.
	 */
	private static Path copyOfTheRepository(Path copy) throws Exception {
		Path root = Path.of(System.getProperty("byron.root")).toAbsolutePath().normalize();
		Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
				.directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(git.waitFor()).as("git ls-files in " + root).isZero();
		for (String relative : listing.split("\0")) {
			Path source = root.resolve(relative);
			if (relative.isEmpty() || !Files.isRegularFile(source)) {
				continue;
			}
			Path target = copy.resolve(relative);
			Files.createDirectories(target.getParent());
			Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
		}
		Path jar = copy.resolve("byron.cli/target/byron.jar");
		Files.createDirectories(jar.getParent());
		Files.copy(Path.of(System.getProperty("byron.jar")), jar);
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
		Files.writeString(copy.resolve("mvnw"), "#!/bin/sh\necho \"mvnw was called: $*\" >&2\nexit 97\n");
		return copy;
	}

	private static Process byron(Path repository, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of("bash", repository.resolve("byron").toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
		builder.environment().put("PATH", System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin");
		return builder.start();
	}

	/** All the process printed, once it ended with the expected exit code. */
	private static String finish(Process process, int exit) throws Exception {
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isEqualTo(exit);
		return output;
	}

	private static List<String> lines(Process process) {
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line; (line = in.readLine()) != null;) {
					lines.add(line);
				}
			} catch (IOException e) {
				// the process ended
			}
		});
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private static String graphql(int port, String query) throws Exception {
		String body = "{\"query\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(query) + "}";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
				.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}
}
