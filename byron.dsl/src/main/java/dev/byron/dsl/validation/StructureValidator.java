package dev.byron.dsl.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.DomainEvent;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Enum;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.EventsSetting;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.ListType;
import dev.byron.dsl.byron.Member;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.Parameter;
import dev.byron.dsl.model.CrudEvent;
import dev.byron.dsl.model.Models;
import dev.byron.dsl.model.TypeInfo;

/** Rules about the shape of one component: duplicates, empty declarations, types that cannot work. */
public class StructureValidator extends ByronCheck {

	@Check
	public void duplicateEvents(Component component) {
		Map<String, DomainEvent> seen = new HashMap<>();
		boolean setting = false;
		for (Member member : component.getMembers()) {
			if (member instanceof DomainEvent event && event.getName() != null) {
				DomainEvent first = seen.putIfAbsent(event.getName(), event);
				if (first != null) {
					error("Event '" + event.getName() + "' is declared twice in component " + component.getName()
							+ ". Rename or remove one of them.", event, P.getDeclaration_Name(), IssueCodes.DUPLICATE_TYPE);
				}
			} else if (member instanceof EventsSetting events) {
				if (setting) {
					error("'events' is already set in component " + component.getName() + "; keep one setting.", events,
							P.getEventsSetting_Granularity(), IssueCodes.DUPLICATE_EVENTS_SETTING);
				}
				setting = true;
			}
		}
	}

	@Check
	public void eventNameCollision(DomainEvent event) {
		Component component = Models.componentOf(event);
		if (component == null || event.getName() == null) {
			return;
		}
		for (Member member : component.getMembers()) {
			if (member instanceof Entity entity) {
				for (CrudEvent crud : Models.crudEvents(entity)) {
					if (crud.name().equals(event.getName())) {
						error("Event '" + event.getName() + "' is already generated for entity " + entity.getName()
								+ ". Subscribe to the generated one, or give this event a name that says what happened"
								+ " in the domain (e.g. '" + entity.getName() + "Approved').", event, P.getDeclaration_Name(),
								IssueCodes.EVENT_NAME_COLLISION);
					}
				}
			}
		}
	}

	@Check
	public void entityFields(Entity entity) {
		duplicateNames(entity.getFields(), "field", "entity " + entity.getName());
		if (entity.getFields().isEmpty()) {
			warning("Entity " + entity.getName() + " has no fields besides its id. Add the fields it owns.", entity,
					P.getDeclaration_Name(), IssueCodes.EMPTY_ENTITY);
		}
		String plural = Models.plural(entity);
		// the queries are named by the two words with a lower-case first letter: @plural("sales") of Sales collides too
		if (entity.getName() != null && Models.lowerFirst(plural).equals(Models.lowerFirst(entity.getName()))) {
			error("The plural of '" + entity.getName() + "' is the same word, so the queries '"
					+ Models.lowerFirst(plural) + "(id)' and '" + Models.lowerFirst(plural)
					+ "(first, after)' would collide. " + (plural.equals(entity.getName()) ? "Add" : "Make it")
					+ " @plural(\"" + Models.lowerFirst(entity.getName()) + "List\") or another distinct plural.", entity,
					P.getDeclaration_Name(), IssueCodes.PLURAL_COLLISION);
		}
	}

	@Check
	public void eventFields(DomainEvent event) {
		duplicateNames(event.getFields(), "field", "event " + event.getName());
	}

	@Check
	public void operationParameters(Operation operation) {
		duplicateNames(operation.getParameters(), "parameter", operation.getKind().getLiteral() + " " + operation.getName());
	}

	@Check
	public void enumValues(Enum enumType) {
		if (enumType.getValues().isEmpty()) {
			error("Enum " + enumType.getName() + " has no values; GraphQL requires at least one. Add its values.",
					enumType, P.getDeclaration_Name(), IssueCodes.EMPTY_ENUM);
		}
		Set<String> seen = new HashSet<>();
		for (EnumValue value : enumType.getValues()) {
			if (value.getName() != null && !seen.add(value.getName())) {
				error("Value " + value.getName() + " is listed twice in enum " + enumType.getName() + ". Remove one.",
						value, P.getEnumValue_Name(), IssueCodes.DUPLICATE_ENUM_VALUE);
			}
		}
	}

	@Check
	public void nestedList(ListType list) {
		if (list.getElement() instanceof ListType) {
			error("Lists of lists are not supported. Wrap the inner list in an entity or event field instead.", list,
					P.getListType_Element(), IssueCodes.NESTED_LIST);
		}
	}

	@Check
	public void parameterType(Parameter parameter) {
		TypeInfo type = TypeInfo.of(parameter.getType());
		if (type.entity() != null) {
			error("Parameter '" + parameter.getName() + "' has the entity type " + type.entity().getName()
					+ ", but GraphQL arguments cannot be objects. Pass its id instead: '" + parameter.getName()
					+ "Id: ID" + (type.required() ? "!" : "") + "'.", parameter, P.getParameter_Type(),
					IssueCodes.INVALID_INPUT_TYPE);
		}
	}

	private void duplicateNames(List<? extends EObject> elements, String kind, String owner) {
		Set<String> seen = new HashSet<>();
		for (EObject element : elements) {
			String name = element instanceof Field f ? f.getName() : element instanceof Parameter p ? p.getName() : null;
			if (name != null && !seen.add(name)) {
				error("The " + kind + " '" + name + "' is declared twice in " + owner + ". Rename or remove one of them.",
						element, element instanceof Field ? P.getField_Name() : P.getParameter_Name(),
						IssueCodes.DUPLICATE_FIELD);
			}
		}
	}
}
