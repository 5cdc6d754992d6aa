package dev.byron.dsl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atteo.evo.inflector.English;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.byron.dsl.byron.Annotation;
import dev.byron.dsl.byron.Argument;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.EventsSetting;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.Granularity;
import dev.byron.dsl.byron.StringValue;

/** Facts derived from the syntax tree that scoping, validation and the model API all share. */
public final class Models {
	private Models() {
	}

	public static Component componentOf(EObject object) {
		return EcoreUtil2.getContainerOfType(object, Component.class);
	}

	public static Granularity granularity(Component component) {
		Granularity result = Granularity.OPERATION;
		if (component == null) {
			return result;
		}
		for (var member : component.getMembers()) {
			if (member instanceof EventsSetting setting) {
				result = setting.getGranularity();
			}
		}
		return result;
	}

	public static Optional<Annotation> annotation(List<Annotation> annotations, String name) {
		return annotations.stream().filter(a -> name.equals(a.getName())).findFirst();
	}

	/** The argument called {@code name}, or the first unnamed one when {@code positional} is true. */
	public static Optional<Argument> argument(Annotation annotation, String name, boolean positional) {
		Argument first = null;
		for (Argument argument : annotation.getArguments()) {
			if (name.equals(argument.getName())) {
				return Optional.of(argument);
			}
			if (argument.getName() == null && first == null) {
				first = argument;
			}
		}
		return positional ? Optional.ofNullable(first) : Optional.empty();
	}

	public static String plural(Entity entity) {
		return annotation(entity.getAnnotations(), "plural")
				.flatMap(a -> argument(a, "name", true))
				.filter(a -> a.getValue() instanceof StringValue)
				.map(a -> ((StringValue) a.getValue()).getValue())
				.orElseGet(() -> englishPlural(entity.getName()));
	}

	/** Names already put in the plural: the inflector runs its rules (regular expressions) on every call. */
	private static final java.util.Map<String, String> PLURALS = new java.util.concurrent.ConcurrentHashMap<>();

	private static String englishPlural(String name) {
		if (name == null) {
			return English.plural(name);
		}
		if (PLURALS.size() > 10_000) {
			PLURALS.clear(); // names typed one letter at a time, over a long session
		}
		return PLURALS.computeIfAbsent(name, English::plural);
	}

	public static String lowerFirst(String name) {
		return name == null || name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	public static String upperFirst(String name) {
		return name == null || name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** Root query fields the gateway will expose for an entity: {@code user(id)} and {@code users(first, after)}. */
	public static List<String> queryFields(Entity entity) {
		return List.of(lowerFirst(entity.getName()), lowerFirst(plural(entity)));
	}

	/**
	 * The GraphQL types Byron generates for an entity besides its own, by the suffix added to its name, with what each
	 * is: {@code UserInput}, {@code UserPatch}, {@code UserEdge}, {@code UserConnection}.
	 */
	public static final java.util.Map<String, String> GENERATED_TYPE_SUFFIXES;
	static {
		java.util.Map<String, String> suffixes = new java.util.LinkedHashMap<>();
		suffixes.put("Input", "the input of its create mutation");
		suffixes.put("Patch", "the input of its update mutation");
		suffixes.put("Edge", "the edge of its list");
		suffixes.put("Connection", "the connection of its list");
		GENERATED_TYPE_SUFFIXES = java.util.Collections.unmodifiableMap(suffixes);
	}

	public static List<String> commandNames(Entity entity) {
		String name = entity.getName();
		return List.of("create" + name, "update" + name, "delete" + name);
	}

	public static List<CrudEvent> crudEvents(Entity entity) {
		String name = entity.getName();
		List<CrudEvent> events = new ArrayList<>();
		if (name == null) {
			return events;
		}
		switch (granularity(componentOf(entity))) {
			case OPERATION -> {
				events.add(new CrudEvent(name + "Created", CrudEventKind.CREATED, entity, null));
				events.add(new CrudEvent(name + "Updated", CrudEventKind.UPDATED, entity, null));
				events.add(new CrudEvent(name + "Deleted", CrudEventKind.DELETED, entity, null));
			}
			case ENTITY -> events.add(new CrudEvent(name + "Changed", CrudEventKind.CHANGED, entity, null));
			case FIELD -> {
				events.add(new CrudEvent(name + "Created", CrudEventKind.CREATED, entity, null));
				for (Field field : entity.getFields()) {
					if (field.getName() != null) {
						events.add(new CrudEvent(name + upperFirst(field.getName()) + "Changed",
								CrudEventKind.FIELD_CHANGED, entity, field));
					}
				}
				events.add(new CrudEvent(name + "Deleted", CrudEventKind.DELETED, entity, null));
			}
		}
		return events;
	}

	/** The text a user wrote for a cross-reference, e.g. {@code posts.PostCreated}. */
	public static String linkText(EObject object, EReference reference) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
		if (nodes.isEmpty()) {
			return null;
		}
		return NodeModelUtils.getTokenText(nodes.get(0));
	}

	/** {@code posts} of {@code posts.PostCreated}; null for a name without a dot. */
	public static String qualifier(String qualifiedName) {
		int dot = qualifiedName == null ? -1 : qualifiedName.lastIndexOf('.');
		return dot < 0 ? null : qualifiedName.substring(0, dot);
	}

	public static String lastSegment(String qualifiedName) {
		if (qualifiedName == null) {
			return null;
		}
		int dot = qualifiedName.lastIndexOf('.');
		return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
	}
}
