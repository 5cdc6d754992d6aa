package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.byron.generator.Artifact;
import dev.byron.generator.GenerationInput;
import dev.byron.generator.HookImplementations;
import dev.byron.generator.JavaGenerator;
import dev.byron.runtime.spi.HookProvider;

/**
 * The user's Java (hooks/, and customResolvers/ in older projects) compiled together with the types Byron generates, into
 * {@code work/classes}; what {@code byron run} loads and what a component's image carries.
 */
public final class HookBuild {
	private HookBuild() {
	}

	/**
	 * Compiled hook code; {@code classes} holds the class files, {@code providers} the providers they define; {@code left}
	 * the classes left out, which implement the hooks of a component the model no longer has.
	 */
	public record Result(Path classes, List<HookProvider> providers, List<HookImplementations.Orphan> left) {
	}

	public static Result compile(Path project, GenerationInput input, Path work) throws IOException, LocalRunException {
		return compile(project, input, work, () -> {
		});
	}

	/** As above; {@code compiling} runs just before the Java compiler does, when a source changed since the last build. */
	public static Result compile(Path project, GenerationInput input, Path work, Runnable compiling) throws IOException,
			LocalRunException {
		Path generated = work.resolve("generated");
		Path classes = work.resolve("classes");
		deleteTree(generated);
		for (Artifact artifact : new JavaGenerator().generate(input)) {
			Path file = generated.resolve(artifact.path().substring("java/".length()));
			Files.createDirectories(file.getParent());
			Files.writeString(file, artifact.content());
		}
		try {
			HookCompiler.Compiled compiled = HookCompiler.compile(project, generated, classes, compiling, () -> {
				try {
					return HookImplementations.orphans(input.descriptors(), javaSources(project));
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			return new Result(classes, compiled.providers(), compiled.left());
		} catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		} catch (HookCompiler.CompileError e) {
			throw LocalRunException.inTheProject("hooks/ does not compile:\n" + e.getMessage(), null);
		}
	}

	/** The Java files of {@code hooks/}, with their texts. */
	private static java.util.Map<Path, String> javaSources(Path project) throws IOException {
		java.util.Map<Path, String> sources = new java.util.LinkedHashMap<>();
		Path hooks = project.resolve("hooks");
		if (Files.isDirectory(hooks)) {
			try (Stream<Path> walk = Files.walk(hooks)) {
				for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
					sources.put(file, Files.readString(file));
				}
			}
		}
		return sources;
	}

	public static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
