package dev.byron.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;

/**
 * Xtext's quick fixes as code actions, a fix that writes the name its diagnostic suggests titled with that name
 * ("Change to 'Patient'"): Xtext's fix labels are fixed strings, and a menu of them should say what each writes.
 */
public class ByronCodeActionService extends QuickFixCodeActionService {
	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<Either<Command, CodeAction>> actions = super.getCodeActions(options);
		for (Either<Command, CodeAction> action : actions) {
			if (action.isRight()) {
				CodeAction fix = action.getRight();
				String written = ByronQuickfixProvider.titleNaming(fix.getTitle(), fix.getDiagnostics());
				fix.setTitle(written);
			}
		}
		return actions;
	}
}
