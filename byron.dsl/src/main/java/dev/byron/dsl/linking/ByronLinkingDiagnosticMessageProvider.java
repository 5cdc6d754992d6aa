package dev.byron.dsl.linking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

import com.google.inject.Inject;

import dev.byron.dsl.byron.ByronPackage;
import dev.byron.dsl.byron.Replica;
import dev.byron.dsl.validation.IssueCodes;

/** Unresolved references get a code per kind of reference, a way to fix them and the closest known name. */
public class ByronLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {
	private static final ByronPackage P = ByronPackage.eINSTANCE;

	@Inject
	private IScopeProvider scopeProvider;

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		EReference reference = context.getReference();
		String text = context.getLinkText();
		List<String> known = candidates(context);
		Optional<String> suggestion = Suggestions.closest(text, known);
		String hint = Suggestions.didYouMean(suggestion);
		String code;
		String message;
		if (reference == P.getNamedType_Target()) {
			code = IssueCodes.UNKNOWN_TYPE;
			message = "Unknown type '" + text + "'." + hint
					+ " Use a scalar (String, Int, Float, Boolean, ID, DateTime), an entity or enum of this component,"
					+ " or another component's as 'component.Name'.";
		} else if (reference == P.getReplica_Entity()) {
			code = IssueCodes.UNKNOWN_ENTITY;
			message = "Unknown entity '" + text + "'." + hint + " Replicate another component's entity as 'component.Entity'.";
		} else if (reference == P.getReplica_Fields()) {
			if (!(context.getContext() instanceof Replica replica) || replica.getEntity() == null || replica.getEntity().eIsProxy()) {
				return null; // the entity itself is unknown, and said so: its fields cannot be checked
			}
			code = IssueCodes.UNKNOWN_FIELD;
			message = "Entity " + replica.getEntity().getName() + " has no field '" + text + "'." + hint
					+ " Only fields that the entity declares can be replicated.";
		} else if (reference == P.getReaction_Event()) {
			code = IssueCodes.UNKNOWN_EVENT;
			message = "Unknown event '" + text + "'." + hint
					+ " Name an event of another component as 'component.Event': a declared event, or one generated for an"
					+ " entity, such as '" + known.stream().filter(name -> name.endsWith("Created")).sorted().findFirst()
							.orElse("orders.OrderCreated") + "'."; // the first by name: not what happened to be read first
		} else if (reference == P.getHook_Command()) {
			code = IssueCodes.UNKNOWN_COMMAND;
			message = "Unknown command '" + text + "'." + hint
					+ " Hooks run around this component's commands: create<Entity>, update<Entity>, delete<Entity>"
					+ " and its custom mutations.";
		} else if (reference == P.getSection_Component()) {
			code = IssueCodes.UNKNOWN_COMPONENT;
			message = "Unknown component '" + text + "'." + hint + " Settings for a component name one of the model's components.";
		} else {
			return super.getUnresolvedProxyMessage(context);
		}
		String[] data = suggestion.map(s -> new String[] { s }).orElse(new String[0]);
		return new DiagnosticMessage(message, Severity.ERROR, code, data);
	}

	private List<String> candidates(ILinkingDiagnosticContext context) {
		Set<String> names = new LinkedHashSet<>();
		if (context.getReference() == P.getNamedType_Target()) {
			dev.byron.dsl.byron.Scalar.VALUES.forEach(scalar -> names.add(scalar.getLiteral()));
		}
		try {
			for (IEObjectDescription description : scopeProvider.getScope(context.getContext(), context.getReference())
					.getAllElements()) {
				names.add(description.getName().toString());
			}
		} catch (RuntimeException e) {
			// A scope that cannot be computed on broken input only means no suggestion.
		}
		return new ArrayList<>(names);
	}
}
