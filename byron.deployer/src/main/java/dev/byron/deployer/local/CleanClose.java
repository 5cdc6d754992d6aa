package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the embedded store was closed cleanly by the run before: a mark beside its file, written once the store is
 * closed (and so written whole), naming the file's size and time then, and taken away when the next run opens it. A
 * run killed, or a store file changed or deleted since, leaves no matching mark: its Sinks then write again what the
 * store may have lost (the Sinks' catch-up), which after a clean stop would only delay the first writes.
 */
final class CleanClose {
	private CleanClose() {
	}

	/** Whether the store was closed cleanly as it is now; the mark is gone afterwards either way. */
	static boolean taken(Path store) {
		Path mark = markOf(store);
		try {
			if (!Files.exists(mark)) {
				return false;
			}
			String held = Files.readString(mark, StandardCharsets.UTF_8).trim();
			Files.delete(mark);
			return Files.exists(store) && held.equals(stamp(store));
		} catch (IOException e) {
			return false;
		}
	}

	/** Marks the store closed cleanly; called once it is closed. */
	static void mark(Path store) {
		try {
			if (Files.exists(store)) {
				Files.writeString(markOf(store), stamp(store), StandardCharsets.UTF_8);
			}
		} catch (IOException e) {
			// without the mark the next run catches up, as after a crash: slower, never wrong
		}
	}

	private static Path markOf(Path store) {
		return store.resolveSibling(store.getFileName() + ".closed");
	}

	private static String stamp(Path store) throws IOException {
		return Files.size(store) + " " + Files.getLastModifiedTime(store).toMillis();
	}
}
