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
 * text, and editors showed its asterisks ({@code **@auth(role: string)**}). None inside a comment or a string, where
 * Xtext proposed keywords and an editor's Enter at the end of a comment line took one ({@code // a note componentt}).
 */
public class ByronContentAssistService extends ContentAssistService {
	@Override
	public org.eclipse.lsp4j.CompletionList createCompletionList(Document document, org.eclipse.xtext.resource.XtextResource resource,
			org.eclipse.lsp4j.CompletionParams params, org.eclipse.xtext.util.CancelIndicator cancelIndicator) {
		if (inCommentOrString(resource, document.getOffSet(params.getPosition()))) {
			return new org.eclipse.lsp4j.CompletionList();
		}
		return super.createCompletionList(document, resource, params, cancelIndicator);
	}

	/** Whether the cursor stands inside a comment or a string (at its end, only a line comment's, which runs on). */
	static boolean inCommentOrString(org.eclipse.xtext.resource.XtextResource resource, int offset) {
		if (resource.getParseResult() == null || offset <= 0) {
			return false;
		}
		var leaf = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset - 1);
		if (leaf == null || !(leaf.getGrammarElement() instanceof org.eclipse.xtext.TerminalRule rule)) {
			return false;
		}
		boolean lineComment = "SL_COMMENT".equals(rule.getName());
		if (!lineComment && !"ML_COMMENT".equals(rule.getName()) && !"STRING".equals(rule.getName())) {
			return false;
		}
		if (offset < leaf.getEndOffset()) {
			return offset > leaf.getOffset();
		}
		return lineComment && !leaf.getText().endsWith("\n");
	}

	@Override
	protected CompletionItem toCompletionItem(ContentAssistEntry entry, int caretOffset, Position caretPosition, Document document) {
		CompletionItem item = super.toCompletionItem(entry, caretOffset, caretPosition, document);
		if (entry.getDocumentation() != null) {
			item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, entry.getDocumentation()));
		}
		return item;
	}
}
