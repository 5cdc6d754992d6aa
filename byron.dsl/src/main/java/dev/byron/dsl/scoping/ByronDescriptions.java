package dev.byron.dsl.scoping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.DomainEvent;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Member;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.OperationKind;
import dev.byron.dsl.model.CrudEvent;
import dev.byron.dsl.model.Models;

/**
 * Descriptions of the names Byron generates rather than the user declares: CRUD events and commands.
 * Both point at the entity they come from, and carry their kind in the user data.
 */
public final class ByronDescriptions {
	public static final String EVENT_KIND = "byron.event";
	/** The entity a generated event comes from, by its simple name. */
	public static final String EVENT_ENTITY = "byron.event.entity";
	public static final String COMMAND = "byron.command";

	private ByronDescriptions() {
	}

	/** Every event of a component (generated and declared), by its qualified name {@code component.Event}. */
	public static List<IEObjectDescription> events(Component component, boolean alsoSimpleNames) {
		List<IEObjectDescription> result = new ArrayList<>();
		if (component.getName() == null) {
			return result;
		}
		for (Member member : component.getMembers()) {
			if (member instanceof Entity entity) {
				for (CrudEvent event : Models.crudEvents(entity)) {
					result.add(crudEvent(component, event, false));
					if (alsoSimpleNames) {
						result.add(crudEvent(component, event, true));
					}
				}
			} else if (member instanceof DomainEvent event && event.getName() != null) {
				result.add(EObjectDescription.create(QualifiedName.create(component.getName(), event.getName()), event));
				if (alsoSimpleNames) {
					result.add(EObjectDescription.create(QualifiedName.create(event.getName()), event));
				}
			}
		}
		return result;
	}

	public static IEObjectDescription crudEvent(Component component, CrudEvent event, boolean simple) {
		QualifiedName name = simple ? QualifiedName.create(event.name())
				: QualifiedName.create(component.getName(), event.name());
		return EObjectDescription.create(name, event.entity(), event.entity().getName() == null
				? Map.of(EVENT_KIND, event.kind().name())
				: Map.of(EVENT_KIND, event.kind().name(), EVENT_ENTITY, event.entity().getName()));
	}

	/** The commands of a component: create/update/delete of each entity, and its custom mutations. */
	public static List<IEObjectDescription> commands(Component component) {
		List<IEObjectDescription> result = new ArrayList<>();
		for (Member member : component.getMembers()) {
			if (member instanceof Entity entity && entity.getName() != null) {
				for (String command : Models.commandNames(entity)) {
					result.add(EObjectDescription.create(QualifiedName.create(command), entity, Map.of(COMMAND, "crud")));
				}
			} else if (member instanceof Operation operation && operation.getKind() == OperationKind.MUTATION
					&& operation.getName() != null) {
				result.add(EObjectDescription.create(QualifiedName.create(operation.getName()), operation,
						Map.of(COMMAND, "custom")));
			}
		}
		return result;
	}
}
