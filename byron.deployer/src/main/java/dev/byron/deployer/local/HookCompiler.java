package dev.byron.deployer.local;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.byron.generator.HookImplementations;
import dev.byron.runtime.spi.HookProvider;

/**
 * Compiles the user's Java code in {@code hooks/} (and {@code customResolvers/}, where a project made before
 * hooks and resolvers shared one interface has it) against the runtime, and finds
 * its {@link HookProvider}s. A compile error is reported with the file and line the compiler names.
 */
final class HookCompiler {
	/** The user's code does not compile; the message is the compiler's. */
	static final class CompileError extends Exception {
		private static final long serialVersionUID = 1L;

		CompileError(String message) {
			super(message);
		}
	}

	private static final String FINGERPRINT = ".byron-fingerprint";
	/** The files the classes beside it were compiled without, a line each: path, class, component (tab-separated). */
	private static final String LEFT = ".byron-left";

	private HookCompiler() {
	}

	/** The providers the classes define, and the classes {@code left} out of them. */
	record Compiled(List<HookProvider> providers, List<HookImplementations.Orphan> left) {
	}

	/**
	 * Compiles the project's Java code with the generated sources, leaving out the files the {@code orphans} finder
	 * names; {@code compiling} runs just before the compiler does. Neither runs when the last run's classes stand (the
	 * same sources against the same Byron): then the files left out are the ones it recorded.
	 */
	static Compiled compile(Path project, Path generated, Path classes, Runnable compiling,
			java.util.function.Supplier<List<HookImplementations.Orphan>> orphans) throws IOException, CompileError {
		List<Path> sources = new ArrayList<>();
		for (Path dir : List.of(project.resolve("hooks"), project.resolve("customResolvers"), generated)) {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> walk = Files.walk(dir)) {
					walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
				}
			}
		}
		if (sources.stream().noneMatch(s -> !s.startsWith(generated))) {
			return new Compiled(List.of(), List.of());
		}
		String fingerprint = fingerprint(project, sources);
		Path recorded = classes.resolve(FINGERPRINT);
		Path recordedLeft = classes.resolve(LEFT);
		if (Files.isRegularFile(recorded) && Files.readString(recorded).equals(fingerprint) && Files.isRegularFile(recordedLeft)) {
			return new Compiled(providers(classes), readLeft(recordedLeft));
		}
		List<HookImplementations.Orphan> left = orphans.get();
		java.util.Set<Path> leftFiles = left.stream().map(HookImplementations.Orphan::file).collect(java.util.stream.Collectors.toSet());
		sources.removeIf(leftFiles::contains);
		compiling.run();
		HookBuild.deleteTree(classes);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new CompileError("Compiling hooks/ needs a JDK, and this Java is a JRE: install openjdk-17-jdk.");
		}
		Files.createDirectories(classes);
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), "--release", "17", "-Xlint:none", "-proc:none"));
		sources.forEach(s -> arguments.add(s.toString()));
		StringWriter messages = new StringWriter();
		int result = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
			@Override
			public void write(int b) {
				messages.write(b);
			}
		}), arguments.toArray(String[]::new));
		if (result != 0) {
			throw new CompileError(messages.toString().strip().replace(project.toString() + java.io.File.separator, ""));
		}
		Files.write(recordedLeft, left.stream().map(o -> String.join("\t", o.file().toString(), o.className(), o.component())).toList());
		Files.writeString(recorded, fingerprint);
		return new Compiled(providers(classes), left);
	}

	private static List<HookImplementations.Orphan> readLeft(Path recordedLeft) throws IOException {
		return Files.readAllLines(recordedLeft).stream().filter(line -> !line.isEmpty()).map(line -> line.split("\t", 3))
				.map(part -> new HookImplementations.Orphan(Path.of(part[0]), part[1], part[2])).toList();
	}

	/** What the classes are made of: every source's path and content, and the Byron (classpath and jar dates) they were compiled against. */
	private static String fingerprint(Path project, List<Path> sources) throws IOException {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			for (Path source : sources) {
				String name = source.startsWith(project) ? project.relativize(source).toString() : source.toString();
				digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(source));
			}
			for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
				Path path = Path.of(entry);
				digest.update((entry + (Files.isRegularFile(path) ? Files.getLastModifiedTime(path).toMillis() : 0))
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			digest.update(System.getProperty("java.version").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest.digest());
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<HookProvider> providers(Path classes) throws IOException {
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, HookCompiler.class.getClassLoader());
		List<HookProvider> providers = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(classes)) {
			for (Path file : walk.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
				String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
				try {
					Class<?> type = loader.loadClass(name);
					if (HookProvider.class.isAssignableFrom(type) && !type.isInterface()
							&& !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
						providers.add((HookProvider) type.getDeclaredConstructor().newInstance());
					}
				} catch (ReflectiveOperationException | LinkageError e) {
					throw new IOException("Cannot load " + name + " from hooks/: " + e, e);
				}
			}
		}
		return providers;
	}
}
