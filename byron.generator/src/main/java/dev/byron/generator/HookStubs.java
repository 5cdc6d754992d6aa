package dev.byron.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.byron.runtime.descriptor.ComponentDescriptor;

/**
 * Starting points for the user's code: {@code hooks/<Component>HooksImpl.java}, implementing the generated
 * interface. Written once, only when the file does not exist; never overwritten.
 */
public final class HookStubs {
	public record StubMethod(String declaration, String body) {
		/** The method's name, as Java declares it. */
		public String name() {
			return declaration.substring(0, declaration.indexOf('(')).replaceAll(".* ", "");
		}
	}

	public record Stub(String component, String className, String interfaceName, List<StubMethod> methods) {
	}

	private HookStubs() {
	}

	/** Writes the stub for a component if it has hooks or resolvers and the file does not exist yet. */
	public static Optional<Path> writeIfMissing(Path project, ComponentDescriptor component, List<ComponentDescriptor> all)
			throws IOException {
		Optional<JavaModel.HooksInterface> hooks = new JavaModel(all).hooks(component);
		if (hooks.isEmpty()) {
			return Optional.empty();
		}
		String className = hooks.get().name() + "Impl";
		Path file = project.resolve("hooks").resolve(className + ".java");
		if (Files.exists(file)) {
			return Optional.empty();
		}
		List<StubMethod> methods = methods(hooks.get(), className);
		String interfaceName = hooks.get().packageName() + "." + hooks.get().name();
		Files.createDirectories(file.getParent());
		Files.writeString(file, Templates.render("stub.java.ftl",
				Map.of("stub", new Stub(component.name(), className, interfaceName, methods))), StandardCharsets.UTF_8);
		return Optional.of(file);
	}

	/** Each method of the hooks interface with a body that compiles and does the harmless thing (or says it is missing). */
	static List<StubMethod> methods(JavaModel.HooksInterface hooks, String className) {
		List<StubMethod> methods = new ArrayList<>();
		for (JavaModel.HookMethod method : hooks.methods()) {
			String declaration = method.declaration().replace(" throws Exception", "");
			String name = new StubMethod(declaration, "").name();
			String body;
			if (declaration.startsWith("void ")) {
				body = "// TODO " + method.doc();
			} else if (declaration.contains("CommandHookContext")) {
				body = "return state; // TODO " + method.doc();
			} else {
				body = "throw new ByronException(ErrorCode.INTERNAL, \"" + name + " is not implemented yet: see hooks/" + className
						+ ".java\");";
			}
			methods.add(new StubMethod(declaration, body));
		}
		return methods;
	}
}
