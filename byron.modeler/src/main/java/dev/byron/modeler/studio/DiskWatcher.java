package dev.byron.modeler.studio;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dev.byron.dsl.api.ModelFiles;
import javafx.application.Platform;

/**
 * Watches a project's folders for changes to model files made outside the studio (an editor, git) and tells the
 * studio on the JavaFX thread, once per burst of changes. Folders the model rule skips are not watched.
 */
final class DiskWatcher implements AutoCloseable {
	private static final long SETTLE_MILLIS = 150;
	private final WatchService watcher;
	private final Runnable onChange;
	private final AtomicBoolean pending = new AtomicBoolean();
	private final Thread thread;

	DiskWatcher(Path folder, Runnable onChange) throws IOException {
		this.watcher = FileSystems.getDefault().newWatchService();
		this.onChange = onChange;
		registerTree(folder);
		this.thread = new Thread(this::watch, "byron-studio-disk");
		thread.setDaemon(true);
		thread.start();
	}

	private void registerTree(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path dir : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
				if (dir.equals(folder) || !skipped(folder, dir)) {
					dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
							StandardWatchEventKinds.ENTRY_DELETE);
				}
			}
		}
	}

	private static boolean skipped(Path root, Path dir) {
		for (Path part : root.relativize(dir)) {
			if (ModelFiles.skipsFolder(part.toString())) {
				return true;
			}
		}
		return false;
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = watcher.take();
				Path dir = (Path) key.watchable();
				boolean model = false;
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.context() instanceof Path name) {
						Path changed = dir.resolve(name);
						if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)
								&& !ModelFiles.skipsFolder(name.toString())) {
							registerTree(changed);
						}
						model |= name.toString().endsWith(ModelFiles.EXTENSION) || name.toString().endsWith(".java");
					}
				}
				key.reset();
				if (model && pending.compareAndSet(false, true)) {
					Thread.sleep(SETTLE_MILLIS); // editors write in several steps: tell once they are done
					pending.set(false);
					Platform.runLater(onChange);
				}
			}
		} catch (InterruptedException | ClosedWatchServiceException e) {
			// closed with the window
		} catch (IOException e) {
			Platform.runLater(onChange);
		}
	}

	@Override
	public void close() {
		try {
			watcher.close();
		} catch (IOException e) {
			// nothing left to watch
		}
		thread.interrupt();
	}
}
