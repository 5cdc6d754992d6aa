package dev.byron.dsl.ide.diagram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.ILanguageServerExtension;

import dev.byron.diagram.C4Diagrams;
import dev.byron.diagram.C4Level;
import dev.byron.diagram.Diagram;
import dev.byron.diagram.DiagramPage;
import dev.byron.diagram.DiagramPositions;
import dev.byron.diagram.LaidOutDiagram;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.ModelEdits;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.api.TextEdit;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.EventDef;

/**
 * The diagram of the workspace's model for editors that draw it beside the text (VS Code's "Byron: Open Diagram"),
 * from the language server they already run: {@code byron/diagram} answers the laid-out view (the same layout,
 * SVG and kept positions as Byron Studio and {@code byron diagram}), {@code byron/move} keeps a box where it was
 * dropped, {@code byron/relayout} lays the view out afresh, {@code byron/subscribe} answers the edit that subscribes one component to another's event. The texts
 * are the editor's where a file is open, the disk's elsewhere.
 */
@JsonSegment("byron")
public class DiagramRequests implements ILanguageServerExtension {
	private ILanguageServerAccess access;
	/** The loader on the language server's own injector (the standalone one would re-register the language). */
	@com.google.inject.Inject
	private com.google.inject.Injector injector;
	private volatile ByronLoader loader;
	/**
	 * Typing that changes nothing the view shows (the webview asks after each edit) is not laid out again, and a large
	 * view keeps its boxes where they were, in this process and the next (the same store as Byron Studio's).
	 */
	private final dev.byron.diagram.LastLayout layouts = new dev.byron.diagram.LastLayout(dev.byron.diagram.LayoutStore.userCache());

	/** A view of the project that holds {@code uri} (a model file, or the project's folder). */
	public static class ViewParams {
		public String uri;
		public String level;
		public String component;
	}

	/** A box of a view dropped at {@code x}, {@code y}. */
	public static class MoveParams extends ViewParams {
		public String id;
		public double x;
		public double y;
	}

	/** {@code subscriber} to subscribe to {@code publisher}'s {@code event}. */
	public static class SubscribeParams {
		public String uri;
		public String subscriber;
		public String publisher;
		public String event;
	}

	/** The model as the editor holds it: the project's folder, its files' texts, what they read as; {@code valid} without errors. */
	private record Loaded(Path folder, Map<Path, String> texts, ByronModel model, boolean valid) {
	}

	@Override
	public void initialize(ILanguageServerAccess access) {
		this.access = access;
	}

	@JsonRequest
	public CompletableFuture<DiagramPage> diagram(ViewParams params) {
		return load(params.uri).thenApply(loaded -> page(loaded, params, positions(loaded.folder())));
	}

	@JsonRequest
	public CompletableFuture<DiagramPage> move(MoveParams params) {
		return load(params.uri).thenApply(loaded -> {
			DiagramPositions positions = positions(loaded.folder());
			Diagram view = view(loaded.model(), params);
			LaidOutDiagram laidOut = layouts.layout(loaded.folder(), view, positions);
			if (!laidOut.boxes().containsKey(params.id)) {
				throw invalid("No box " + params.id + " in this view.");
			}
			DiagramPositions moved = positions.moved(laidOut, params.id, new LaidOutDiagram.Point(params.x, params.y));
			keep(loaded, moved);
			return page(loaded, params, moved);
		});
	}

	/** The view laid out afresh by ELK: the places the user chose and those kept from earlier layouts are forgotten. */
	@JsonRequest
	public CompletableFuture<DiagramPage> relayout(ViewParams params) {
		return load(params.uri).thenApply(loaded -> {
			Diagram view = view(loaded.model(), params);
			DiagramPositions reset = positions(loaded.folder()).reset(view);
			layouts.forget(loaded.folder(), view);
			keep(loaded, reset);
			return page(loaded, params, reset);
		});
	}

