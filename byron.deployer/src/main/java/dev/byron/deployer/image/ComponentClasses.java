package dev.byron.deployer.image;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;

/**
 * The classes one component's image needs out of the project's compiled hook code: its hook providers and
 * everything they reach (found with {@code jdeps}). Another component's hooks, or the generated types
 * only other components use, stay out, so that changing them does not change this image.
 */
final class ComponentClasses {
	private ComponentClasses() {
	}

	/** The providers that serve a component. */
	static List<HookProvider> providersOf(ComponentDescriptor component, List<HookProvider> providers) {
		return providers.stream().filter(p -> p.hooks(component) != Hooks.NONE).toList();
	}

	/**
	 * Copies the classes reachable from the providers into {@code target} with a service file naming
	 * them; returns false (and writes nothing) when the component has no hooks.
	 */
	static boolean copy(Path classes, Collection<HookProvider> providers, Path target) throws IOException {
		if (providers.isEmpty()) {
			return false;
		}
		Map<String, Set<String>> references = references(classes);
		Set<String> reached = new TreeSet<>();
		Deque<String> pending = new ArrayDeque<>();
		providers.forEach(p -> pending.add(p.getClass().getName()));
		while (!pending.isEmpty()) {
			String name = pending.pop();
			if (reached.add(name)) {
				references.getOrDefault(name, Set.of()).forEach(pending::add);
			}
		}
		for (String name : reached) {
			Path source = classes.resolve(name.replace('.', '/') + ".class");
			if (Files.exists(source)) {
				Path copy = target.resolve(classes.relativize(source).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Path services = target.resolve("META-INF/services/" + HookProvider.class.getName());
		Files.createDirectories(services.getParent());
		Files.writeString(services, String.join("\n", providers.stream().map(p -> p.getClass().getName()).sorted().toList()) + "\n");
		return true;
	}

	/** Class-to-class references inside the folder, as {@code jdeps -verbose:class} reports them. */
	private static Map<String, Set<String>> references(Path classes) throws IOException {
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IOException(
				"Building images needs jdeps, which the Java running Byron lacks. Run Byron on a JDK 17 or newer."));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none",
				"--ignore-missing-deps", classes.toString());
		if (status != 0) {
			throw new IOException("jdeps failed on " + classes + ": " + err);
		}
		Map<String, Set<String>> references = new HashMap<>();
		for (String line : out.toString().split("\n")) {
			String[] parts = line.trim().split("\\s+");
			// "a.B -> c.D classes": a reference between two classes of the folder
			if (parts.length == 4 && parts[1].equals("->") && parts[3].equals(classes.getFileName().toString())) {
				references.computeIfAbsent(parts[0], k -> new HashSet<>()).add(parts[2]);
			}
		}
		// Nested classes are loaded with their outer class even where no constant refers to them.
		try (var walk = Files.walk(classes)) {
			walk.filter(f -> f.toString().endsWith(".class") && f.getFileName().toString().contains("$")).forEach(f -> {
				String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
				references.computeIfAbsent(name.substring(0, name.indexOf('$')), k -> new HashSet<>()).add(name);
			});
		}
		return references;
	}
}
