package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a project keeps what Byron makes of it on this machine: the local run's broker store, database and
 * traces, and the deploy's compiled hooks and image tarballs. A hidden folder whose name does not end in
 * {@code .byron}, so that no model glob, editor, build or packaging step takes it for a model file.
 * Projects from before it was named so kept the data in {@code .byron/}; the first use moves it.
 */
public final class RunData {
	/** The folder's name in the project, as .gitignore and the README give it. */
	public static final String FOLDER = ".byron-data";
	static final String OLD_FOLDER = ".byron";

	private RunData() {
	}

	/** The project's data folder, as it is now; for readers that must not change the project. */
	public static Path of(Path project) {
		return project.resolve(FOLDER);
	}

	/**
	 * The project's data folder, ready for use: data from an older Byron ({@code .byron/}) is moved into it
	 * and the project's .gitignore learns the new name; {@code log} hears what was done.
	 */
	public static Path prepare(Path project, Consumer<String> log) throws IOException {
		Path data = of(project);
		Path old = project.resolve(OLD_FOLDER);
		if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
			if (Files.exists(data, LinkOption.NOFOLLOW_LINKS)) {
				log.accept("byron: " + old + " holds data of an older Byron; " + FOLDER
						+ "/ is used instead and " + OLD_FOLDER + "/ can be deleted");
			} else {
				Files.move(old, data);
				log.accept("byron: moved the run data from " + OLD_FOLDER + "/ to " + FOLDER
						+ "/ (a folder named like a model confused editors and tools)");
				ignoreInGit(project);
			}
		}
		return data;
	}

	/** The folder for a run's data (the database, the broker's store, its users), readable by its owner only. */
	public static Path create(Path project, Consumer<String> log) throws IOException {
		Path data = prepare(project, log);
		Files.createDirectories(data);
		try {
			Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		} catch (UnsupportedOperationException notPosix) {
			// a file system without POSIX permissions: its own defaults stand
		}
		return data;
	}

	private static void ignoreInGit(Path project) throws IOException {
		Path gitignore = project.resolve(".gitignore");
		if (!Files.isRegularFile(gitignore)) {
			return;
		}
		List<String> lines = Files.readAllLines(gitignore, StandardCharsets.UTF_8);
		if (lines.stream().map(String::strip).noneMatch(line -> line.equals(FOLDER + "/") || line.equals(FOLDER))) {
			String text = Files.readString(gitignore, StandardCharsets.UTF_8);
			String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
			Files.writeString(gitignore, text + separator + FOLDER + "/\n", StandardCharsets.UTF_8);
		}
	}
}
