package dev.byron.dsl.ide.hover;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.DomainEvent;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Enum;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.Reaction;
import dev.byron.dsl.byron.Replica;
import dev.byron.dsl.model.CrudEvent;
import dev.byron.dsl.model.Models;

/**
 * A declaration in a few lines of Markdown: what it is, where it lives and what it holds. A reference to a
 * generated name ({@code UserCreated}, {@code createUser}) links to its entity; the summary then describes
 * the generated event or command, not the entity.
 */
final class DeclarationSummary {
	private DeclarationSummary() {
	}

	static String of(EObject element, String usedName) {
		if (element instanceof Component component) {
			return component(component);
		}
		if (element instanceof Entity entity) {
			String name = Models.lastSegment(usedName.trim());
			if (entity.getName() != null && !name.equals(entity.getName())) {
				return generated(entity, name);
			}
			return "**entity** `" + qualified(entity, entity.getName()) + "`\n\n" + block(entity.getFields());
		}
		if (element instanceof Enum enumeration) {
			return "**enum** `" + qualified(enumeration, enumeration.getName()) + "`: "
					+ enumeration.getValues().stream().map(EnumValue::getName).collect(Collectors.joining(", "));
		}
		if (element instanceof DomainEvent event) {
			return "**event** `" + qualified(event, event.getName()) + "` (declared)\n\n" + block(event.getFields());
		}
		if (element instanceof Field field) {
			return "**field** of `" + ownerName(field) + "`\n\n" + block(List.of(field));
		}
		if (element instanceof Operation operation) {
			return "**" + operation.getKind().getLiteral() + "** of component `" + componentName(operation)
					+ "`, answered by a custom resolver\n\n" + block(List.of(operation));
		}
		return null;
	}

	private static String component(Component component) {
		StringBuilder text = new StringBuilder("**component** `").append(component.getName()).append('`');
		text.append(list("entities", component.getMembers().stream().filter(Entity.class::isInstance)
				.map(m -> ((Entity) m).getName()).toList()));
		text.append(list("enums", component.getMembers().stream().filter(Enum.class::isInstance)
				.map(m -> ((Enum) m).getName()).toList()));
		text.append(list("declared events", component.getMembers().stream().filter(DomainEvent.class::isInstance)
				.map(m -> ((DomainEvent) m).getName()).toList()));
		text.append(list("replicates", component.getMembers().stream().filter(Replica.class::isInstance)
				.map(m -> NodeModelUtils.getTokenText(NodeModelUtils.getNode(m)).replaceFirst("^replicate\\s+", ""))
				.toList()));
		text.append(list("subscribes to", component.getMembers().stream().filter(Reaction.class::isInstance)
				.map(m -> Models.linkText(m, dev.byron.dsl.byron.ByronPackage.eINSTANCE.getReaction_Event()))
				.toList()));
		return text.toString();
	}

	private static String generated(Entity entity, String name) {
		for (CrudEvent event : Models.crudEvents(entity)) {
			if (event.name().equals(name)) {
				String when = switch (event.kind()) {
				case CREATED -> "`" + entity.getName() + "` is created";
				case UPDATED -> "`" + entity.getName() + "` is updated";
				case DELETED -> "`" + entity.getName() + "` is deleted";
				case CHANGED -> "`" + entity.getName() + "` is created, updated or deleted";
				case FIELD_CHANGED -> "`" + entity.getName() + "." + event.field().getName() + "` changes";
				};
				return "**event** `" + qualified(entity, name) + "` (generated)\n\nPublished when " + when
						+ "; carries the entity's full state.";
			}
		}
		if (Models.commandNames(entity).contains(name)) {
			return "**command** `" + name + "` (generated) of `" + qualified(entity, entity.getName()) + "`";
		}
		return null;
	}

	private static String list(String label, List<String> names) {
		return names.isEmpty() ? "" : "\n- " + label + ": " + String.join(", ", names);
	}

	private static String block(List<? extends EObject> objects) {
		return "```byron\n" + objects.stream().map(DeclarationSummary::text).collect(Collectors.joining("\n"))
				+ "\n```";
	}

	private static String text(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		return node == null ? "" : NodeModelUtils.getTokenText(node);
	}

	private static String qualified(EObject declaration, String name) {
		String component = componentName(declaration);
		return component == null ? name : component + "." + name;
	}

	private static String componentName(EObject object) {
		Component component = Models.componentOf(object);
		return component == null ? null : component.getName();
	}

	private static String ownerName(Field field) {
		EObject owner = field.eContainer();
		String name = owner instanceof Entity entity ? entity.getName()
				: owner instanceof DomainEvent event ? event.getName() : "?";
		return qualified(owner, name);
	}
}
