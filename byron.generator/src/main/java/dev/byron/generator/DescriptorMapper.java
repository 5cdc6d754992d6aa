package dev.byron.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.byron.dsl.api.model.AnnotationDef;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.EntityDef;
import dev.byron.dsl.api.model.EnumLiteral;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.FieldDef;
import dev.byron.dsl.api.model.OperationDef;
import dev.byron.dsl.api.model.ReplicaDef;
import dev.byron.dsl.api.model.TypeDef;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.EnumDescriptor;
import dev.byron.runtime.descriptor.EventDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.Ownership;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.descriptor.ReactionDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;
import dev.byron.runtime.descriptor.UniqueKey;

/** Turns a valid model into the runtime's component descriptors. */
public final class DescriptorMapper {
	private final ByronModel model;

	public DescriptorMapper(ByronModel model) {
		this.model = model;
	}

	public List<ComponentDescriptor> descriptors() {
		return model.components().stream().map(this::component).toList();
	}

	ComponentDescriptor component(ComponentDef component) {
		List<EntityDescriptor> entities = component.entities().stream()
				.map(e -> new EntityDescriptor(e.name(), e.plural(), fields(e.fields()), role(e.annotations()),
						ownership(e.annotations()), uniqueKeys(e), limits(e.annotations()))).toList();
		List<EnumDescriptor> enums = component.enums().stream().map(e -> new EnumDescriptor(e.name(), e.values())).toList();
		List<EventDescriptor> events = component.events().stream().filter(e -> e.kind() == EventDef.Kind.DOMAIN)
				.map(e -> new EventDescriptor(e.name(), fields(e.payload()))).toList();
		List<ReplicaDescriptor> replicas = component.replicas().stream().map(this::replica).toList();
		List<ReactionDescriptor> reactions = component.reactions().stream()
				.map(r -> new ReactionDescriptor(r.component(), r.event(), r.hook())).toList();
		List<HookDescriptor> hooks = component.hooks().stream()
				.map(h -> new HookDescriptor(h.timing().name(), h.command(), h.hook(), h.key())).toList();
		List<OperationDescriptor> operations = component.operations().stream().map(this::operation).toList();
		return new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, model.system(), component.name(),
				component.granularity(), entities, enums, events, replicas, reactions, hooks, operations);
	}

	private ReplicaDescriptor replica(ReplicaDef replica) {
		List<FieldDef> source = model.component(replica.component()).flatMap(c -> c.entity(replica.entity()))
				.map(EntityDef::fields).orElse(List.of());
		List<FieldDescriptor> kept = new ArrayList<>();
		for (String name : replica.fields()) {
			source.stream().filter(f -> f.name().equals(name)).findFirst()
					// a replica keeps values, not rules: its source already enforced them
					.ifPresent(f -> kept.add(new FieldDescriptor(f.name(), type(f.type()), FieldRules.NONE)));
		}
		return new ReplicaDescriptor(replica.component(), replica.entity(), kept);
	}

	private OperationDescriptor operation(OperationDef operation) {
		List<OperationDescriptor.ParameterDescriptor> parameters = operation.parameters().stream()
				.map(p -> new OperationDescriptor.ParameterDescriptor(p.name(), type(p.type()), plain(p.defaultValue()))).toList();
		return new OperationDescriptor(operation.kind().name(), operation.name(), parameters, type(operation.type()),
				role(operation.annotations()));
	}

	private List<FieldDescriptor> fields(List<FieldDef> fields) {
		return fields.stream().map(f -> new FieldDescriptor(f.name(), type(f.type()), rules(f), role(f.annotations()))).toList();
	}

	/** {@code @owner(field, role: ...)}; null without one. */
	private static Ownership ownership(List<AnnotationDef> annotations) {
		return annotations.stream().filter(a -> a.name().equals("owner")).findFirst().map(a -> {
			Object field = a.arguments().get("field");
			Object role = a.arguments().get("role");
			return new Ownership(field instanceof EnumLiteral literal ? literal.name() : String.valueOf(field),
					role instanceof String text ? text : null);
		}).orElse(null);
	}

	/**
	 * The unique keys beyond plain {@code @unique} fields: {@code @unique(a, b)} on the entity, and fields whose
	 * {@code @unique(ignoreCase: true)} compares without case.
	 */
	private static List<UniqueKey> uniqueKeys(EntityDef entity) {
		List<UniqueKey> keys = new ArrayList<>();
		for (FieldDef field : entity.fields()) {
			field.annotation("unique").filter(a -> Boolean.TRUE.equals(a.arguments().get("ignoreCase")))
					.ifPresent(a -> keys.add(new UniqueKey(List.of(field.name()), true)));
		}
		entity.annotations().stream().filter(a -> a.name().equals("unique")).findFirst().ifPresent(a -> {
			List<String> names = a.arguments().get("fields") instanceof List<?> list
					? list.stream().map(v -> v instanceof EnumLiteral literal ? literal.name() : String.valueOf(v)).toList()
					: List.of();
			if (names.size() >= 2) {
				keys.add(new UniqueKey(names, Boolean.TRUE.equals(a.arguments().get("ignoreCase"))));
			}
		});
		return keys;
	}

	/** {@code @limit(max, per: field)}s, the maximum a number or a field of the entity {@code per} references. */
	private static List<dev.byron.runtime.descriptor.CountLimit> limits(List<AnnotationDef> annotations) {
		return annotations.stream().filter(a -> a.name().equals("limit")).map(a -> {
			Object per = a.arguments().get("per");
			Object max = a.arguments().get("max");
			String perName = per instanceof EnumLiteral literal ? literal.name() : String.valueOf(per);
			return max instanceof Number number
					? new dev.byron.runtime.descriptor.CountLimit(perName, number.intValue(), null)
					: new dev.byron.runtime.descriptor.CountLimit(perName, null,
							max instanceof EnumLiteral literal ? literal.name() : String.valueOf(max));
		}).toList();
	}

	/** The role {@code @auth} asks for; null without one. */
	private static String role(List<AnnotationDef> annotations) {
		return annotations.stream().filter(a -> a.name().equals("auth")).map(a -> a.arguments().get("role"))
				.filter(String.class::isInstance).map(String.class::cast).findFirst().orElse(null);
	}

	static FieldType type(TypeDef type) {
		if (type.kind() == TypeDef.Kind.LIST) {
			TypeDef element = type.element();
			return new FieldType(kind(element), element.name(), element.component(), true, element.required(), type.required());
		}
		return new FieldType(kind(type), type.name(), type.component(), false, false, type.required());
	}

	private static FieldType.Kind kind(TypeDef type) {
		return switch (type.kind()) {
			case ENUM -> FieldType.Kind.ENUM;
			case ENTITY -> FieldType.Kind.ENTITY;
			default -> FieldType.Kind.SCALAR;
		};
	}

	private static FieldRules rules(FieldDef field) {
		FieldRules rules = FieldRules.NONE;
		if (field.annotation("unique").isPresent()) {
			rules = rules.withUnique();
		}
		Optional<AnnotationDef> pattern = field.annotation("pattern");
		if (pattern.isPresent()) {
			rules = rules.withPattern((String) pattern.get().arguments().get("regex"));
		}
		Optional<AnnotationDef> length = field.annotation("length");
		if (length.isPresent()) {
			rules = rules.withLength(integer(length.get().arguments().get("min")), integer(length.get().arguments().get("max")));
		}
		Optional<AnnotationDef> range = field.annotation("range");
		if (range.isPresent()) {
			rules = rules.withRange(decimal(range.get().arguments().get("min")), decimal(range.get().arguments().get("max")));
		}
		Optional<AnnotationDef> defaultValue = field.annotation("default");
		if (defaultValue.isPresent()) {
			rules = rules.withDefault(plain(defaultValue.get().arguments().get("value")));
		}
		return rules;
	}

	/** Model values as JSON-friendly values: enum literals become their names, integral numbers ints. */
	static Object plain(Object value) {
		if (value instanceof EnumLiteral literal) {
			return literal.name();
		}
		if (value instanceof Long number && number == number.intValue()) {
			return number.intValue();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(DescriptorMapper::plain).toList();
		}
		if (value instanceof Map<?, ?>) {
			return value;
		}
		return value;
	}

	private static Integer integer(Object value) {
		return value instanceof Number n ? n.intValue() : null;
	}

	private static BigDecimal decimal(Object value) {
		return value instanceof Number n ? new BigDecimal(n.toString()) : null;
	}
}
