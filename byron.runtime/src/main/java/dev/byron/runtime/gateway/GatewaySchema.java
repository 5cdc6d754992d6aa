package dev.byron.runtime.gateway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.byron.runtime.api.DateTimeScalar;
import dev.byron.runtime.api.SchemaWriter;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * The gateway's schema: the union of the components' schemas. A type comes from the component that owns
 * it (a replica's partial view of it is dropped); root fields map to the component that serves them.
 */
public final class GatewaySchema {
	private final GraphQLSchema schema;
	private final Map<String, Route> queryOwners = new LinkedHashMap<>();
	private final Map<String, Route> mutationOwners = new LinkedHashMap<>();

	public GatewaySchema(List<Route> routes) {
		Map<String, TypeDefinition<?>> types = new LinkedHashMap<>();
		Map<String, ScalarTypeDefinition> scalars = new LinkedHashMap<>();
		List<FieldDefinition> queries = new ArrayList<>();
		List<FieldDefinition> mutations = new ArrayList<>();
		Map<Route, TypeDefinitionRegistry> registries = new LinkedHashMap<>();
		for (Route route : routes) {
			registries.put(route, new SchemaParser().parse(SchemaWriter.sdl(route.component())));
		}
		for (boolean ownedPass : new boolean[] { true, false }) {
			for (Map.Entry<Route, TypeDefinitionRegistry> entry : registries.entrySet()) {
				Set<String> owned = ownedTypes(entry.getKey().component());
				for (TypeDefinition<?> type : entry.getValue().types().values()) {
					String name = type.getName();
					if (name.equals("Query") || name.equals("Mutation")) {
						continue;
					}
					if (ownedPass && owned.contains(name)) {
						types.put(name, type);
					} else if (!ownedPass) {
						types.putIfAbsent(name, type);
					}
				}
				if (ownedPass) {
					entry.getValue().scalars().forEach((name, scalar) -> {
						if (!ScalarInfo.isGraphqlSpecifiedScalar(name)) {
							scalars.putIfAbsent(name, scalar);
						}
					});
				}
			}
		}
		for (Map.Entry<Route, TypeDefinitionRegistry> entry : registries.entrySet()) {
			collect(entry.getValue(), "Query", entry.getKey(), queries, queryOwners);
			collect(entry.getValue(), "Mutation", entry.getKey(), mutations, mutationOwners);
		}
		TypeDefinitionRegistry merged = new TypeDefinitionRegistry();
		scalars.values().forEach(merged::add);
		types.values().forEach(merged::add);
		if (queries.isEmpty()) {
			queries.add(FieldDefinition.newFieldDefinition().name("_system").type(new graphql.language.TypeName("String")).build());
		}
		merged.add(ObjectTypeDefinition.newObjectTypeDefinition().name("Query").fieldDefinitions(queries).build());
		if (!mutations.isEmpty()) {
			merged.add(ObjectTypeDefinition.newObjectTypeDefinition().name("Mutation").fieldDefinitions(mutations).build());
		}
		this.schema = new SchemaGenerator().makeExecutableSchema(merged,
				RuntimeWiring.newRuntimeWiring().scalar(DateTimeScalar.INSTANCE).build());
	}

	private static void collect(TypeDefinitionRegistry registry, String root, Route route, List<FieldDefinition> fields,
			Map<String, Route> owners) {
		registry.getType(root, ObjectTypeDefinition.class).ifPresent(type -> {
			for (FieldDefinition field : type.getFieldDefinitions()) {
				if (field.getName().startsWith("_") || owners.containsKey(field.getName())) {
					continue; // the model's validation keeps root fields unique; the first one wins otherwise
				}
				owners.put(field.getName(), route);
				fields.add(field);
			}
		});
	}

	/** The GraphQL types a component is the authority for. */
	static Set<String> ownedTypes(ComponentDescriptor component) {
		Set<String> owned = new HashSet<>();
		component.entities().forEach(e -> {
			owned.add(e.name());
			owned.add(e.name() + "Input");
			owned.add(e.name() + "Patch");
			owned.add(e.name() + "Edge");
			owned.add(e.name() + "Connection");
		});
		component.enums().forEach(e -> owned.add(e.name()));
		return owned;
	}

	public GraphQLSchema schema() {
		return schema;
	}

	public Route queryOwner(String field) {
		return queryOwners.get(field);
	}

	public Route mutationOwner(String field) {
		return mutationOwners.get(field);
	}
}
