package dev.byron.dsl.api;

/**
 * Where {@code byron docs} puts the page of each part of a model, relative to the site's folder: the one rule the
 * site's own links, its search, the editors' hover and the studio's menu all follow.
 */
public final class CataloguePages {
	/** The rule, as an object the site's templates call ({@code pages.component(name)}). */
	public static final CataloguePages PAGES = new CataloguePages();
	/** The meta tag that marks a page as written by {@code byron docs}, so editors link only to such a site. */
	public static final String GENERATOR = "byron docs";

	/** Where byron docs is run to write it by default, and where the Maven goal writes it, beside the model. */
	private static final java.util.List<String> SITES = java.util.List.of("site", "target/byron-docs");

	private CataloguePages() {
	}

	/**
	 * The catalogue byron docs wrote for the model in {@code folder}: at or up to three folders above it, in
	 * {@code site/} or {@code target/byron-docs/}, recognised by its pages' generator tag.
	 */
	public static java.util.Optional<java.nio.file.Path> besides(java.nio.file.Path folder) {
		java.nio.file.Path start = folder.toAbsolutePath().normalize();
		for (java.nio.file.Path at = start; at != null && start.getNameCount() - at.getNameCount() <= 3; at = at.getParent()) {
			for (String name : SITES) {
				java.nio.file.Path index = at.resolve(name).resolve("index.html");
				try {
					if (java.nio.file.Files.isRegularFile(index)
							&& java.nio.file.Files.readString(index).contains("<meta name=\"generator\" content=\"" + GENERATOR + "\">")) {
						return java.util.Optional.of(index.getParent());
					}
				} catch (java.io.IOException e) {
					// unreadable: not a catalogue to lead to
				}
			}
		}
		return java.util.Optional.empty();
	}

	/** A page's address on disk, anchor kept ({@code file:///.../components/a.html#entity-A}). */
	public static String onDisk(java.nio.file.Path site, String page) {
		int anchor = page.indexOf('#');
		String file = site.resolve(anchor < 0 ? page : page.substring(0, anchor)).toUri().toString();
		return anchor < 0 ? file : file + page.substring(anchor);
	}

	public String component(String component) {
		return "components/" + component + ".html";
	}

	public String entity(String component, String entity) {
		return component(component) + "#entity-" + entity;
	}

	public String enumType(String component, String enumName) {
		return component(component) + "#enum-" + enumName;
	}

	public String event(String component, String event) {
		return "events/" + component + "." + event + ".html";
	}
}
