package dev.byron.dsl.ide.contentassist;

import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;

import dev.byron.dsl.scoping.ByronDescriptions;

/**
 * Names Byron generates point at the entity they come from, so the default proposal would call a generated event
 * an "Entity": a CRUD event is described as the event it is ({@code created event of Post}). After {@code on} and
 * {@code replicate}, the component's own events and entities are left out: the checks refuse them there.
 */
public class ByronCrossrefProposalProvider extends IdeCrossrefProposalProvider {
	@Override
	protected Iterable<IEObjectDescription> queryScope(org.eclipse.xtext.scoping.IScope scope, CrossReference reference,
			ContentAssistContext context) {
		Iterable<IEObjectDescription> candidates = super.queryScope(scope, reference, context);
		var rule = org.eclipse.xtext.GrammarUtil.containingRule(reference);
		if (rule == null || !(rule.getName().equals("Reaction") || rule.getName().equals("Replica"))) {
			return candidates;
		}
		var component = org.eclipse.xtext.EcoreUtil2.getContainerOfType(context.getCurrentModel(), dev.byron.dsl.byron.Component.class);
		if (component == null || component.getName() == null) {
			return candidates;
		}
		return com.google.common.collect.Iterables.filter(candidates, candidate -> candidate.getQualifiedName().getSegmentCount() > 1
				&& !component.getName().equals(candidate.getQualifiedName().getFirstSegment()));
	}

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
