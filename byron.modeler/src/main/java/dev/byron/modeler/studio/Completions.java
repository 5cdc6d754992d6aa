package dev.byron.modeler.studio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Injector;

import dev.byron.dsl.ide.ByronIdeSetup;

/**
 * Completion in the studio's editor: the language server's own content assist, run in-process on the
 * project's current texts, so the studio proposes exactly what VS Code does.
 */
final class Completions {
	private final Injector injector = new ByronIdeSetup().createInjector();

	/** A proposal: what the list shows, and the text that replaces {@code [start, end)}. */
	record Proposal(String label, String detail, int start, int end, String text) {
	}

	List<Proposal> at(Map<Path, String> texts, Path file, int offset) {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		IResourceFactory factory = injector.getInstance(IResourceFactory.class);
		XtextResource target = null;
		for (Map.Entry<Path, String> entry : texts.entrySet()) {
			XtextResource resource = (XtextResource) factory.createResource(URI.createFileURI(entry.getKey().toString()));
			resourceSet.getResources().add(resource);
			try {
				resource.load(new ByteArrayInputStream(entry.getValue().getBytes(StandardCharsets.UTF_8)),
						Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (entry.getKey().equals(file)) {
				target = resource;
			}
		}
		if (target == null) {
			return List.of();
		}
		Document document = new Document(1, texts.get(file));
		CompletionParams params = new CompletionParams(new TextDocumentIdentifier(file.toUri().toString()),
				document.getPosition(offset));
		List<CompletionItem> items = injector.getInstance(ContentAssistService.class)
				.createCompletionList(document, target, params, CancelIndicator.NullImpl).getItems();
		return items.stream().filter(item -> item.getTextEdit() != null && item.getTextEdit().isLeft()).map(item -> {
			var edit = item.getTextEdit().getLeft();
			return new Proposal(item.getLabel(), item.getDetail(), document.getOffSet(edit.getRange().getStart()),
					document.getOffSet(edit.getRange().getEnd()), edit.getNewText());
		}).toList();
	}
}
