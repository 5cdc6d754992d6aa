package dev.byron.dsl.ide.rename;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.inject.Singleton;

/**
 * The names a rename is changing, old to new, while Xtext writes the references to them again: the rename's strategy
 * records them ({@link ByronRenameStrategy}), the reference updater reads them ({@link ByronReferenceUpdater}), the
 * rename service forgets them when it is done ({@link ByronRenameService}). All on the rename's own thread.
 */
@Singleton
public class RenamesUnderWay {
	private final ThreadLocal<Map<String, String>> names = ThreadLocal.withInitial(LinkedHashMap::new);

	void add(String oldName, String newName) {
		names.get().put(oldName, newName);
	}

	Map<String, String> names() {
		return Map.copyOf(names.get());
	}

	void forget() {
		names.remove();
	}
}
