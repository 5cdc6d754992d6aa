package dev.byron.dsl.api;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.byron.dsl.byron.Annotation;
import dev.byron.dsl.byron.Argument;
import dev.byron.dsl.byron.BooleanValue;
import dev.byron.dsl.byron.ByronPackage;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.ConfigEntry;
import dev.byron.dsl.byron.Credentials;
import dev.byron.dsl.byron.Declaration;
import dev.byron.dsl.byron.Deployment;
import dev.byron.dsl.byron.DomainEvent;
import dev.byron.dsl.byron.Element;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Enum;
import dev.byron.dsl.byron.EnumLiteralValue;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.EnvValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.Hook;
import dev.byron.dsl.byron.HookTiming;
import dev.byron.dsl.byron.ListType;
import dev.byron.dsl.byron.ListValue;
import dev.byron.dsl.byron.Member;
import dev.byron.dsl.byron.Model;
import dev.byron.dsl.byron.NamedType;
import dev.byron.dsl.byron.NumberValue;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.OperationKind;
import dev.byron.dsl.byron.Parameter;
import dev.byron.dsl.byron.Reaction;
import dev.byron.dsl.byron.Replica;
import dev.byron.dsl.byron.ScalarType;
import dev.byron.dsl.byron.Section;
import dev.byron.dsl.byron.Setting;
import dev.byron.dsl.byron.StringValue;
import dev.byron.dsl.byron.TypeRef;
import dev.byron.dsl.byron.Value;
import dev.byron.dsl.api.model.AnnotationDef;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.ConfigBlock;
import dev.byron.dsl.api.model.EntityDef;
import dev.byron.dsl.api.model.EnumDef;
import dev.byron.dsl.api.model.EnumLiteral;
import dev.byron.dsl.api.model.EnvRef;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.FieldDef;
import dev.byron.dsl.api.model.HookDef;
import dev.byron.dsl.api.model.OperationDef;
import dev.byron.dsl.api.model.OperationDef.ParameterDef;
import dev.byron.dsl.api.model.ReactionDef;
import dev.byron.dsl.api.model.ReplicaDef;
import dev.byron.dsl.api.model.SourceRange;
import dev.byron.dsl.api.model.TypeDef;
import dev.byron.dsl.model.CrudEvent;
import dev.byron.dsl.model.Models;
import dev.byron.dsl.validation.AnnotationCatalog;

/** Turns the parsed files into the plain {@link ByronModel}; it never throws on broken input. */
final class ModelBuilder {
	private static final ByronPackage P = ByronPackage.eINSTANCE;
	private final Function<Resource, Path> pathOf;

	ModelBuilder(Function<Resource, Path> pathOf) {
		this.pathOf = pathOf;
	}

