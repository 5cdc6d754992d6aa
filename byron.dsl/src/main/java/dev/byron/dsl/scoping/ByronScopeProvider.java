package dev.byron.dsl.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.FilteringScope;
import org.eclipse.xtext.scoping.impl.SimpleScope;

import com.google.inject.Inject;

import dev.byron.dsl.byron.ByronPackage;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Model;
import dev.byron.dsl.byron.Replica;
import dev.byron.dsl.model.Models;

/**
 * Types resolve by simple name inside their component and by {@code component.Name} everywhere; events
 * and commands include the ones Byron generates from entities.
 */
public class ByronScopeProvider extends AbstractByronScopeProvider {
	private static final ByronPackage P = ByronPackage.eINSTANCE;

	private static final String QUALIFIED_EVENTS = "byron.qualifiedEvents";

	@Inject
	private IGlobalScopeProvider globalScopes;

	@Inject
	private IResourceScopeCache cache;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == P.getNamedType_Target()) {
			return ofClasses(super.getScope(context, reference), P.getEntity(), P.getEnum());
		}
		if (reference == P.getReplica_Entity()) {
			return ofClasses(super.getScope(context, reference), P.getEntity());
		}
		if (reference == P.getReplica_Fields()) {
			return replicaFields(context);
		}
		if (reference == P.getReaction_Event()) {
			return events(context, reference);
		}
		if (reference == P.getHook_Command()) {
			Component component = Models.componentOf(context);
			return component == null ? IScope.NULLSCOPE
					: new SimpleScope(IScope.NULLSCOPE, ByronDescriptions.commands(component));
		}
		return super.getScope(context, reference);
	}

	private static IScope ofClasses(IScope scope, EClass... classes) {
		return new FilteringScope(scope, d -> {
			for (EClass eClass : classes) {
				if (eClass == d.getEClass() && d.getUserData(ByronDescriptions.EVENT_KIND) == null) {
					return true;
				}
			}
			return false;
		});
	}

	private static IScope replicaFields(EObject context) {
		if (context instanceof Replica replica) {
			Entity entity = replica.getEntity();
			if (entity != null && !entity.eIsProxy()) {
				return Scopes.scopeFor(entity.getFields());
			}
		}
		return IScope.NULLSCOPE;
	}

	private IScope events(EObject context, EReference reference) {
		IScope global = globalScopes.getScope(context.eResource(), reference,
				d -> d.getUserData(ByronDescriptions.EVENT_KIND) != null || d.getEClass() == P.getDomainEvent());
		List<IEObjectDescription> local = new ArrayList<>();
		Resource resource = context.eResource();
		if (resource != null && !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model) {
			// Every reaction asks for this scope: the file's qualified events are computed once per change.
			local.addAll(cache.get(QUALIFIED_EVENTS, resource, () -> qualifiedEvents(model)));
			Component own = Models.componentOf(context);
			if (own != null) {
				ByronDescriptions.events(own, true).stream().filter(d -> d.getName().getSegmentCount() == 1)
						.forEach(local::add);
			}
		}
		return new SimpleScope(global, local);
	}

	private static List<IEObjectDescription> qualifiedEvents(Model model) {
		List<IEObjectDescription> events = new ArrayList<>();
		for (var element : model.getElements()) {
			if (element instanceof Component component) {
				events.addAll(ByronDescriptions.events(component, false));
			}
		}
		return events;
	}
}
