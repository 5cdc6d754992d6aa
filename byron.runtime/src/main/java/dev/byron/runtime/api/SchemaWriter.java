package dev.byron.runtime.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.EnumDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;

/**
 * The GraphQL SDL of one component: for each entity {@code User}, the type, {@code UserInput},
 * {@code UserPatch}, a Relay {@code UserConnection}, {@code user(id)}, {@code users(first, after)},
 * {@code createUser}, {@code updateUser}, {@code deleteUser}. Replicated entities appear as read-only types
 * with the replicated fields; other components' entities that are not replicated appear with their id only.
 */
public final class SchemaWriter {
	private SchemaWriter() {
	}

	public static String sdl(ComponentDescriptor component) {
		StringBuilder out = new StringBuilder();
		out.append("\"An ISO-8601 instant, e.g. 2024-01-31T12:00:00Z\"\nscalar DateTime\n\n");
		out.append("type PageInfo {\n  hasNextPage: Boolean!\n  hasPreviousPage: Boolean!\n  startCursor: String\n  endCursor: String\n}\n\n");
		StringBuilder query = new StringBuilder("type Query {\n");
		StringBuilder mutation = new StringBuilder("type Mutation {\n");
		for (EntityDescriptor entity : component.entities()) {
			String name = entity.name();
			String single = lowerFirst(name);
			String plural = lowerFirst(entity.plural());
			query.append("  ").append(single).append("(id: ID!): ").append(name).append('\n');
			// root fields are nullable: a component that fails or is down nulls its own fields, not the whole answer (ADR 28)
			query.append("  ").append(plural).append("(first: Int = 20, after: String): ").append(name).append("Connection\n");
			mutation.append("  create").append(name).append("(input: ").append(name).append("Input!): ").append(name).append('\n');
			mutation.append("  update").append(name).append("(id: ID!, input: ").append(name).append("Patch!): ").append(name).append('\n');
			mutation.append("  delete").append(name).append("(id: ID!): ID\n");
			out.append("type ").append(name).append(" {\n  id: ID!\n");
			entity.fields().forEach(f -> out.append("  ").append(f.name()).append(": ").append(outputType(component, f.type())).append('\n'));
			out.append("}\n\n");
			out.append("input ").append(name).append("Input {\n");
			// an @owner field may be left out of a create, which names its caller; the pipeline checks it is there after
			String owner = entity.ownership() == null ? null : entity.ownership().field();
			entity.fields().forEach(f -> out.append("  ").append(f.name()).append(": ").append(inputType(component, f.type(),
					f.type().required() && f.rules().defaultValue() == null && !f.name().equals(owner))).append('\n'));
			out.append("}\n\n");
			out.append("input ").append(name).append("Patch {\n");
			entity.fields().forEach(f -> out.append("  ").append(f.name()).append(": ")
					.append(inputType(component, f.type(), false)).append('\n'));
			out.append("}\n\n");
			out.append("type ").append(name).append("Edge {\n  cursor: String!\n  node: ").append(name).append("!\n}\n\n");
			out.append("type ").append(name).append("Connection {\n  edges: [").append(name).append("Edge!]!\n  nodes: [")
					.append(name).append("!]!\n  pageInfo: PageInfo!\n}\n\n");
		}
		for (EnumDescriptor enumType : component.enums()) {
			out.append("enum ").append(enumType.name()).append(" {\n");
			enumType.values().forEach(v -> out.append("  ").append(v).append('\n'));
			out.append("}\n\n");
		}
		for (Map.Entry<String, String> foreign : foreignTypes(component).entrySet()) {
			out.append(foreign.getValue());
		}
		boolean anyMutation = !component.entities().isEmpty();
		boolean anyQuery = !component.entities().isEmpty();
		for (OperationDescriptor operation : component.operations()) {
			StringBuilder target = operation.isMutation() ? mutation : query;
			target.append("  ").append(operation.name());
			if (!operation.parameters().isEmpty()) {
				target.append('(');
				for (int i = 0; i < operation.parameters().size(); i++) {
					OperationDescriptor.ParameterDescriptor parameter = operation.parameters().get(i);
					target.append(i == 0 ? "" : ", ").append(parameter.name()).append(": ")
							.append(inputType(component, parameter.type(), parameter.type().required()));
					if (parameter.defaultValue() != null) {
						target.append(" = ").append(literal(parameter.defaultValue(), parameter.type()));
					}
				}
				target.append(')');
			}
			target.append(": ").append(resultType(component, operation.returns())).append('\n');
			anyMutation |= operation.isMutation();
			anyQuery |= !operation.isMutation();
		}
		if (!anyQuery) {
			// a component that only replicates or reacts still answers a query: GraphQL needs one field
			query.append("  \"The component's name\"\n  _component: String!\n");
		}
		out.append(query).append("}\n");
		if (anyMutation) {
			out.append('\n').append(mutation).append("}\n");
		}
		return out.toString();
	}

