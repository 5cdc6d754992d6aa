package dev.byron.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.EventDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.descriptor.ReactionDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;
import dev.byron.runtime.spi.JavaNames;

/**
 * What the Java templates render: records for entities and events, enums, and per component an interface
 * with one typed method per hook and resolver the model names. Types: String for String, ID, DateTime and
 * references (ids); Integer, Double, Boolean; the component's enums; lists as {@code List}.
 */
public final class JavaModel {
	/** A record component: its Java name, the model's name (the map key), its type and conversions. */
	public record JavaField(String name, String key, String type, String from, String to) {
	}

	/** A record and, for an entity, a typed constant per field ({@code Registration.TALK}) for queries. */
	public record JavaRecord(String packageName, String name, String doc, List<JavaField> fields, List<JavaConstant> constants) {
	}

	/** {@code public static final EntityField<Record, type> NAME = new EntityField<>("field")}. */
	public record JavaConstant(String name, String type, String field) {
	}

	/** The typed store of a component: its entities, the replicas it keeps, the events it publishes. */
	public record JavaStore(String packageName, String name, String component, List<StoreEntry> entities,
			List<StoreEntry> replicas, List<StoreEntry> events) {
	}

	/** A store's accessor: the method, the record type, the model's component and entity (or event) names. */
	public record StoreEntry(String method, String type, String component, String name) {
	}

	public record JavaEnum(String packageName, String name, List<String> values) {
	}

	public record HookMethod(String doc, String declaration, String registration) {
	}

	public record HooksInterface(String packageName, String name, String component, List<HookMethod> methods) {
	}

	private final List<ComponentDescriptor> all;

	JavaModel(List<ComponentDescriptor> all) {
		this.all = all;
	}

	static String packageOf(ComponentDescriptor component) {
		return packageOf(component.system(), component.name());
	}

	static String packageOf(String system, String component) {
		return "byron." + JavaNames.identifier(system) + "." + JavaNames.identifier(component);
	}

	static String interfaceName(ComponentDescriptor component) {
		return Character.toUpperCase(component.name().charAt(0)) + component.name().substring(1) + "Hooks";
	}

	List<JavaRecord> records(ComponentDescriptor component) {
		List<JavaRecord> records = new ArrayList<>();
		for (EntityDescriptor entity : component.entities()) {
			List<JavaField> fields = new ArrayList<>();
			fields.add(new JavaField("id", "id", "String", "Values.string(map.get(\"id\"))", "id"));
			entity.fields().forEach(f -> fields.add(field(component, f)));
			records.add(new JavaRecord(packageOf(component), entity.name(),
					"The state of a " + component.name() + "." + entity.name() + ".", fields,
					constants(fields)));
		}
		for (ReplicaDescriptor replica : component.replicas()) {
			ComponentDescriptor source = all.stream().filter(c -> c.name().equals(replica.component())).findFirst().orElse(component);
			List<JavaField> fields = new ArrayList<>();
			fields.add(new JavaField("id", "id", "String", "Values.string(map.get(\"id\"))", "id"));
			replica.fields().forEach(f -> fields.add(field(source, f)));
			String name = replicaRecordName(component, replica);
			records.add(new JavaRecord(packageOf(component), name, "The fields of " + replica.component() + "." + replica.entity()
					+ " that " + component.name() + " replicates.", fields,
					constants(fields)));
		}
		for (EventDescriptor event : component.events()) {
			records.add(new JavaRecord(packageOf(component), event.name(),
					"The payload of the event " + component.name() + "." + event.name() + ".",
					event.payload().stream().map(f -> field(component, f)).toList(), List.of()));
		}
		return records;
	}

	static String storeName(ComponentDescriptor component) {
		return Character.toUpperCase(component.name().charAt(0)) + component.name().substring(1) + "Store";
	}

	JavaStore store(ComponentDescriptor component) {
		List<StoreEntry> entities = component.entities().stream().map(e -> new StoreEntry(
				JavaNames.member(decapitalize(e.plural())), packageOf(component) + "." + e.name(), component.name(), e.name())).toList();
		List<StoreEntry> replicas = component.replicas().stream().map(r -> new StoreEntry(
				JavaNames.member(r.component() + pluralOf(r.component(), r.entity())),
				packageOf(component) + "." + replicaRecordName(component, r), r.component(), r.entity())).toList();
		List<StoreEntry> events = component.events().stream().map(e -> new StoreEntry("publish",
				packageOf(component) + "." + e.name(), component.name(), e.name())).toList();
		return new JavaStore(packageOf(component), storeName(component), component.name(), entities, replicas, events);
	}

