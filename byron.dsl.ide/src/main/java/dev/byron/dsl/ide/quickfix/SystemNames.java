package dev.byron.dsl.ide.quickfix;

import java.util.Locale;

import org.eclipse.emf.common.util.URI;

/** A system name for a model that has none: its folder's name, made a DNS label as system names must be. */
final class SystemNames {
	private SystemNames() {
	}

	static String fromUri(URI uri) {
		String folder = uri.segmentCount() >= 2 ? URI.decode(uri.segment(uri.segmentCount() - 2)) : "";
		String name = folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
		if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
			name = "system" + (name.isEmpty() ? "" : "-" + name);
		}
		return name;
	}
}
