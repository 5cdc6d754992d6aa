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

/**
 * A project folder and the current text of each of its documents, saved or not (the {@code .byron} files of the
 * model and the Java files of {@code hooks/}), beside the text each had on disk when it was last read or written:
 * a file is modified when the two differ, and a file whose disk text changed behind the studio's back is never
 * overwritten by a save.
 */
public final class Project {
	/**
	 * What a save did: the files written, those left alone because they changed on disk since they were read, and the
	 * model files deleted because they were emptied here (they declared nothing).
	 */
	public record Saved(List<Path> written, List<Path> changedOnDisk, List<Path> deleted) {
		/** Whether the save changed anything on disk. */
		public boolean changedAny() {
			return !written.isEmpty() || !deleted.isEmpty();
		}
	}

	/**
	 * What a look at the disk found: files read again (they were not modified here), those modified on both sides
	 * (a file deleted on disk and edited here is one), new documents that appeared on disk, and documents deleted on
	 * disk that had no edits here (they are no longer part of the project).
	 */
	public record Reloaded(List<Path> reloaded, List<Path> merged, List<Path> conflicts, List<Path> added, List<Path> deleted) {
		public boolean isEmpty() {
			return reloaded.isEmpty() && merged.isEmpty() && conflicts.isEmpty() && added.isEmpty() && deleted.isEmpty();
		}
	}

	/** The folder of the user's Java code, beside the model. */
	static final String HOOKS = "hooks";

	private final Path folder;
	/** The documents in the order they are listed: the model's files, then the Java files, each by path. */
	private final Map<Path, String> texts = new java.util.TreeMap<>(
			java.util.Comparator.comparing((Path file) -> !isModel(file)).thenComparing(Path::toString));
	private final Map<Path, String> onDisk = new LinkedHashMap<>();

	private Project(Path folder) {
		this.folder = folder;
	}