	/** Read-only types for other components' entities that this component's fields reference or replicates. */
	private static Map<String, String> foreignTypes(ComponentDescriptor component) {
		Map<String, String> types = new LinkedHashMap<>();
		for (ReplicaDescriptor replica : component.replicas()) {
			StringBuilder type = new StringBuilder("\"" + replica.component() + "." + replica.entity()
					+ ", as replicated by " + component.name() + "\"\ntype " + replica.entity() + " {\n  id: ID!\n");
			for (FieldDescriptor field : replica.fields()) {
				type.append("  ").append(field.name()).append(": ").append(replicaType(field.type())).append('\n');
			}
			types.put(replica.entity(), type.append("}\n\n").toString());
		}
		for (EntityDescriptor entity : component.entities()) {
			for (FieldDescriptor field : entity.fields()) {
				FieldType type = field.type();
				if (type.kind() == FieldType.Kind.ENTITY && !isOwn(component, type) && !types.containsKey(type.name())) {
					types.put(type.name(), "\"" + type.component() + "." + type.name() + " (not replicated by " + component.name()
							+ ": only its id is known)\"\ntype " + type.name() + " {\n  id: ID!\n}\n\n");
				}
			}
		}
		return types;
	}

	static boolean isOwn(ComponentDescriptor component, FieldType type) {
		return type.component() == null || type.component().equals(component.name());
	}

	private static String outputType(ComponentDescriptor component, FieldType type) {
		String base = switch (type.kind()) {
			case SCALAR -> type.name();
			case ENUM -> component.enumType(type.name()).isPresent() ? type.name() : "String";
			case ENTITY -> type.name();
		};
		// references may dangle for a while (eventual consistency): they are nullable in the output
		boolean required = type.required() && type.kind() != FieldType.Kind.ENTITY;
		return wrap(type, base, required, type.kind() != FieldType.Kind.ENTITY && type.elementRequired());
	}

	private static String resultType(ComponentDescriptor component, FieldType type) {
		String base = switch (type.kind()) {
			case SCALAR -> type.name();
			case ENUM -> component.enumType(type.name()).isPresent() ? type.name() : "String";
			case ENTITY -> type.name();
		};
		return wrap(type, base, type.required(), type.elementRequired());
	}

	/** A default value as a GraphQL literal: strings quoted as JSON, enum values bare. */
	static String literal(Object value, FieldType type) {
		if (value instanceof String text) {
			if (type.kind() == FieldType.Kind.ENUM) {
				return text;
			}
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		if (value instanceof java.util.List<?> list) {
			return "[" + String.join(", ", list.stream().map(v -> literal(v, type)).toList()) + "]";
		}
		return String.valueOf(value);
	}

	private static String inputType(ComponentDescriptor component, FieldType type, boolean required) {
		String base = switch (type.kind()) {
			case SCALAR -> type.name();
			case ENUM -> component.enumType(type.name()).isPresent() ? type.name() : "String";
			case ENTITY -> "ID";
		};
		return wrap(type, base, required, type.elementRequired());
	}

	private static String replicaType(FieldType type) {
		String base = switch (type.kind()) {
			case SCALAR -> type.name();
			case ENUM -> "String";
			case ENTITY -> "ID";
		};
		return wrap(type, base, false, type.elementRequired());
	}

	private static String wrap(FieldType type, String base, boolean required, boolean elementRequired) {
		String result = type.list() ? "[" + base + (elementRequired ? "!" : "") + "]" : base;
		return required ? result + "!" : result;
	}

	public static String lowerFirst(String name) {
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}
}
