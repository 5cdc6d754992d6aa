package dev.byron.dsl.ide.rename;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.rename.RenameService2;

import com.google.gson.JsonElement;
import com.google.inject.Inject;
import com.google.inject.Injector;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.ModelLoadException;
import dev.byron.dsl.api.Severity;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.validation.IssueCodes;

/**
 * Xtext's rename, refused where it would break the model, with the reason as the message. Xtext renames to any text
 * ({@code posts} to {@code Bad Name}, or to the name of another component) and answers a rename it cannot do with
 * "Refactoring cannot be performed", its reasons in the error's data, which editors do not show. Here the renamed
 * texts are checked as the model's own checks do (one source for every naming and uniqueness rule), and an error
 * the rename would add is the answer.
 */
public class ByronRenameService extends RenameService2 {
	private static final String NOTHING_HERE = "Nothing to rename here: put the cursor on a name where it is declared or"
			+ " referred to (a name Byron makes, such as UserCreated or createUser, changes with its entity's).";

	@Inject
	private Injector injector;
	@Inject
	private RenamesUnderWay underWay;

	@Override
	public WorkspaceEdit rename(Options options) {
		if (!onAName(options)) {
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, NOTHING_HERE, null));
		}
		WorkspaceEdit edit;
		try {
			edit = super.rename(options);
		} catch (Exception e) { // Xtext rethrows its future's ExecutionException unchecked
			underWay.forget();
			ResponseError refusal = refusal(e);
			if (refusal == null) {
				throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
			}
			String reasons = reasons(refusal.getData());
			throw new ResponseErrorException(new ResponseError(refusal.getCode(),
					reasons.isBlank() ? refusal.getMessage() : "Cannot rename: " + reasons, null));
		}
		underWay.forget();
		if (edit == null) { // a keyword, a comment, a space: said, where editors that do not ask first would show nothing
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, NOTHING_HERE, null));
		}
		Map<Path, List<TextEdit>> changes = changes(edit);
		if (!changes.isEmpty()) {
			String newName = options.getRenameParams().getNewName();
			problemAfter(options.getLanguageServerAccess(), changes).ifPresent(problem -> {
				throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
						"Cannot rename to '" + newName + "': " + problem, null));
			});
		}
		return edit;
	}

	/**
	 * Whether the cursor stands on a name that can be renamed, as prepareRename answers, whatever the client declared:
	 * Xtext checks it only for a client that asks prepareRename first, and otherwise renamed the entity of a generated
	 * name to the whole text typed ({@code RoomUpdated} to {@code ChamberUpdated}: an entity ChamberUpdated).
	 */
	private boolean onAName(Options options) {
		var params = options.getRenameParams();
		try {
			return options.getLanguageServerAccess().doRead(params.getTextDocument().getUri(), context -> doPrepareRename(
					context.getResource(), context.getDocument(), new org.eclipse.lsp4j.PrepareRenameParams(params.getTextDocument(),
							params.getPosition()), options.getCancelIndicator()) != null).get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		} catch (java.util.concurrent.ExecutionException e) {
			return false;
		}
	}

	/**
	 * Xtext's, except on an annotation's or its argument's name ({@code @length(max: 20)}: the language's words, not
	 * the model's).
	 */
	@Override
	protected org.eclipse.lsp4j.jsonrpc.messages.Either3<org.eclipse.lsp4j.Range, org.eclipse.lsp4j.PrepareRenameResult,
			org.eclipse.lsp4j.PrepareRenameDefaultBehavior> doPrepareRename(org.eclipse.emf.ecore.resource.Resource resource,
					Document document, org.eclipse.lsp4j.PrepareRenameParams params, org.eclipse.xtext.util.CancelIndicator cancelIndicator) {
		if (resource instanceof org.eclipse.xtext.resource.XtextResource xtext) {
			int offset = document.getOffSet(params.getPosition());
			if (languagesWord(getElementWithIdentifierAt(xtext, offset))
					|| offset > 0 && languagesWord(getElementWithIdentifierAt(xtext, offset - 1))) {
				return null;
			}
		}
		return super.doPrepareRename(resource, document, params, cancelIndicator);
	}

	private static boolean languagesWord(org.eclipse.emf.ecore.EObject element) {
		return element instanceof dev.byron.dsl.byron.Annotation || element instanceof dev.byron.dsl.byron.Argument;
	}

	/** The first error the edited texts have that the texts as they are do not (by code), where and what. */
	private Optional<String> problemAfter(ILanguageServerAccess access, Map<Path, List<TextEdit>> changes) {
		List<Source> before = new ArrayList<>();
		List<Source> after = new ArrayList<>();
		try {
			for (Path file : ByronLoader.files(folderOf(changes.keySet()))) {
				String text = contents(access, file);
				before.add(new Source(file, text));
				after.add(new Source(file, changes.containsKey(file) ? applied(text, changes.get(file)) : text));
			}
		} catch (ModelLoadException | IOException e) {
			return Optional.empty(); // what cannot be read is not this rename's to judge
		}
		ByronLoader loader = ByronLoader.with(injector);
		Map<String, Integer> known = new HashMap<>(errorsBefore(loader, before));
		for (ModelDiagnostic error : errors(loader, after)) {
			if (known.merge(error.code(), -1, Integer::sum) < 0) {
				return Optional.of(IssueCodes.SYNTAX_ERROR.equals(error.code())
						? "it cannot stand here as a name: a name is letters, digits and '_', not starting with a digit, and not a word of the language."
						: error.message() + " (" + error.file().getFileName() + ":" + error.line() + ")");
			}
		}
		return Optional.empty();
	}

	/**
	 * The errors of the texts as they are, by code: read once for all the names an editor checks as they are typed on
	 * the same texts (each check then reads the model once, renamed).
	 */
	private Map<String, Integer> errorsBefore(ByronLoader loader, List<Source> before) {
		Before last = lastBefore;
		if (last != null && last.sources().equals(before)) {
			return last.errors();
		}
		Map<String, Integer> errors = new HashMap<>();
		errors(loader, before).forEach(d -> errors.merge(d.code(), 1, Integer::sum));
		lastBefore = new Before(List.copyOf(before), Map.copyOf(errors));
		return errors;
	}

	private record Before(List<Source> sources, Map<String, Integer> errors) {
	}

	private volatile Before lastBefore;

	private static List<ModelDiagnostic> errors(ByronLoader loader, List<Source> sources) {
		return loader.loadSources(sources).diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
	}

	/** The folder the renamed files share: the project whose texts are checked together. */
	private static Path folderOf(java.util.Set<Path> files) {
		Path folder = files.iterator().next().getParent();
		for (Path file : files) {
			while (!file.startsWith(folder)) {
				folder = folder.getParent();
			}
		}
		return folder;
	}

	/** A file's text as the language server has it (an editor's unsaved text), else as on disk. */
	private static String contents(ILanguageServerAccess access, Path file) throws IOException {
		try {
			return access.doRead(file.toUri().toString(), context -> context.getDocument().getContents()).get(30, TimeUnit.SECONDS);
		} catch (Exception notKnown) {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
	}

	/** A workspace edit's text edits by file, as its {@code changes} or its {@code documentChanges} give them. */
	public static Map<Path, List<TextEdit>> changes(WorkspaceEdit edit) {
		Map<Path, List<TextEdit>> changes = new LinkedHashMap<>();
		if (edit == null) {
			return changes;
		}
		if (edit.getChanges() != null) {
			edit.getChanges().forEach((uri, edits) -> changes.put(path(uri), edits));
		}
		if (edit.getDocumentChanges() != null) {
			edit.getDocumentChanges().stream().filter(change -> change.isLeft()).forEach(change -> changes.put(
					path(change.getLeft().getTextDocument().getUri()),
					change.getLeft().getEdits().stream().filter(e -> e.isLeft()).map(e -> e.getLeft()).collect(Collectors.toList())));
		}
		changes.values().removeIf(List::isEmpty);
		return changes;
	}

	private static Path path(String uri) {
		return Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize();
	}

	private static String applied(String text, List<? extends TextEdit> edits) {
		Document document = new Document(1, text);
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparingInt((TextEdit e) -> document.getOffSet(e.getRange().getStart())).reversed());
		StringBuilder result = new StringBuilder(text);
		for (TextEdit edit : sorted) {
			result.replace(document.getOffSet(edit.getRange().getStart()), document.getOffSet(edit.getRange().getEnd()), edit.getNewText());
		}
		return result.toString();
	}

	private static ResponseError refusal(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof ResponseErrorException refused) {
				return refused.getResponseError();
			}
		}
		return null;
	}

	private static String reasons(Object data) {
		if (data instanceof JsonElement json) {
			return json.isJsonPrimitive() ? json.getAsString() : json.toString();
		}
		return data == null ? "" : data.toString();
	}
}
