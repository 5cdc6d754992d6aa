package dev.byron.dsl.ide.hover;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.byron.dsl.api.LanguageReference;
import dev.byron.dsl.byron.Annotation;

/**
 * Hover: the language reference for keywords, scalar types and annotations; for names and references, a
 * summary of the declaration followed by its documentation comment.
 */
public class ByronHoverService extends HoverService {

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
		int offset = document.getOffSet(params.getPosition());
		Optional<Hover> reference = languageReference(document, resource, offset);
		Hover found = reference.orElseGet(() -> super.hover(document, resource, params, cancel));
		return isEmpty(found) ? null : found; // nothing to say: no hover, rather than an empty box the editor draws
	}

	private static boolean isEmpty(Hover hover) {
		if (hover == null || hover.getContents() == null) {
			return true;
		}
		var contents = hover.getContents();
		return contents.isLeft() ? contents.getLeft().isEmpty() : contents.getRight().getValue() == null || contents.getRight().getValue().isBlank();
	}

	private Optional<Hover> languageReference(Document document, XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return Optional.empty();
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return Optional.empty();
		}
		EObject semantic = NodeModelUtils.findActualSemanticObjectFor(leaf);
		Optional<String> text;
		if (semantic instanceof Annotation annotation && annotation.getName() != null) {
			text = LanguageReference.annotation(annotation.getName());
		} else if (leaf.getGrammarElement() instanceof Keyword keyword && !usedAsName(keyword)) {
			text = LanguageReference.keyword(keyword.getValue());
		} else if (leaf.getGrammarElement() instanceof EnumLiteralDeclaration literal) {
			text = LanguageReference.keyword(literal.getLiteral().getValue());
		} else {
			text = Optional.empty();
		}
		return text.map(markdown -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown),
				new Range(document.getPosition(leaf.getOffset()), document.getPosition(leaf.getEndOffset()))));
	}

	/** Keywords stay usable as names ({@code Name} lists them); there they are names, not keywords. */
	private static boolean usedAsName(Keyword keyword) {
		return "Name".equals(GrammarUtil.containingRule(keyword).getName());
	}

	@Override
	protected MarkupContent getMarkupContent(HoverContext context) {
		String usedName = context.getDocument().getContents().substring(context.getRegion().getOffset(),
				context.getRegion().getOffset() + context.getRegion().getLength());
		String summary = DeclarationSummary.of(context.getElement(), usedName);
		String documentation = getContents(context.getElement());
		if (summary == null && documentation == null) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		if (summary != null) {
			text.append(summary);
		}
		if (documentation != null && !documentation.isBlank()) {
			text.append(text.length() > 0 ? "\n\n---\n\n" : "").append(documentation);
		}
		CatalogueLinks.of(context.getElement())
				.ifPresent(page -> text.append(text.length() > 0 ? "\n\n" : "").append("[Its page in the system's catalogue](" + page + ")"));
		return toMarkupContent(MarkupKind.MARKDOWN, text.toString());
	}
}