	/** Opens a folder, or the folder of a {@code .byron} file. */
	public static Project open(Path path) throws IOException {
		Path absolute = path.toAbsolutePath().normalize();
		Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
		Project project = new Project(folder);
		for (Path file : documents(folder)) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			project.texts.put(file, text);
			project.onDisk.put(file, text);
		}
		return project;
	}

	/** The model's files, then the Java files under {@code hooks/}, each absolute and normalised. */
	private static List<Path> documents(Path folder) throws IOException {
		List<Path> documents = new ArrayList<>();
		try {
			ByronLoader.files(folder).forEach(file -> documents.add(file.toAbsolutePath().normalize()));
		} catch (ModelLoadException e) {
			throw new IOException(e.getMessage(), e);
		}
		Path hooks = folder.resolve(HOOKS);
		if (Files.isDirectory(hooks)) {
			try (var walk = Files.walk(hooks)) {
				walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted()
						.forEach(file -> documents.add(file.toAbsolutePath().normalize()));
			}
		}
		return documents;
	}

	/** Whether a document is part of the model (a {@code .byron} file), rather than the user's Java code. */
	public static boolean isModel(Path file) {
		return file.toString().endsWith(dev.byron.dsl.api.ModelFiles.EXTENSION);
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
		put(file, text);
	}

	/**
	 * Sets a file's text made on the text named {@code base} (its {@link #version}), as one step: a page (a tab of the
	 * web studio) says which text it changed. If the file was changed meanwhile (by another page), the two changes are
	 * merged when they touch different lines, and the text is refused when they touch the same ones: a change made
	 * meanwhile is never overwritten unseen.
	 */
	public synchronized Update setTextIf(Path file, String base, String text) {
		String held = texts.get(file);
		if (java.util.Objects.equals(version(file), base)) {
			put(file, text);
			return new Update(Update.Outcome.SET, text);
		}
		String based = held == null ? null : earlier.getOrDefault(file, Map.of()).get(base);
		java.util.Optional<String> merged = based == null ? java.util.Optional.empty() : TextMerge.merge(based, held, text);
		if (merged.isEmpty()) {
			return new Update(Update.Outcome.CONFLICT, held);
		}
		put(file, merged.get());
		return new Update(Update.Outcome.MERGED, merged.get());
	}

	/**
	 * What {@link #setTextIf} did, and the text held after it: the one sent; the one sent merged with the change made
	 * meanwhile (they touched different lines); or, refused, the one held (they touched the same lines).
	 */
	/**
	 * A text edited in a page while no studio ran (this one started since), handed to it with the disk's text it was
	 * edited on ({@code disk}, null when the page knew the file only as new): set as it is when the disk still has that
	 * text; merged with the disk's change when the two touch different lines; else set, with {@code disk} as the text
	 * last read, so that the next look at the disk finds the conflict and the user is asked. The disk's change made
	 * while the studio was stopped is never overwritten unseen.
	 */
	public synchronized Update handBack(Path file, String text, String disk) throws IOException {
		String now = readOrNull(file);
		// a file made in the page (nothing on disk, then or now: a page knows it as an empty text) is the page's alone
		if (disk == null || java.util.Objects.equals(now, disk) || now == null && disk.isEmpty()) {
			put(file, text);
			return new Update(Update.Outcome.SET, text);
		}
		java.util.Optional<String> merged = now == null ? java.util.Optional.empty() : TextMerge.merge(disk, text, now);
		if (merged.isPresent()) {
			put(file, merged.get());
			onDisk.put(file, now);
			return new Update(Update.Outcome.MERGED, merged.get());
		}
		put(file, text);
		onDisk.put(file, disk);
		return new Update(Update.Outcome.CONFLICT, text);
	}

	/** The text a file had on disk when it was last read or written here; null for a file not on disk yet. */
	public synchronized String diskText(Path file) {
		return onDisk.get(file);
	}

	/** A short name of {@link #diskText} (the same text, the same name), or null when the disk has no such file. */
	public synchronized String diskVersion(Path file) {
		return named(lastDiskVersions, file, onDisk.get(file));
	}

	public record Update(Outcome outcome, String text) {
		public enum Outcome {
			SET, MERGED, CONFLICT
		}
	}

	/** How many earlier texts of a file are kept, by version, for merging a change made on one of them. */
	private static final int EARLIER = 32;
	private final Map<Path, Map<String, String>> earlier = new java.util.HashMap<>();

	/** Holds a new text for a file, keeping the one before it by its version. */
	private void put(Path file, String text) {
		String before = texts.put(file, text);
		if (!text.isBlank()) {
			made.remove(file); // given text: emptied again, it goes at the next save like any emptied file
		}
		if (before != null && !before.equals(text)) {
			Map<String, String> kept = earlier.computeIfAbsent(file, f -> new LinkedHashMap<>(16, 0.75f, false) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
					return size() > EARLIER;
				}
			});
			kept.put(versionOf(before), before);
		}
	}

	/** A short name of a file's text as held here (the same text, the same name), or null for a file not in the project. */
	public synchronized String version(Path file) {
		return named(lastVersions, file, texts.get(file));
	}

	/** The version of {@code text}, one of {@code file}'s; {@code known} keeps the last one named, so that it is hashed once. */
	private static String named(Map<Path, String[]> known, Path file, String text) {
		if (text == null) {
			return null;
		}
		// every page asks for every file's version each second: a text is hashed once, not on each question
		String[] last = known.get(file);
		if (last == null || last[0] != text) {
			last = new String[] { text, versionOf(text) };
			known.put(file, last);
		}
		return last[1];
	}

	/** Per file, the last text (as held, as on disk) whose version was asked for, and that version. */
	private final Map<Path, String[]> lastVersions = new java.util.HashMap<>();
	private final Map<Path, String[]> lastDiskVersions = new java.util.HashMap<>();

	private static String versionOf(String text) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 12);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

	/** The model's texts, by file. */
	public synchronized Map<Path, String> texts() {
		return documents(true);
	}

	/** The texts of the Java files under {@code hooks/}, by file. */
	public synchronized Map<Path, String> javaTexts() {
		return documents(false);
	}

	private Map<Path, String> documents(boolean model) {
		Map<Path, String> chosen = new LinkedHashMap<>();
		texts.forEach((file, text) -> {
			if (isModel(file) == model) {
				chosen.put(file, text);
			}
		});
		return chosen;
	}

	public synchronized List<Source> sources() {
		return texts().entrySet().stream().map(e -> new Source(e.getKey(), e.getValue())).toList();
	}

	/** The file new components go to: the one that declares components, else the first. */
	public synchronized Path mainFile() {
		Map<Path, String> model = texts();
		return model.entrySet().stream().filter(e -> e.getValue().contains("component ")
				&& !e.getValue().contains("deployment")).map(Map.Entry::getKey).findFirst()
				.orElse(model.keySet().iterator().next());
	}

	/**
	 * The model file a name typed for a new file stands for ({@code billing}, {@code billing.byron} or
	 * {@code orders/billing.byron}, relative to the project's folder), or why it cannot be one: the one rule for the
	 * names the studio's pages and windows offer.
	 */
	public synchronized NewFile newFile(String typed) {
		String name = typed == null ? "" : typed.strip().replace('\\', '/');
		String extension = dev.byron.dsl.api.ModelFiles.EXTENSION;
		if (name.isEmpty()) {
			return NewFile.refused("Name the file, e.g. billing" + extension + ".");
		}
		if (!name.endsWith(extension)) {
			if (name.substring(name.lastIndexOf('/') + 1).contains(".")) {
				return NewFile.refused("A model file's name ends in " + extension + ": e.g. " + name.replaceAll("\\.[^./]*$", "") + extension + ".");
			}
			name += extension;
		}
		if (name.startsWith("/") || !name.matches("[A-Za-z0-9_./-]+")) {
			return NewFile.refused("'" + typed.strip() + "': a file's name is letters, digits, '-', '_' and '.', in folders of the"
					+ " project written as folder/name" + extension + ".");
		}
		String[] parts = name.split("/");
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].isEmpty() || parts[i].equals("..") || parts[i].equals(".")
					|| i < parts.length - 1 && dev.byron.dsl.api.ModelFiles.skipsFolder(parts[i])
					|| i == parts.length - 1 && parts[i].equals(extension)) {
				return NewFile.refused("'" + name + "' is not a model file of this project: no '..', no hidden or build folders"
						+ " (they are not read as the model).");
			}
		}
		Path file = folder.resolve(name).toAbsolutePath().normalize();
		if (texts.containsKey(file) || Files.exists(file)) {
			return NewFile.refused(name + " exists already: choose another name.");
		}
		return new NewFile(file, null);
	}

	/** A new model file's path, or ({@code file} null) why a name cannot be one. */
	public record NewFile(Path file, String problem) {
		static NewFile refused(String problem) {
			return new NewFile(null, problem);
		}
	}

	/** A new model file, not on disk yet: the next save writes it, unless it is blank by then (then it lets it go). */
	public synchronized void add(Path file) {
		texts.putIfAbsent(file, "");
	}

	/** New files the user made by name: listed while still empty, over saves, until they have text to write. */
	private final java.util.Set<Path> made = new java.util.HashSet<>();

	/** A new model file the user asked for by name ({@link #newFile}): as {@link #add}, but kept while it is empty. */
	public synchronized void make(Path file) {
		add(file);
		made.add(file);
	}

	/** Whether a file's text differs from what was last read from or written to disk (a new file: whether it has any). */
	public synchronized boolean isModified(Path file) {
		String disk = onDisk.get(file);
		String text = texts.get(file);
		return disk == null ? text != null && !text.isBlank() : !disk.equals(text);
	}

	public synchronized List<Path> modifiedFiles() {
		return texts.keySet().stream().filter(this::isModified).toList();
	}

	/**
	 * Writes the modified files, except those changed on disk since they were read (they are reported, not
	 * overwritten); a model file emptied here is deleted rather than written blank.
	 */
	public synchronized Saved save() throws IOException {
		// a new file made blank again (its component added and deleted from the picture, its text moved by a rename) was
		// never anything to keep: it leaves the lists as a deleted one does
		List<Path> deleted = new ArrayList<>(texts.keySet().stream()
				.filter(file -> !onDisk.containsKey(file) && texts.get(file).isBlank() && !Files.exists(file) && !made.contains(file)).toList());
		texts.keySet().removeAll(deleted);
		List<Path> written = new ArrayList<>();
		List<Path> changed = new ArrayList<>();
		for (Path file : modifiedFiles()) {
			if (!java.util.Objects.equals(readOrNull(file), onDisk.get(file))) {
				changed.add(file);
				continue;
			}
			if (isModel(file) && texts.get(file).isBlank()) { // emptied here (its last component deleted): nothing to keep
				Files.delete(file);
				texts.remove(file);
				onDisk.remove(file);
				deleted.add(file);
				continue;
			}
			Files.createDirectories(file.getParent()); // a new file in a new folder
			Files.writeString(file, texts.get(file), StandardCharsets.UTF_8);
			onDisk.put(file, texts.get(file));
			written.add(file);
		}
		return new Saved(written, changed, deleted);
	}

	/**
	 * Reads again the files changed on disk that were not modified here; merges the disk's change into those modified
	 * here when the two changed different lines (they stay modified: the next save writes both changes); those changed
	 * on the same lines on both sides are conflicts. Reads the documents that appeared on disk since, and lets go of
	 * those deleted on disk without edits here.
	 */
	public synchronized Reloaded reload() throws IOException {
		List<Path> reloaded = new ArrayList<>();
		List<Path> merged = new ArrayList<>();
		List<Path> conflicts = new ArrayList<>();
		List<Path> added = new ArrayList<>();
		List<Path> deleted = new ArrayList<>();
		for (Path file : documents(folder)) {
			if (!texts.containsKey(file)) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				texts.put(file, text);
				onDisk.put(file, text);
				added.add(file);
			}
		}
		for (Path file : texts.keySet()) {
			String disk = readOrNull(file);
			if (added.contains(file) || java.util.Objects.equals(disk, onDisk.get(file))) {
				continue; // unchanged; or, both null, a new file made here and not saved yet
			}
			java.util.Optional<String> both = disk == null || onDisk.get(file) == null ? java.util.Optional.empty()
					: TextMerge.merge(onDisk.get(file), texts.get(file), disk);
			if (isModified(file) && both.isPresent()) {
				put(file, both.get());
				onDisk.put(file, disk);
				merged.add(file);
			} else if (isModified(file)) {
				conflicts.add(file);
			} else if (disk == null) {
				deleted.add(file);
			} else {
				put(file, disk);
				onDisk.put(file, disk);
				reloaded.add(file);
			}
		}
		deleted.forEach(file -> {
			texts.remove(file);
			onDisk.remove(file);
		});
		return new Reloaded(reloaded, merged, conflicts, added, deleted);
	}

	/** Whether a file edited here changed on disk since it was read, and {@link #reload} could not merge the two: a conflict still open. */
	public synchronized boolean inConflict(Path file) throws IOException {
		return texts.containsKey(file) && isModified(file) && !java.util.Objects.equals(readOrNull(file), onDisk.get(file));
	}

	/** Keeps the disk's text of a conflicting file, dropping the edits made here; a file deleted on disk goes. */
	public synchronized void takeDisk(Path file) throws IOException {
		String disk = readOrNull(file);
		if (disk != null) {
			put(file, disk);
			onDisk.put(file, disk);
		} else {
			texts.remove(file);
			onDisk.remove(file);
		}
	}

	/** Keeps the text edited here for a conflicting file: the next save writes it over the disk's. */
	public synchronized void keepMine(Path file) throws IOException {
		String disk = readOrNull(file);
		onDisk.put(file, disk);
	}

	private static String readOrNull(Path file) throws IOException {
		return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
	}

	public String relative(Path file) {
		return folder.relativize(file).toString();
	}
}