	ByronModel build(List<Resource> resources) {
		String system = null;
		List<ComponentDef> components = new ArrayList<>();
		List<ConfigEntry> deployment = new ArrayList<>();
		List<ConfigEntry> credentials = new ArrayList<>();
		for (Resource resource : resources) {
			if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
				continue;
			}
			if (system == null && model.getSystem() != null) {
				system = model.getSystem().getName();
			}
			for (Element element : model.getElements()) {
				if (element instanceof Component component && component.getName() != null) {
					components.add(component(component));
				} else if (element instanceof Deployment d) {
					deployment.addAll(d.getEntries());
				} else if (element instanceof Credentials c) {
					credentials.addAll(c.getEntries());
				}
			}
		}
		return new ByronModel(system, List.copyOf(components), config(deployment), config(credentials));
	}

	private ComponentDef component(Component component) {
		List<EntityDef> entities = new ArrayList<>();
		List<EnumDef> enums = new ArrayList<>();
		List<EventDef> events = new ArrayList<>();
		List<ReplicaDef> replicas = new ArrayList<>();
		List<ReactionDef> reactions = new ArrayList<>();
		List<HookDef> hooks = new ArrayList<>();
		List<OperationDef> operations = new ArrayList<>();
		for (Member member : component.getMembers()) {
			if (member instanceof Entity entity && entity.getName() != null) {
				entities.add(new EntityDef(entity.getName(), Models.plural(entity), fields(entity.getFields()),
						annotations(entity.getAnnotations()), range(entity)));
				for (CrudEvent event : Models.crudEvents(entity)) {
					events.add(new EventDef(event.name(), EventDef.Kind.valueOf(event.kind().name()), entity.getName(),
							event.field() == null ? null : event.field().getName(), List.of(), range(entity)));
				}
			} else if (member instanceof Enum e && e.getName() != null) {
				enums.add(new EnumDef(e.getName(), e.getValues().stream().map(EnumValue::getName).toList(), range(e)));
			} else if (member instanceof DomainEvent event && event.getName() != null) {
				events.add(new EventDef(event.getName(), EventDef.Kind.DOMAIN, null, null, fields(event.getFields()),
						range(event)));
			} else if (member instanceof Replica replica) {
				replicas.add(replica(replica));
			} else if (member instanceof Reaction reaction) {
				String text = Models.linkText(reaction, P.getReaction_Event());
				EObject target = reaction.getEvent();
				Component owner = target == null || target.eIsProxy() ? null : Models.componentOf(target);
				reactions.add(new ReactionDef(owner == null ? Models.qualifier(text) : owner.getName(), Models.lastSegment(text),
						reaction.getHook(), range(reaction)));
			} else if (member instanceof Hook hook) {
				hooks.add(new HookDef(hook.getTiming() == HookTiming.BEFORE ? HookDef.Timing.BEFORE : HookDef.Timing.AFTER,
						Models.linkText(hook, P.getHook_Command()), hook.getHook(), hook.getKey(), range(hook)));
			} else if (member instanceof Operation operation && operation.getName() != null) {
				operations.add(operation(operation));
			}
		}
		return new ComponentDef(component.getName(), Models.granularity(component).getLiteral(), List.copyOf(entities),
				List.copyOf(enums), List.copyOf(events), List.copyOf(replicas), List.copyOf(reactions),
				List.copyOf(hooks), List.copyOf(operations), range(component));
	}

	private ReplicaDef replica(Replica replica) {
		Entity entity = replica.getEntity();
		boolean resolved = entity != null && !entity.eIsProxy();
		Component owner = resolved ? Models.componentOf(entity) : null;
		List<String> fields = new ArrayList<>();
		if (replica.getFields().isEmpty() && resolved) {
			entity.getFields().forEach(f -> fields.add(f.getName()));
		} else {
			for (Field field : replica.getFields()) {
				if (!field.eIsProxy()) {
					fields.add(field.getName());
				}
			}
		}
		if (!resolved) {
			// As written, so that a model being edited shows what its text says rather than nulls.
			String text = Models.linkText(replica, P.getReplica_Entity());
			return new ReplicaDef(Models.qualifier(text), Models.lastSegment(text), List.copyOf(fields), range(replica));
		}
		return new ReplicaDef(owner == null ? null : owner.getName(), entity.getName(), List.copyOf(fields), range(replica));
	}

	private OperationDef operation(Operation operation) {
		List<ParameterDef> parameters = new ArrayList<>();
		for (Parameter parameter : operation.getParameters()) {
			parameters.add(new ParameterDef(parameter.getName(), type(parameter.getType()), value(parameter.getDefault())));
		}
		return new OperationDef(operation.getKind() == OperationKind.QUERY ? OperationDef.Kind.QUERY : OperationDef.Kind.MUTATION,
				operation.getName(), List.copyOf(parameters), type(operation.getType()),
				annotations(operation.getAnnotations()), range(operation));
	}

	private List<FieldDef> fields(List<Field> fields) {
		List<FieldDef> result = new ArrayList<>();
		for (Field field : fields) {
			if (field.getName() != null) {
				result.add(new FieldDef(field.getName(), type(field.getType()), annotations(field.getAnnotations()),
						range(field)));
			}
		}
		return List.copyOf(result);
	}

	static TypeDef type(TypeRef type) {
		if (type == null) {
			return new TypeDef(TypeDef.Kind.UNRESOLVED, null, null, false, null);
		}
		boolean required = type.isRequired();
		if (type instanceof ListType list) {
			return new TypeDef(TypeDef.Kind.LIST, null, null, required, type(list.getElement()));
		}
		if (type instanceof ScalarType scalar) {
			return new TypeDef(TypeDef.Kind.SCALAR, scalar.getScalar().getLiteral(), null, required, null);
		}
		if (type instanceof NamedType named && named.getTarget() != null && !named.getTarget().eIsProxy()) {
			Declaration target = named.getTarget();
			Component owner = Models.componentOf(target);
			TypeDef.Kind kind = target instanceof Entity ? TypeDef.Kind.ENTITY : TypeDef.Kind.ENUM;
			return new TypeDef(kind, target.getName(), owner == null ? null : owner.getName(), required, null);
		}
		return new TypeDef(TypeDef.Kind.UNRESOLVED, null, null, required, null);
	}

	private static List<AnnotationDef> annotations(List<Annotation> annotations) {
		List<AnnotationDef> result = new ArrayList<>();
		for (Annotation annotation : annotations) {
			if (annotation.getName() == null) {
				continue;
			}
			AnnotationCatalog.Spec spec = AnnotationCatalog.SPECS.get(annotation.getName());
			Map<String, Object> arguments = new LinkedHashMap<>();
			for (Argument argument : annotation.getArguments()) {
				String name = argument.getName() != null ? argument.getName()
						: spec != null && spec.positional() != null ? spec.positional() : "value";
				AnnotationCatalog.Param param = spec == null ? null : spec.param(name);
				if (param != null && param.type() == AnnotationCatalog.ArgType.FIELDS) {
					@SuppressWarnings("unchecked")
					List<Object> names = (List<Object>) arguments.computeIfAbsent(name, k -> new ArrayList<>());
					names.add(value(argument.getValue()));
					continue;
				}
				arguments.put(name, value(argument.getValue()));
			}
			result.add(new AnnotationDef(annotation.getName(), Collections.unmodifiableMap(arguments)));
		}
		return List.copyOf(result);
	}

	static Object value(Value value) {
		if (value instanceof StringValue s) {
			return s.getValue();
		} else if (value instanceof NumberValue n) {
			try {
				BigDecimal number = new BigDecimal(n.getValue());
				return n.getValue().contains(".") ? number : (Object) number.longValueExact();
			} catch (RuntimeException e) {
				return null;
			}
		} else if (value instanceof BooleanValue b) {
			return b.isValue();
		} else if (value instanceof EnumLiteralValue e) {
			return new EnumLiteral(e.getLiteral());
		} else if (value instanceof ListValue l) {
			List<Object> values = new ArrayList<>();
			l.getValues().forEach(v -> values.add(value(v)));
			return Collections.unmodifiableList(values);
		} else if (value instanceof EnvValue env) {
			return new EnvRef(env.getVariable());
		}
		return null;
	}

	private static ConfigBlock config(List<ConfigEntry> entries) {
		Map<String, Object> values = new LinkedHashMap<>();
		List<ConfigBlock.Section> sections = new ArrayList<>();
		for (ConfigEntry entry : entries) {
			if (entry instanceof Setting setting && setting.getKey() != null) {
				values.put(setting.getKey(), value(setting.getValue()));
			} else if (entry instanceof Section section && section.getName() != null) {
				String component = section.getComponent() == null || section.getComponent().eIsProxy() ? null
						: section.getComponent().getName();
				sections.add(new ConfigBlock.Section(section.getName(), component, config(section.getEntries())));
			}
		}
		return new ConfigBlock(Collections.unmodifiableMap(values), List.copyOf(sections));
	}

	private SourceRange range(EObject object) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
		Path file = object.eResource() == null ? null : pathOf.apply(object.eResource());
		if (node == null) {
			return new SourceRange(file, 0, 0, 0, 0);
		}
		var lines = NodeModelUtils.getLineAndColumn(node, node.getOffset());
		return new SourceRange(file, lines.getLine(), lines.getColumn(), node.getOffset(), node.getLength());
	}
}
