package dev.byron.dsl.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;
import com.google.inject.Provider;

import dev.byron.dsl.ByronStandaloneSetup;
import dev.byron.dsl.validation.IssueCodes;

/**
 * Reads a Byron model (one file, or every .byron file below a folder) and returns the model with all its
 * diagnostics. The only door other modules use into the language; it is safe to share across threads.
 */
public final class ByronLoader {
	public static final String EXTENSION = ModelFiles.EXTENSION;
	private static volatile Injector injector;

	private final Provider<XtextResourceSet> resourceSets;
	private final IResourceValidator validator;

	private ByronLoader(Injector injector) {
		this.resourceSets = injector.getProvider(XtextResourceSet.class);
		this.validator = injector.getInstance(IResourceValidator.class);
	}

	public static ByronLoader create() {
		return new ByronLoader(injector());
	}

	/**
	 * A loader on a language injector that is already set up, such as the language server's: {@link #create()}
	 * registers the standalone language with EMF, which a process that serves the IDE language must not do.
	 */
	public static ByronLoader with(Injector languageInjector) {
		return new ByronLoader(languageInjector);
	}

	static Injector injector() {
		Injector result = injector;
		if (result == null) {
			synchronized (ByronLoader.class) {
				result = injector;
				if (result == null) {
					result = new ByronStandaloneSetup().createInjectorAndDoEMFRegistration();
					injector = result;
				}
			}
		}
		return result;
	}

	/** Loads a .byron file or every .byron file below a folder (hidden folders and build output skipped). */
	public LoadResult load(Path path) throws ModelLoadException {
		return loadSources(read(files(path)));
	}

	/** The .byron files a path stands for, sorted, so that results are the same on every machine. */
	public static List<Path> files(Path path) throws ModelLoadException {
		if (!Files.exists(path)) {
			throw new ModelLoadException("No such file or folder: " + path);
		}
		if (Files.isRegularFile(path)) {
			if (!path.getFileName().toString().endsWith(EXTENSION)) {
				throw new ModelLoadException(path + " is not a " + EXTENSION + " file.");
			}
			return List.of(path);
		}
		try {
			List<Path> files = ModelFiles.below(path);
			if (files.isEmpty()) {
				throw new ModelLoadException("No " + EXTENSION + " files in " + path
						+ ". Create one, or start a project with 'byron init'.");
			}
			return files;
		} catch (IOException e) {
			throw new ModelLoadException("Cannot read " + path + ": " + e.getMessage(), e);
		}
	}

	private static List<Source> read(List<Path> files) throws ModelLoadException {
		List<Source> sources = new ArrayList<>();
		for (Path file : files) {
			try {
				sources.add(new Source(file, Files.readString(file, StandardCharsets.UTF_8)));
			} catch (IOException | java.io.UncheckedIOException e) {
				throw new ModelLoadException("Cannot read " + file + ": " + e.getMessage(), e);
			}
		}
		return sources;
	}

	/** Loads files whose text is given, e.g. by an editor that has unsaved changes. */
	public LoadResult loadSources(List<Source> sources) {
		return readSources(sources).check();
	}

	/**
	 * Reads and links texts without checking them: the model at once, its diagnostics when {@link Read#check()} is
	 * called (a view drawn first, its problems listed after). Not to be checked on two threads at once.
	 */
	public Read readSources(List<Source> sources) {
		XtextResourceSet resourceSet = resourceSets.get();
		Map<Resource, Path> paths = new HashMap<>();
		List<Resource> resources = new ArrayList<>();
		for (Source source : sources) {
			Path absolute = source.path().toAbsolutePath().normalize();
			Resource resource = resourceSet.createResource(URI.createFileURI(absolute.toString()));
			load(resource, source.text());
			paths.put(resource, source.path());
			resources.add(resource);
		}
		EcoreUtil.resolveAll(resourceSet);
		return new Read(new ModelBuilder(paths::get).build(resources), resources, paths, List.copyOf(sources));
	}

	/**
	 * A reader for a caller that reads the same project again and again, a few characters changed each time (the
	 * studio, at each edit): it keeps the files it read last, parses a changed one again only where it changed
	 * ({@link dev.byron.dsl.resource.ByronResource#reparse}) and links every file again from its parsed text, so that
	 * what it reads is what {@link #readSources} reads afresh. One thread at a time.
	 */
	public Reader reader() {
		return new Reader();
	}

	/** See {@link #reader()}. */
	public final class Reader {
		private final XtextResourceSet resourceSet = resourceSets.get();
		private final Map<Path, Resource> byPath = new HashMap<>();
		private Read last;

