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

	private HookCompiler() {
	}

	static List<HookProvider> compile(Path project, Path generated, Path classes) throws IOException, CompileError {
		return compile(project, generated, classes, () -> {
		}, java.util.Set.of());
	}

	/**
	 * As above, leaving the files {@code left} out; {@code compiling} runs just before the compiler does (not when the
	 * last run's classes stand).
	 */
	static List<HookProvider> compile(Path project, Path generated, Path classes, Runnable compiling, java.util.Set<Path> left)
			throws IOException, CompileError {
		List<Path> sources = new ArrayList<>();
		for (Path dir : List.of(project.resolve("hooks"), project.resolve("customResolvers"), generated)) {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> walk = Files.walk(dir)) {
					walk.filter(p -> p.toString().endsWith(".java") && !left.contains(p)).sorted().forEach(sources::add);
				}
			}
		}
		if (sources.stream().noneMatch(s -> !s.startsWith(generated))) {
			return List.of();
		}
		String fingerprint = fingerprint(project, sources);
		Path recorded = classes.resolve(FINGERPRINT);
		if (Files.isRegularFile(recorded) && Files.readString(recorded).equals(fingerprint)) {
			return providers(classes); // the same sources against the same Byron: the classes of the last run stand
		}
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
		Files.writeString(recorded, fingerprint);
		return providers(classes);
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
