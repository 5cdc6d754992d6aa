package dev.byron.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;

import dev.byron.dsl.ide.contentassist.ByronContentProposalProvider;
import dev.byron.dsl.ide.hover.ByronHoverService;
import dev.byron.dsl.ide.quickfix.ByronQuickfixProvider;
import dev.byron.dsl.ide.symbols.ByronSymbolKinds;
import dev.byron.dsl.ide.symbols.ByronSymbolNames;

/** Byron's editor services on top of the ones Xtext generates for the language server. */
public class ByronIdeModule extends AbstractByronIdeModule {

	/** {@code byron/diagram}, {@code byron/move}, {@code byron/subscribe}: the diagram beside the text. */
	public Class<? extends org.eclipse.xtext.ide.server.ILanguageServerExtension> bindILanguageServerExtension() {
		return dev.byron.dsl.ide.diagram.DiagramRequests.class;
	}

	public Class<? extends org.eclipse.xtext.generator.IShouldGenerate> bindIShouldGenerate() {
		return dev.byron.dsl.ide.workspace.NothingToGenerate.class;
	}

	public Class<? extends org.eclipse.xtext.resource.EObjectAtOffsetHelper> bindEObjectAtOffsetHelper() {
		return dev.byron.dsl.ide.symbols.ByronEObjectAtOffsetHelper.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return ByronHoverService.class;
	}

	public Class<? extends org.eclipse.xtext.ide.server.contentassist.ContentAssistService> bindContentAssistService() {
		return dev.byron.dsl.ide.contentassist.ByronContentAssistService.class;
	}

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return ByronContentProposalProvider.class;
	}

	public Class<? extends org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider> bindIdeCrossrefProposalProvider() {
		return dev.byron.dsl.ide.contentassist.ByronCrossrefProposalProvider.class;
	}

	public Class<? extends org.eclipse.xtext.ide.server.rename.IRenameService2> bindIRenameService2() {
		return dev.byron.dsl.ide.rename.ByronRenameService.class;
	}

	public Class<? extends org.eclipse.xtext.ide.serializer.hooks.IReferenceUpdater> bindIReferenceUpdater() {
		return dev.byron.dsl.ide.rename.ByronReferenceUpdater.class;
	}

	public Class<? extends org.eclipse.xtext.ide.refactoring.IRenameStrategy2> bindIRenameStrategy2() {
		return dev.byron.dsl.ide.rename.ByronRenameStrategy.class;
	}

	public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
		return ByronQuickfixProvider.class;
	}

	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return dev.byron.dsl.ide.quickfix.ByronCodeActionService.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolKindProvider> bindDocumentSymbolMapper$DocumentSymbolKindProvider() {
		return ByronSymbolKinds.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolNameProvider> bindDocumentSymbolMapper$DocumentSymbolNameProvider() {
		return ByronSymbolNames.class;
	}
}
