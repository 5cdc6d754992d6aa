package dev.byron.runtime.gateway.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.SchemaWriter;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.gateway.Route;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.language.Document;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * The {@code @auth(role: ...)} rules of the model, checked on the gateway before a request reaches a component, and
 * again by the component:
 * an entity's role guards its queries, its mutations and every field of its type; a field's role guards reading
 * it and giving it in a create or update; an operation's role guards calling it. A caller without the role gets
 * {@code FORBIDDEN}, naming the field and the role.
 */
public final class AccessRules {
	/** One refusal: what was asked ({@code Type.field}) and the role it needs. */
	public record Denial(String target, String role, String action) {
		public String message() {
			return action + " " + target + " needs the role '" + role + "'.";
		}
	}

	private final Map<String, String> rootFields = new LinkedHashMap<>();
	private final Map<String, String> types = new LinkedHashMap<>();
	private final Map<String, String> fields = new LinkedHashMap<>();
	private final Map<String, Map<String, String>> inputs = new LinkedHashMap<>();

	public AccessRules(List<Route> routes) {
		for (Route route : routes) {
			add(route.component());
		}
	}

	/** The rules of one component, which it checks again itself (a request may not have come through the gateway). */
	public static AccessRules of(ComponentDescriptor component) {
		AccessRules rules = new AccessRules(List.of());
		rules.add(component);
		return rules;
	}

	private void add(ComponentDescriptor component) {
		for (EntityDescriptor entity : component.entities()) {
			String name = entity.name();
			if (entity.role() != null) {
				types.put(name, entity.role());
				for (String root : List.of(SchemaWriter.lowerFirst(name), SchemaWriter.lowerFirst(entity.plural()),
						"create" + name, "update" + name, "delete" + name)) {
					rootFields.put(root, entity.role());
				}
			}
			for (FieldDescriptor field : entity.fields()) {
				if (field.role() != null) {
					fields.put(name + "." + field.name(), field.role());
					inputs.computeIfAbsent(name + "Input", k -> new LinkedHashMap<>()).put(field.name(), field.role());
					inputs.computeIfAbsent(name + "Patch", k -> new LinkedHashMap<>()).put(field.name(), field.role());
				}
			}
		}
		for (OperationDescriptor operation : component.operations()) {
			if (operation.role() != null) {
				rootFields.put(operation.name(), operation.role());
			}
		}
	}

	public boolean isEmpty() {
		return rootFields.isEmpty() && types.isEmpty() && fields.isEmpty();
	}

	/**
	 * What the request asks for that the caller may not have; empty when everything is allowed.
	 *
	 * @throws graphql.GraphQLException when the variables do not fit the operation (the caller gets VALIDATION)
	 */
	public List<Denial> check(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables,
			Caller caller) {
		if (isEmpty()) {
			return List.of();
		}
		List<Denial> denials = new ArrayList<>();
		QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
				.variables(variables == null ? Map.of() : variables).build().visitPreOrder(new QueryVisitorStub() {
					@Override
					public void visitField(QueryVisitorFieldEnvironment env) {
						if (env.isTypeNameIntrospectionField()) {
							return;
						}
						String parent = env.getFieldsContainer().getName();
						String field = env.getFieldDefinition().getName();
						String target = parent + "." + field;
						boolean root = env.getParentEnvironment() == null;
						String action = root ? "Calling" : "Reading";
						require(root ? rootFields.get(field) : null, target, action, caller, denials);
						require(types.get(parent), target, action, caller, denials);
						require(fields.get(target), target, action, caller, denials);
						for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
							checkInput(argument, env.getArguments().get(argument.getName()), caller, denials);
						}
					}
				});
		return denials.stream().distinct().toList();
	}

	private void checkInput(GraphQLArgument argument, Object value, Caller caller, List<Denial> denials) {
		if (!(GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLInputObjectType input)
				|| !(value instanceof Map<?, ?> given)) {
			return;
		}
		Map<String, String> guarded = inputs.getOrDefault(input.getName(), Map.of());
		String entity = input.getName().replaceFirst("(Input|Patch)$", "");
		guarded.forEach((field, role) -> {
			if (given.containsKey(field)) {
				require(role, entity + "." + field, "Writing", caller, denials);
			}
		});
	}

	private static void require(String role, String target, String action, Caller caller, List<Denial> denials) {
		if (role != null && !caller.hasRole(role)) {
			denials.add(new Denial(target, role, action));
		}
	}
}
