package dev.byron.modeler.studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.ModelLoadException;
import dev.byron.dsl.api.Source;

/** A project folder and the current text of each of its {@code .byron} files, saved or not. */
public final class Project {
	private final Path folder;
	private final Map<Path, String> texts = new LinkedHashMap<>();

	private Project(Path folder) {
		this.folder = folder;
	}

	/** Opens a folder, or the folder of a {@code .byron} file. */
	public static Project open(Path path) throws IOException {
		Path absolute = path.toAbsolutePath().normalize();
		Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
		Project project = new Project(folder);
		try {
			for (Path file : ByronLoader.files(folder)) {
				project.texts.put(file.toAbsolutePath().normalize(), Files.readString(file, StandardCharsets.UTF_8));
			}
		} catch (ModelLoadException e) {
			throw new IOException(e.getMessage(), e);
		}
		return project;
	}

	public Path folder() {
		return folder;
	}

	public List<Path> files() {
		return new ArrayList<>(texts.keySet());
	}

	public synchronized String text(Path file) {
		return texts.get(file);
	}

	public synchronized void setText(Path file, String text) {
		texts.put(file, text);
	}

	public synchronized Map<Path, String> texts() {
		return new LinkedHashMap<>(texts);
	}

	public synchronized List<Source> sources() {
		return texts.entrySet().stream().map(e -> new Source(e.getKey(), e.getValue())).toList();
	}

	/** The file new components go to: the one that declares components, else the first. */
	public synchronized Path mainFile() {
		return texts.entrySet().stream().filter(e -> e.getValue().contains("component ")
				&& !e.getValue().contains("deployment")).map(Map.Entry::getKey).findFirst()
				.orElse(texts.keySet().iterator().next());
	}

	public synchronized void save() throws IOException {
		for (Map.Entry<Path, String> file : texts.entrySet()) {
			Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
		}
	}

	public String relative(Path file) {
		return folder.relativize(file).toString();
	}
}