	/** Writes the layout file; what the model no longer draws (deleted components) is left out once it reads without errors. */
	private static void keep(Loaded loaded, DiagramPositions positions) {
		try {
			(loaded.valid() ? positions.keptFor(C4Diagrams.all(loaded.model())) : positions).write(loaded.folder());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@JsonRequest
	public CompletableFuture<WorkspaceEdit> subscribe(SubscribeParams params) {
		return load(params.uri).thenApply(loaded -> {
			boolean published = loaded.model().component(params.publisher)
					.map(c -> c.events().stream().map(EventDef::name).anyMatch(name -> name.equals(params.event))).orElse(false);
			var subscriber = loaded.model().component(params.subscriber).filter(c -> c.range() != null && c.range().file() != null);
			if (!published || subscriber.isEmpty()) {
				throw invalid("No component " + params.subscriber + ", or no event " + params.event + " of " + params.publisher
						+ ", in the model as it stands.");
			}
			Path file = subscriber.get().range().file().toAbsolutePath().normalize();
			TextEdit edit = ModelEdits.insertMember(loaded.texts().get(file), subscriber.get().range(),
					"on " + params.publisher + "." + params.event + " call on" + params.event);
			return workspaceEdit(loaded.texts().get(file), edit);
		});
	}

	private DiagramPage page(Loaded loaded, ViewParams params, DiagramPositions positions) {
		Diagram view = view(loaded.model(), params);
		return DiagramPage.of(loaded.model(), layouts.layout(loaded.folder(), view, positions),
				positions.keeps(view) || layouts.fromEarlier(loaded.folder(), view),
				file -> file.toUri().toString());
	}

	private static Diagram view(ByronModel model, ViewParams params) {
		C4Level level = C4Level.parse(params.level == null ? "containers" : params.level);
		String focus = params.component;
		if (level == C4Level.COMPONENT && (focus == null || model.component(focus).isEmpty())) {
			focus = model.components().isEmpty() ? null : model.components().get(0).name();
		}
		return level == C4Level.COMPONENT && focus == null ? C4Diagrams.containers(model) : C4Diagrams.of(model, level, focus);
	}

	private static DiagramPositions positions(Path folder) {
		try {
			return DiagramPositions.read(folder);
		} catch (IOException e) {
			return DiagramPositions.none(); // an unreadable layout file: ELK lays the view out
		}
	}

	/** Every model file of the project, each with the editor's text when it is open there. */
	private CompletableFuture<Loaded> load(String uri) {
		Path folder = folderOf(uri);
		List<Path> files;
		try {
			files = ByronLoader.files(folder);
		} catch (Exception e) {
			return CompletableFuture.failedFuture(invalid("No Byron model in " + folder + ": " + e.getMessage()));
		}
		List<CompletableFuture<String>> texts = new ArrayList<>();
		for (Path file : files) {
			texts.add(access.<String>doRead(file.toUri().toString(),
					context -> context.isDocumentOpen() ? context.getDocument().getContents() : null)
					.exceptionally(failure -> null));
		}
		return CompletableFuture.allOf(texts.toArray(CompletableFuture[]::new)).thenApply(done -> {
			Map<Path, String> contents = new LinkedHashMap<>();
			List<Source> sources = new ArrayList<>();
			for (int i = 0; i < files.size(); i++) {
				Path file = files.get(i).toAbsolutePath().normalize();
				String text = texts.get(i).join();
				try {
					text = text != null ? text : Files.readString(file);
				} catch (IOException e) {
					continue; // gone since it was listed
				}
				contents.put(file, text);
				sources.add(new Source(file, text));
			}
			ByronLoader.Reader reader = readers.computeIfAbsent(folder, f -> loader().reader());
			dev.byron.dsl.api.LoadResult read;
			synchronized (reader) { // one thread at a time: it keeps the texts it read last, read again where they change
				read = reader.read(sources).check();
			}
			return new Loaded(folder, contents, read.model(), !read.hasErrors());
		});
	}

	/** By workspace folder: the model as last read for a diagram, read again where an edit changed it. */
	private final Map<Path, ByronLoader.Reader> readers = new java.util.concurrent.ConcurrentHashMap<>();

	private ByronLoader loader() {
		if (loader == null) {
			loader = ByronLoader.with(injector);
		}
		return loader;
	}

	/** The workspace folder that holds {@code uri}; the file's own folder when none does. */
	private Path folderOf(String uri) {
		Path given = uri == null ? null : Path.of(URI.create(uri)).toAbsolutePath().normalize();
		List<Path> roots = new ArrayList<>();
		var init = access.getInitializeParams();
		if (init != null && init.getWorkspaceFolders() != null) {
			for (WorkspaceFolder folder : init.getWorkspaceFolders()) {
				roots.add(Path.of(URI.create(folder.getUri())).toAbsolutePath().normalize());
			}
		}
		if (init != null && init.getRootUri() != null) {
			roots.add(Path.of(URI.create(init.getRootUri())).toAbsolutePath().normalize());
		}
		if (given == null) {
			if (roots.isEmpty()) {
				throw invalid("Give the uri of a model file: this workspace has no folder.");
			}
			return roots.get(0);
		}
		for (Path root : roots) {
			if (given.startsWith(root)) {
				return root;
			}
		}
		return Files.isDirectory(given) ? given : given.getParent();
	}

	private static WorkspaceEdit workspaceEdit(String text, TextEdit edit) {
		Range range = new Range(position(text, edit.offset()), position(text, edit.offset() + edit.length()));
		return new WorkspaceEdit(Map.of(edit.file().toAbsolutePath().normalize().toUri().toString(),
				List.of(new org.eclipse.lsp4j.TextEdit(range, edit.text()))));
	}

	/** The LSP position (line, UTF-16 character) of an offset in a text. */
	static Position position(String text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, Math.min(offset, text.length()) - lineStart);
	}

	private static ResponseErrorException invalid(String message) {
		return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
	}
}