		/**
		 * The texts read and linked, as {@link #readSources} reads them. The last {@link Read} it gave is checked
		 * first, if it was not yet, since its files are about to change (a page asks for the problems of each view it
		 * drew, often once the next edit is on its way).
		 */
		public Read read(List<Source> sources) {
			if (last != null && last.sources.equals(sources)) {
				return last;
			}
			if (last != null) {
				last.check();
			}
			Map<Path, Source> wanted = new java.util.LinkedHashMap<>();
			for (Source source : sources) {
				wanted.put(source.path().toAbsolutePath().normalize(), source);
			}
			for (var kept = byPath.entrySet().iterator(); kept.hasNext();) {
				var entry = kept.next();
				if (!wanted.containsKey(entry.getKey())) {
					resourceSet.getResources().remove(entry.getValue());
					kept.remove();
				}
			}
			java.util.Set<Resource> read = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
			for (Map.Entry<Path, Source> source : wanted.entrySet()) {
				Resource resource = byPath.get(source.getKey());
				if (resource instanceof dev.byron.dsl.resource.ByronResource byron && byron.isLoaded()) {
					String text = source.getValue().text();
					if (!text.equals(byron.getParseResult().getRootNode().getText())) {
						reparse(byron, text);
						read.add(byron);
					}
					continue;
				}
				if (resource != null) {
					resourceSet.getResources().remove(resource);
				}
				resource = resourceSet.createResource(URI.createFileURI(source.getKey().toString()));
				load(resource, source.getValue().text());
				byPath.put(source.getKey(), resource);
				read.add(resource);
			}
			for (Resource resource : byPath.values()) {
				if (!read.contains(resource) && resource instanceof XtextResource xtext) {
					xtext.relink(); // what another file declares may have changed: found again by name, as at a load
				}
			}
			EcoreUtil.resolveAll(resourceSet);
			Map<Resource, Path> paths = new HashMap<>();
			List<Resource> resources = new ArrayList<>();
			for (Source source : sources) {
				Resource resource = byPath.get(source.path().toAbsolutePath().normalize());
				paths.put(resource, source.path());
				resources.add(resource);
			}
			last = new Read(new ModelBuilder(paths::get).build(resources), resources, paths, List.copyOf(sources));
			return last;
		}
	}

	/** A file parsed again where it changed, or, should Xtext's partial parser fail, read whole in its place. */
	private static void reparse(dev.byron.dsl.resource.ByronResource resource, String text) {
		try {
			// every other file is linked again after: none of its references is left to a proxy's address
			resource.reparse(text, java.util.Set.of());
		} catch (RuntimeException e) {
			resource.unload();
			load(resource, text);
		}
	}

	private static void load(Resource resource, String text) {
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Texts read and linked ({@link #readSources}): their model now, their diagnostics once checked. */
	public final class Read {
		private final dev.byron.dsl.api.model.ByronModel model;
		private final List<Resource> resources;
		private final Map<Resource, Path> paths;
		private final List<Source> sources;

		private Read(dev.byron.dsl.api.model.ByronModel model, List<Resource> resources, Map<Resource, Path> paths, List<Source> sources) {
			this.model = model;
			this.resources = resources;
			this.paths = paths;
			this.sources = sources;
		}

		/** The model, best effort where the texts have errors. */
		public dev.byron.dsl.api.model.ByronModel model() {
			return model;
		}

		private LoadResult checked;

		/** Runs every check, once: the model with all its diagnostics. */
		public LoadResult check() {
			if (checked == null) {
				checked = runChecks();
			}
			return checked;
		}

		private LoadResult runChecks() {
			List<ModelDiagnostic> diagnostics = new ArrayList<>();
			for (Resource resource : resources) {
				for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
					diagnostics.add(diagnostic(issue, paths.get(resource)));
				}
			}
			// text the parser could not read comes first: it explains what other files then cannot find
			diagnostics.sort(Comparator.comparing((ModelDiagnostic d) -> !IssueCodes.SYNTAX_ERROR.equals(d.code()))
					.thenComparing((ModelDiagnostic d) -> String.valueOf(d.file()))
					.thenComparingInt(ModelDiagnostic::line).thenComparingInt(ModelDiagnostic::column)
					.thenComparing(ModelDiagnostic::code));
			return new LoadResult(model, List.copyOf(diagnostics), sources);
		}
	}

	private static ModelDiagnostic diagnostic(Issue issue, Path file) {
		Severity severity = switch (issue.getSeverity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			default -> Severity.INFO;
		};
		String code = issue.getCode() == null ? "internal" : issue.getCode();
		List<String> data = issue.getData() == null ? List.of() : List.of(issue.getData());
		return new ModelDiagnostic(severity, file, value(issue.getLineNumber()), value(issue.getColumn()),
				value(issue.getOffset()), value(issue.getLength()), code, issue.getMessage(), data);
	}

	private static int value(Integer number) {
		return number == null ? 0 : number;
	}
}