	/**
	 * The record of a replica: {@code <Entity>Replica} in the replicating component's package, with only the
	 * replicated fields (so a change of the source's other fields leaves this component's code alone), or
	 * {@code <Component><Entity>Replica} when the component replicates two entities of that name.
	 */
	static String replicaRecordName(ComponentDescriptor component, ReplicaDescriptor replica) {
		long sameName = component.replicas().stream().filter(r -> r.entity().equals(replica.entity())).count();
		String prefix = sameName > 1 ? Character.toUpperCase(replica.component().charAt(0)) + replica.component().substring(1) : "";
		return prefix + replica.entity() + "Replica";
	}

	private String pluralOf(String componentName, String entityName) {
		return all.stream().filter(c -> c.name().equals(componentName)).flatMap(c -> c.entities().stream())
				.filter(e -> e.name().equals(entityName)).map(EntityDescriptor::plural).findFirst().orElse(entityName + "s");
	}

	private static String decapitalize(String name) {
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static List<JavaConstant> constants(List<JavaField> fields) {
		return fields.stream().map(f -> new JavaConstant(constantName(f.key()), f.type(), f.key())).toList();
	}

	/** {@code joinedAt} as a constant: {@code JOINED_AT}. */
	static String constantName(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
	}

	List<JavaEnum> enums(ComponentDescriptor component) {
		return component.enums().stream().map(e -> new JavaEnum(packageOf(component), e.name(),
				e.values().stream().map(JavaNames::identifier).toList())).toList();
	}

	Optional<HooksInterface> hooks(ComponentDescriptor component) {
		List<HookMethod> methods = new ArrayList<>();
		Map<String, List<String>> commandTypes = new LinkedHashMap<>();
		Map<String, String> timings = new LinkedHashMap<>();
		for (HookDescriptor hook : component.hooks()) {
			commandTypes.computeIfAbsent(hook.hook(), k -> new ArrayList<>()).add(commandStateType(component, hook.command()));
			timings.merge(hook.hook(), hook.timing().toLowerCase(java.util.Locale.ROOT) + " " + hook.command(), (a, b) -> a + ", " + b);
		}
		commandTypes.forEach((hook, types) -> {
			String method = JavaNames.member(hook);
			String type = types.stream().distinct().count() == 1 ? types.get(0) : "java.util.Map<String, Object>";
			boolean before = timings.get(hook).startsWith("before");
			boolean map = type.startsWith("java.util.Map");
			String doc = timings.get(hook) + (before ? ": return the state to append (changed or not), or throw"
					+ " ByronException to refuse the command" : ": the committed state");
			String read = map ? "ctx.state()" : type + ".fromMap(ctx.state())";
			String declaration = before ? type + " " + method + "(" + type + " state, CommandHookContext context) throws Exception"
					: "void " + method + "(" + type + " state, CommandHookContext context) throws Exception";
			String registration = before
					? ".command(\"" + hook + "\", ctx -> { var changed = " + method + "(" + read + ", ctx); if (changed != null) { ctx.state().putAll("
							+ (map ? "changed" : "changed.toMap()") + "); } })"
					: ".command(\"" + hook + "\", ctx -> " + method + "(" + read + ", ctx))";
			methods.add(new HookMethod(doc, declaration, registration));
		});
		Map<String, List<String>> eventTypes = new LinkedHashMap<>();
		Map<String, String> events = new LinkedHashMap<>();
		for (ReactionDescriptor reaction : component.reactions()) {
			eventTypes.computeIfAbsent(reaction.hook(), k -> new ArrayList<>()).add(eventType(reaction));
			events.merge(reaction.hook(), reaction.component() + "." + reaction.event(), (a, b) -> a + ", " + b);
		}
		eventTypes.forEach((hook, types) -> {
			String type = types.stream().distinct().count() == 1 ? types.get(0) : "java.util.Map<String, Object>";
			String read = type.startsWith("java.util.Map") ? "ctx.event().data()" : type + ".fromMap(ctx.event().data())";
			methods.add(new HookMethod("on " + events.get(hook) + ": runs in the Sink, at least once per event",
					"void " + JavaNames.member(hook) + "(" + type + " event, EventHookContext context) throws Exception",
					".event(\"" + hook + "\", ctx -> " + JavaNames.member(hook) + "(" + read + ", ctx))"));
		});
		for (OperationDescriptor operation : component.operations()) {
			List<String> parameters = new ArrayList<>();
			List<String> arguments = new ArrayList<>();
			for (OperationDescriptor.ParameterDescriptor p : operation.parameters()) {
				parameters.add(javaType(component, p.type()) + " " + JavaNames.identifier(p.name()));
				arguments.add(fromExpression(component, p.type(), "ctx.arguments().get(\"" + p.name() + "\")"));
			}
			parameters.add("ResolverContext context");
			arguments.add("ctx");
			String result = resultType(component, operation.returns());
			methods.add(new HookMethod(operation.kind().toLowerCase() + " " + operation.name() + ": the answer, typed as the model says",
					result + " " + JavaNames.member(operation.name()) + "(" + String.join(", ", parameters) + ") throws Exception",
					".resolver(\"" + operation.name() + "\", ctx -> Values.plain(" + JavaNames.member(operation.name()) + "("
							+ String.join(", ", arguments) + ")))"));
		}
		if (methods.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new HooksInterface(packageOf(component), interfaceName(component), component.name(), methods));
	}

	private String commandStateType(ComponentDescriptor component, String command) {
		for (EntityDescriptor entity : component.entities()) {
			for (String verb : List.of("create", "update", "delete")) {
				if (command.equals(verb + entity.name())) {
					return packageOf(component) + "." + entity.name();
				}
			}
		}
		return "java.util.Map<String, Object>"; // a custom mutation: its arguments
	}

	private String eventType(ReactionDescriptor reaction) {
		Optional<ComponentDescriptor> source = all.stream().filter(c -> c.name().equals(reaction.component())).findFirst();
		if (source.isEmpty()) {
			return "java.util.Map<String, Object>";
		}
		if (source.get().events().stream().anyMatch(e -> e.name().equals(reaction.event()))) {
			return packageOf(source.get()) + "." + reaction.event();
		}
		return source.get().entities().stream().filter(e -> reaction.event().startsWith(e.name()))
				.max(java.util.Comparator.comparingInt(e -> e.name().length()))
				.map(e -> packageOf(source.get()) + "." + e.name()).orElse("java.util.Map<String, Object>");
	}

	private JavaField field(ComponentDescriptor component, FieldDescriptor field) {
		String name = JavaNames.member(field.name());
		return new JavaField(name, field.name(), javaType(component, field.type()),
				fromExpression(component, field.type(), "map.get(\"" + field.name() + "\")"), "Values.plain(" + name + ")");
	}

	String javaType(ComponentDescriptor component, FieldType type) {
		String element = switch (type.kind()) {
			case ENTITY -> "String"; // references are ids
			case ENUM -> component.enumType(type.name()).isPresent() ? packageOf(component) + "." + type.name() : "String";
			case SCALAR -> switch (type.name()) {
				case "Int" -> "Integer";
				case "Float" -> "Double";
				case "Boolean" -> "Boolean";
				default -> "String";
			};
		};
		return type.list() ? "java.util.List<" + element + ">" : element;
	}

	/** What a resolver returns: entities as their records (fields still hold references as ids). */
	String resultType(ComponentDescriptor component, FieldType type) {
		if (type.kind() != FieldType.Kind.ENTITY) {
			return javaType(component, type);
		}
		String owner = type.component() == null ? component.name() : type.component();
		String record = packageOf(component.system(), owner) + "." + type.name();
		return type.list() ? "java.util.List<" + record + ">" : record;
	}

	String fromExpression(ComponentDescriptor component, FieldType type, String expression) {
		FieldType element = new FieldType(type.kind(), type.name(), type.component(), false, false, false);
		String single = single(component, element, type.list() ? "v" : expression);
		return type.list() ? "Values.list(" + expression + ", v -> " + single + ")" : single;
	}

	private String single(ComponentDescriptor component, FieldType type, String expression) {
		String java = javaType(component, type);
		return switch (java) {
			case "Integer" -> "Values.integer(" + expression + ")";
			case "Double" -> "Values.decimal(" + expression + ")";
			case "Boolean" -> "Values.bool(" + expression + ")";
			case "String" -> "Values.string(" + expression + ")";
			default -> "Values.enumOf(" + java + ".class, " + expression + ")";
		};
	}
}
