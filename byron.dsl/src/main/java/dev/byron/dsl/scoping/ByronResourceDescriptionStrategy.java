package dev.byron.dsl.scoping;

import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.model.CrudEvent;
import dev.byron.dsl.model.Models;

/**
 * Exports the generated CRUD events of every entity, so that other files can subscribe to them, and the
 * root query fields of every entity, so that collisions in the gateway's schema are found across files.
 */
public class ByronResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {
	public static final String QUERY_FIELDS = "byron.queries";
	public static final String OPERATION_KIND = "byron.operation";

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		if (object instanceof Operation operation) {
			QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(operation);
			if (name != null) {
				acceptor.accept(EObjectDescription.create(name, operation,
						Map.of(OPERATION_KIND, operation.getKind().getLiteral())));
			}
			return true;
		}
		if (!(object instanceof Entity entity)) {
			return super.createEObjectDescriptions(object, acceptor);
		}
		QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(entity);
		if (name == null) {
			return true;
		}
		acceptor.accept(EObjectDescription.create(name, entity,
				Map.of(QUERY_FIELDS, String.join(" ", Models.queryFields(entity)))));
		Component component = Models.componentOf(entity);
		if (component != null && component.getName() != null) {
			for (CrudEvent event : Models.crudEvents(entity)) {
				acceptor.accept(ByronDescriptions.crudEvent(component, event, false));
			}
		}
		return true;
	}
}
