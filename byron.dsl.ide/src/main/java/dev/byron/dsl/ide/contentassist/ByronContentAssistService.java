package dev.byron.dsl.ide.contentassist;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;

/**
 * Completion items whose documentation is Markdown, as the language reference and hovers are: Xtext sends it as plain
 * text, and editors showed its asterisks ({@code **@auth(role: string)**}).
 */
public class ByronContentAssistService extends ContentAssistService {
	@Override
	protected CompletionItem toCompletionItem(ContentAssistEntry entry, int caretOffset, Position caretPosition, Document document) {
		CompletionItem item = super.toCompletionItem(entry, caretOffset, caretPosition, document);
		if (entry.getDocumentation() != null) {
			item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, entry.getDocumentation()));
		}
		return item;
	}
}
