package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.util.CancelIndicator;

import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.TextEdit;

/** The language server's quick fixes for a diagnostic, as text edits the editor applies (and undoes) like any other. */
final class QuickFixes {
	private final LanguageServices services;

	QuickFixes(LanguageServices services) {
		this.services = services;
	}

	/** What the quick-fix service reads through the language server: here, the one file loaded for the request. */
	private record LoadedAccess(LanguageServices.Loaded loaded) implements org.eclipse.xtext.ide.server.ILanguageServerAccess {
		@Override
		public <T> T doSyncRead(String uri, java.util.function.Function<Context, T> function) {
			return function.apply(new Context(loaded.resource(), loaded.document(), true, CancelIndicator.NullImpl));
		}

		@Override
		public <T> java.util.concurrent.CompletableFuture<T> doRead(String uri, java.util.function.Function<Context, T> function) {
			return java.util.concurrent.CompletableFuture.completedFuture(doSyncRead(uri, function));
		}

		@Override
		public <T> java.util.concurrent.CompletableFuture<T> doReadIndex(
				java.util.function.Function<? super IndexContext, ? extends T> function) {
			throw new UnsupportedOperationException("the studio's quick fixes read one file");
		}

		@Override
		public void addBuildListener(IBuildListener listener) {
			// nothing is built here
		}

		@Override
		public org.eclipse.lsp4j.services.LanguageClient getLanguageClient() {
			return null;
		}

		@Override
		public org.eclipse.emf.ecore.resource.ResourceSet newLiveScopeResourceSet(org.eclipse.emf.common.util.URI uri) {
			return loaded.resource().getResourceSet();
		}

		@Override
		public org.eclipse.lsp4j.InitializeParams getInitializeParams() {
			return new org.eclipse.lsp4j.InitializeParams();
		}

		@Override
		public org.eclipse.lsp4j.InitializeResult getInitializeResult() {
			return new org.eclipse.lsp4j.InitializeResult();
		}
	}

	/** A fix's edits, however the service packed them (per URI, or as document edits): all are of the one file loaded. */
	private static List<org.eclipse.lsp4j.TextEdit> edits(org.eclipse.lsp4j.WorkspaceEdit edit) {
		List<org.eclipse.lsp4j.TextEdit> all = new ArrayList<>();
		if (edit == null) {
			return all;
		}
		if (edit.getChanges() != null) {
			edit.getChanges().values().forEach(all::addAll);
		}
		if (edit.getDocumentChanges() != null) {
			edit.getDocumentChanges().stream().filter(change -> change.isLeft())
					.forEach(change -> change.getLeft().getEdits().stream().filter(e -> e.isLeft()).forEach(e -> all.add(e.getLeft())));
		}
		return all;
	}

	/** A fix: its title, as VS Code shows it, and its edits. */
	record Fix(String title, List<TextEdit> edits) {
	}

	/** Whether the language server has fixes for diagnostics with this code (asked of its provider, the one list of them). */
	boolean fixable(String code) {
		if (code == null) {
			return false;
		}
		Diagnostic probe = new Diagnostic(new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0)), "",
				DiagnosticSeverity.Error, "byron", code);
		return services.service(org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider.class).handlesDiagnostic(probe);
	}

	List<Fix> of(Map<Path, String> texts, Path file, ModelDiagnostic diagnostic) {
		return services.load(texts, file).map(loaded -> {
			var document = loaded.document();
			Range range = new Range(document.getPosition(diagnostic.offset()),
					document.getPosition(Math.min(document.getContents().length(), diagnostic.offset() + diagnostic.length())));
			Diagnostic lsp = new Diagnostic(range, diagnostic.message(), DiagnosticSeverity.Error, "byron", diagnostic.code());
			lsp.setData(diagnostic.data() == null ? new String[0] : diagnostic.data().toArray(String[]::new));
			ICodeActionService2.Options options = new ICodeActionService2.Options();
			options.setDocument(document);
			options.setResource(loaded.resource());
			options.setURI(loaded.uri());
			options.setCancelIndicator(CancelIndicator.NullImpl);
			options.setLanguageServerAccess(new LoadedAccess(loaded));
			options.setCodeActionParams(new CodeActionParams(new TextDocumentIdentifier(loaded.uri()), range,
					new CodeActionContext(List.of(lsp))));
			List<Fix> fixes = new ArrayList<>();
			for (var action : services.service(ICodeActionService2.class).getCodeActions(options)) {
				if (action.isRight()) {
					CodeAction code = action.getRight();
					List<TextEdit> edits = edits(code.getEdit()).stream()
							.map(e -> new TextEdit(file, document.getOffSet(e.getRange().getStart()),
									document.getOffSet(e.getRange().getEnd()) - document.getOffSet(e.getRange().getStart()),
									e.getNewText()))
							.toList();
					if (!edits.isEmpty()) {
						fixes.add(new Fix(code.getTitle(), edits));
					}
				}
			}
			return fixes;
		}).orElse(List.of());
	}
}
