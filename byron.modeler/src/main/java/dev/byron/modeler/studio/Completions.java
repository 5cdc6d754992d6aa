package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.util.CancelIndicator;

/** Completion in the studio's editor: the language server's own content assist, on the project's current texts. */
final class Completions {
	private final LanguageServices services;

	Completions(LanguageServices services) {
		this.services = services;
	}

	/** A proposal: what the list shows, and the text that replaces {@code [start, end)}. */
	record Proposal(String label, String detail, int start, int end, String text) {
	}

	List<Proposal> at(Map<Path, String> texts, Path file, int offset) {
		return services.load(texts, file).map(loaded -> {
			CompletionParams params = new CompletionParams(new TextDocumentIdentifier(loaded.uri()),
					loaded.document().getPosition(offset));
			List<CompletionItem> items = services.service(ContentAssistService.class)
					.createCompletionList(loaded.document(), loaded.resource(), params, CancelIndicator.NullImpl).getItems();
			return items.stream().filter(item -> item.getTextEdit() != null && item.getTextEdit().isLeft()).map(item -> {
				var edit = item.getTextEdit().getLeft();
				return new Proposal(item.getLabel(), item.getDetail(), loaded.document().getOffSet(edit.getRange().getStart()),
						loaded.document().getOffSet(edit.getRange().getEnd()), edit.getNewText());
			}).toList();
		}).orElse(List.of());
	}
}
