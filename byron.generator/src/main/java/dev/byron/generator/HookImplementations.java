package dev.byron.generator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.Severity;
import dev.byron.dsl.api.TextEdit;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.SourceRange;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.JavaNames;

/**
 * Which hooks, reactions and resolvers of the model the user's classes in {@code hooks/} do not declare yet, read
 * from the Java sources as they stand (saved or not) without compiling them, and the edit that adds their stubs.
 * A component that no class implements yet is left out: {@code byron run} writes its whole stub
 * ({@link HookStubs}).
 */
public final class HookImplementations {
	/** The runtime types stub bodies name by their simple names. */
	private static final List<String> RUNTIME_TYPES = List.of("dev.byron.runtime.api.ByronException",
			"dev.byron.runtime.api.ErrorCode", "dev.byron.runtime.spi.CommandHookContext", "dev.byron.runtime.spi.EventHookContext",
			"dev.byron.runtime.spi.ResolverContext");

	/** The code of the diagnostic a gap is reported as. */
	public static final String CODE = "missing-hook-implementation";

	/** A method the model names and the implementing class lacks; {@code declaredAt} is where the model names it. */
	public record Gap(String component, String method, SourceRange declaredAt, Path file, String className,
			HookStubs.StubMethod stub) {
		public String message() {
			return "'" + method + "' has no implementation: " + file.getFileName() + " implements the hooks of " + component
					+ " without it, so byron run refuses to start. Add it, or take the quick fix that writes its stub.";
		}

		/** The gap as an error on the model's line that names the method, where the user looks. */
		public ModelDiagnostic diagnostic() {
			return new ModelDiagnostic(Severity.ERROR, declaredAt.file(), declaredAt.line(), declaredAt.column(), declaredAt.offset(),
					declaredAt.length(), CODE, message(), List.of(file.toString(), method));
		}
	}

	private HookImplementations() {
	}

