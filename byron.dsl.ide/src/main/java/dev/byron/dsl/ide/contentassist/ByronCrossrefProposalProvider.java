package dev.byron.dsl.ide.contentassist;

import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;

import dev.byron.dsl.scoping.ByronDescriptions;

/**
 * Names Byron generates point at the entity they come from, so the default proposal would call a generated event
 * an "Entity": a CRUD event is described as the event it is ({@code created event of Post}).
 */
public class ByronCrossrefProposalProvider extends IdeCrossrefProposalProvider {
	@Override
	protected ContentAssistEntry createProposal(IEObjectDescription candidate, CrossReference crossRef, ContentAssistContext context) {
		ContentAssistEntry entry = super.createProposal(candidate, crossRef, context);
		String kind = candidate.getUserData(ByronDescriptions.EVENT_KIND);
		if (entry != null && kind != null) {
			String entity = candidate.getUserData(ByronDescriptions.EVENT_ENTITY);
			entry.setDescription(kind.toLowerCase().replace('_', ' ') + " event" + (entity == null ? "" : " of " + entity));
			entry.setKind(ContentAssistEntry.KIND_REFERENCE);
		}
		return entry;
	}
}
