package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.byron.dsl.api.TextEdit;

/**
 * F2: the language server's rename, run in-process on the project's current texts: the name under the caret
 * and every reference to it, in every file (as VS Code renames), as text edits the editor applies as one step.
 */
final class Renames {
	private final LanguageServices services;

	Renames(LanguageServices services) {
		this.services = services;
	}

	/** A name that can be renamed: where it stands in its file, and what it is now. */
	record Target(int offset, int length, String name) {
	}

	/** What stands at a character that rename can change, if anything. */
	Optional<Target> at(Map<Path, String> texts, Path file, int offset) {
		return services.load(texts, file).flatMap(loaded -> {
			Document document = loaded.document();
			IRenameService2.PrepareRenameOptions options = new IRenameService2.PrepareRenameOptions();
			options.setLanguageServerAccess(new Workspace(texts, services, loaded));
			options.setParams(new PrepareRenameParams(new TextDocumentIdentifier(loaded.uri()), document.getPosition(offset)));
			options.setCancelIndicator(CancelIndicator.NullImpl);
			var prepared = services.service(IRenameService2.class).prepareRename(options);
			if (prepared == null || prepared.getLeft() == null) {
				return Optional.empty();
			}
			int start = document.getOffSet(prepared.getLeft().getStart());
			int end = document.getOffSet(prepared.getLeft().getEnd());
			return Optional.of(new Target(start, end - start, texts.get(file).substring(start, end)));
		});
	}

	/** The edits that rename what stands at a character, everywhere. */
	List<TextEdit> rename(Map<Path, String> texts, Path file, int offset, String newName) {
		return services.load(texts, file).map(loaded -> {
			Workspace workspace = new Workspace(texts, services, loaded);
			IRenameService2.Options options = new IRenameService2.Options();
			options.setLanguageServerAccess(workspace);
			options.setRenameParams(new RenameParams(new TextDocumentIdentifier(loaded.uri()), loaded.document().getPosition(offset),
					newName));
			options.setCancelIndicator(CancelIndicator.NullImpl);
			WorkspaceEdit edit = services.service(IRenameService2.class).rename(options);
			List<TextEdit> edits = new ArrayList<>();
			if (edit == null) {
				return edits;
			}
			dev.byron.dsl.ide.rename.ByronRenameService.changes(edit).forEach((target, changes) -> {
				Document document = new Document(1, texts.get(target));
				for (org.eclipse.lsp4j.TextEdit change : changes) {
					int start = document.getOffSet(change.getRange().getStart());
					int end = document.getOffSet(change.getRange().getEnd());
					edits.add(new TextEdit(target, start, end - start, change.getNewText()));
				}
			});
			return edits;
		}).orElse(List.of());
	}

	/** The language server's view of the project: every file loaded in one resource set, each with its document. */
	private static final class Workspace implements ILanguageServerAccess {
		private final Map<Path, String> texts;
		private final LanguageServices.Loaded loaded;

		Workspace(Map<Path, String> texts, LanguageServices services, LanguageServices.Loaded loaded) {
			this.texts = texts;
			this.loaded = loaded;
		}

		private Context context(String uri) {
			Path file = Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize();
			ResourceSet set = loaded.resource().getResourceSet();
			XtextResource resource = (XtextResource) set.getResource(org.eclipse.emf.common.util.URI.createFileURI(file.toString()), true);
			return new Context(resource, new Document(1, texts.get(file)), true, CancelIndicator.NullImpl);
		}

		@Override
		public <T> T doSyncRead(String uri, Function<Context, T> function) {
			return function.apply(context(uri));
		}

		@Override
		public <T> CompletableFuture<T> doRead(String uri, Function<Context, T> function) {
			try {
				return CompletableFuture.completedFuture(doSyncRead(uri, function));
			} catch (RuntimeException e) {
				return CompletableFuture.failedFuture(e);
			}
		}

		@Override
		public <T> CompletableFuture<T> doReadIndex(Function<? super IndexContext, ? extends T> function) {
			throw new UnsupportedOperationException("rename reads the loaded files");
		}

		@Override
		public void addBuildListener(IBuildListener listener) {
		}

		@Override
		public LanguageClient getLanguageClient() {
			return null;
		}

		@Override
		public ResourceSet newLiveScopeResourceSet(org.eclipse.emf.common.util.URI uri) {
			return loaded.resource().getResourceSet();
		}

		@Override
		public InitializeParams getInitializeParams() {
			return new InitializeParams();
		}

		@Override
		public InitializeResult getInitializeResult() {
			org.eclipse.lsp4j.ServerCapabilities capabilities = new org.eclipse.lsp4j.ServerCapabilities();
			org.eclipse.lsp4j.RenameOptions rename = new org.eclipse.lsp4j.RenameOptions();
			rename.setPrepareProvider(true);
			capabilities.setRenameProvider(org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(rename));
			return new InitializeResult(capabilities);
		}
	}
}