	/** The gaps of every component, given the text of each Java file under {@code hooks/}. */
	public static List<Gap> find(ByronModel model, Map<Path, String> javaSources) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null || javaSources.isEmpty()) {
			return List.of(); // a JRE cannot read Java: byron run says so when it compiles
		}
		List<ComponentDescriptor> all = GenerationInput.of(model).descriptors();
		JavaModel java = new JavaModel(all);
		List<JavaClass> classes = classes(compiler, javaSources);
		List<Gap> gaps = new ArrayList<>();
		for (ComponentDescriptor descriptor : all) {
			Optional<JavaModel.HooksInterface> hooks = java.hooks(descriptor);
			Optional<ComponentDef> def = model.component(descriptor.name());
			if (hooks.isEmpty() || def.isEmpty()) {
				continue;
			}
			List<JavaClass> implementing = classes.stream().filter(c -> c.implementsInterface(hooks.get())).toList();
			if (implementing.isEmpty()) {
				continue;
			}
			Set<String> declared = implementing.stream().flatMap(c -> c.methods().stream()).collect(Collectors.toSet());
			JavaClass first = implementing.get(0);
			for (HookStubs.StubMethod stub : HookStubs.methods(hooks.get(), first.name())) {
				String method = stub.name();
				if (!declared.contains(method)) {
					declaredAt(def.get(), method).ifPresent(range -> gaps.add(new Gap(descriptor.name(), method, range,
							first.file(), first.name(), stub)));
				}
			}
		}
		return gaps;
	}

	/**
	 * A class in {@code hooks/} that implements the hooks of a component the model no longer has (deleted, or renamed
	 * without its class): {@code byron run} leaves its file out, which would not compile against the model.
	 */
	public record Orphan(Path file, String className, String component) {
		public String message() {
			return className + " implements the hooks of component '" + component + "', which the model no longer has: byron run"
					+ " leaves " + file.getFileName() + " out. Delete it, or rename it and its package for the component's new name.";
		}

		public ModelDiagnostic diagnostic(String javaSource) {
			java.util.regex.Matcher declared = java.util.regex.Pattern.compile("\\bclass\\s+" + className + "\\b").matcher(javaSource);
			boolean found = declared.find();
			int at = found ? declared.start() : 0;
			int line = (int) javaSource.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
			int column = at - (javaSource.lastIndexOf('\n', at - 1) + 1) + 1;
			return new ModelDiagnostic(Severity.WARNING, file, line, column, at, found ? declared.end() - at : 0, ORPHAN_CODE,
					message(), List.of(file.toString()));
		}
	}

	/** The code of the warning an orphan is reported as. */
	public static final String ORPHAN_CODE = "hooks-of-a-missing-component";

	/**
	 * The classes among these Java sources that implement the hooks interface of a component of this system that the
	 * model does not have (by the interface's package, {@code byron.<system>.<component>}).
	 */
	public static List<Orphan> orphans(List<ComponentDescriptor> all, Map<Path, String> javaSources) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null || javaSources.isEmpty() || all.isEmpty()) {
			return List.of();
		}
		String system = JavaModel.packageOf(all.get(0)).replaceAll("\\.[^.]+$", "") + ".";
		Set<String> components = all.stream().map(JavaModel::packageOf).collect(Collectors.toSet());
		java.util.regex.Pattern hooks = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(system) + "([a-z_][a-z0-9_]*)\\.[A-Z]\\w*Hooks");
		List<Orphan> orphans = new ArrayList<>();
		for (JavaClass declared : classes(compiler, javaSources)) {
			for (String named : declared.interfaces()) {
				// the interface as Java resolves its name: written whole, imported by name, else from an imported package
				List<String> candidates = named.contains(".") ? List.of(named)
						: declared.imports().stream().filter(i -> i.endsWith("." + named)).toList();
				if (candidates.isEmpty()) {
					candidates = declared.imports().stream().filter(i -> i.endsWith(".*")).map(i -> i.substring(0, i.length() - 1) + named)
							.toList();
				}
				java.util.Optional<java.util.regex.Matcher> missing = candidates.stream().map(hooks::matcher)
						.filter(java.util.regex.Matcher::matches)
						.filter(m -> !components.contains(system + m.group(1))).findFirst();
				if (missing.isPresent()) {
					orphans.add(new Orphan(declared.file(), declared.name(), missing.get().group(1)));
					break;
				}
			}
		}
		return orphans;
	}

	/** The edits that add these gaps' stubs to their class (all of one file), with the imports their bodies need. */
	public static List<TextEdit> fill(String javaSource, List<Gap> gaps) {
		if (gaps.isEmpty()) {
			return List.of();
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		Path file = gaps.get(0).file();
		JavaClass target = classes(compiler, Map.of(file, javaSource)).stream()
				.filter(c -> c.name().equals(gaps.get(0).className())).findFirst()
				.orElseThrow(() -> new IllegalArgumentException(file + " no longer declares " + gaps.get(0).className()));
		String indent = indentation(javaSource);
		StringBuilder methods = new StringBuilder();
		for (Gap gap : gaps) {
			methods.append('\n').append(indent).append("@Override\n").append(indent).append("public ").append(gap.stub().declaration())
					.append(" {\n").append(indent).append(indent).append(gap.stub().body()).append('\n').append(indent).append("}\n");
		}
		String added = methods.toString();
		// the types the file imports already are named as it names them
		for (String imported : target.imports()) {
			if (!imported.endsWith(".*")) {
				added = added.replaceAll("\\b" + java.util.regex.Pattern.quote(imported) + "\\b",
						java.util.regex.Matcher.quoteReplacement(imported.substring(imported.lastIndexOf('.') + 1)));
			}
		}
		String body = added;
		List<String> imports = RUNTIME_TYPES.stream()
				.filter(type -> body.contains(type.substring(type.lastIndexOf('.') + 1)) && !target.imports().contains(type)
						&& !target.imports().contains(type.substring(0, type.lastIndexOf('.')) + ".*"))
				.toList();
		List<TextEdit> edits = new ArrayList<>();
		if (!imports.isEmpty()) {
			String lines = imports.stream().map(type -> "import " + type + ";\n").collect(Collectors.joining());
			edits.add(new TextEdit(file, target.importsEnd(), 0, target.importsEnd() == 0 ? lines + "\n" : "\n" + lines.stripTrailing()));
		}
		edits.add(new TextEdit(file, target.closingBrace(), 0, body));
		return edits;
	}

	/** The whitespace the file indents with: that of its first indented line (a comment's ' * ' lines aside), else a tab. */
	private static String indentation(String javaSource) {
		java.util.regex.Matcher first = java.util.regex.Pattern.compile("(?m)^([ \t]+)[^\\s*]").matcher(javaSource);
		return first.find() ? first.group(1) : "\t";
	}

	/** Where the model names a hook method: its first hook, reaction or operation of that name. */
	private static Optional<SourceRange> declaredAt(ComponentDef component, String method) {
		Map<String, SourceRange> named = new LinkedHashMap<>();
		component.hooks().forEach(h -> named.putIfAbsent(JavaNames.member(h.hook()), h.range()));
		component.reactions().forEach(r -> named.putIfAbsent(JavaNames.member(r.hook()), r.range()));
		component.operations().forEach(o -> named.putIfAbsent(JavaNames.member(o.name()), o.range()));
		return Optional.ofNullable(named.get(method));
	}

	/** A top-level class as the parser read it: what it implements, the methods it declares, where to add. */
	private record JavaClass(Path file, String name, List<String> interfaces, Set<String> methods, Set<String> imports,
			int importsEnd, int closingBrace) {
		boolean implementsInterface(JavaModel.HooksInterface hooks) {
			return interfaces.stream().anyMatch(i -> i.equals(hooks.packageName() + "." + hooks.name())
					|| i.equals(hooks.name()) && (imports.contains(hooks.packageName() + "." + hooks.name())
							|| imports.contains(hooks.packageName() + ".*")));
		}
	}

	private static List<JavaClass> classes(JavaCompiler compiler, Map<Path, String> sources) {
		List<JavaFileObject> files = new ArrayList<>();
		Map<URI, Path> paths = new LinkedHashMap<>();
		sources.forEach((path, text) -> {
			URI uri = URI.create("string:///" + path.toString().replace('\\', '/').replace(" ", "%20"));
			paths.put(uri, path);
			files.add(new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
				@Override
				public CharSequence getCharContent(boolean ignoreEncodingErrors) {
					return text;
				}
			});
		});
		JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostic -> {
		}, List.of("-proc:none"), null, files);
		SourcePositions positions = Trees.instance(task).getSourcePositions();
		List<JavaClass> classes = new ArrayList<>();
		try {
			for (CompilationUnitTree unit : task.parse()) {
				Path path = paths.get(unit.getSourceFile().toUri());
				Set<String> imports = unit.getImports().stream().filter(i -> !i.isStatic())
						.map(i -> i.getQualifiedIdentifier().toString()).collect(Collectors.toSet());
				int importsEnd = 0;
				if (!unit.getImports().isEmpty()) {
					ImportTree last = unit.getImports().get(unit.getImports().size() - 1);
					importsEnd = (int) positions.getEndPosition(unit, last);
				} else if (unit.getPackage() != null) {
					int semicolon = sources.get(path).indexOf(';', (int) positions.getStartPosition(unit, unit.getPackage()));
					importsEnd = semicolon + 1;
				}
				for (Tree type : unit.getTypeDecls()) {
					if (type instanceof ClassTree declared && declared.getKind() == Tree.Kind.CLASS) {
						long end = positions.getEndPosition(unit, declared);
						if (end <= 0) {
							continue; // the class is not closed yet: nothing can be added to it
						}
						Set<String> methods = declared.getMembers().stream().filter(MethodTree.class::isInstance)
								.map(m -> ((MethodTree) m).getName().toString()).collect(Collectors.toSet());
						List<String> interfaces = declared.getImplementsClause().stream().map(Tree::toString)
								.map(i -> i.replaceAll("<.*", "")).toList();
						classes.add(new JavaClass(path, declared.getSimpleName().toString(), interfaces, methods, imports,
								importsEnd, (int) end - 1));
					}
				}
			}
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return classes;
	}
}
