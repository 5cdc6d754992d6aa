package dev.byron.dsl.api;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which files below a project folder make up its model: regular files named {@code *.byron}, outside hidden
 * folders (run data, version control, editor settings) and build output. The one rule every tool that looks
 * for models uses: the loader, the language server's workspace, the studio's tree, the tests.
 */
public final class ModelFiles {
	public static final String EXTENSION = ".byron";
	private static final Set<String> OUTPUT_FOLDERS = Set.of("target", "node_modules", "out", "build");

	private ModelFiles() {
	}

	/** Whether a folder of this name holds no model files: hidden folders and build output. */
	public static boolean skipsFolder(String name) {
		return name.startsWith(".") || OUTPUT_FOLDERS.contains(name);
	}

	/** Whether this path is a model file: a regular file (not a folder, not a link to one) named *.byron. */
	public static boolean isModelFile(Path path) {
		return path.getFileName() != null && path.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(path);
	}

	/** The model files below a folder, sorted by path; skipped folders are not entered at all. */
	public static List<Path> below(Path folder) throws IOException {
		List<Path> files = new ArrayList<>();
		Files.walkFileTree(folder, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				return !dir.equals(folder) && skipsFolder(dir.getFileName().toString())
						? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile() ? file.getFileName().toString().endsWith(EXTENSION)
						: attributes.isSymbolicLink() && isModelFile(file)) {
					files.add(file);
				}
				return FileVisitResult.CONTINUE;
			}
		});
		files.sort(Comparator.comparing(Path::toString));
		return files;
	}
}
