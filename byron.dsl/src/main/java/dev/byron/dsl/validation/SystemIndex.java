package dev.byron.dsl.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IEObjectDescription;

import dev.byron.dsl.byron.ByronPackage;
import dev.byron.dsl.scoping.ByronDescriptions;
import dev.byron.dsl.scoping.ByronResourceDescriptionStrategy;

/**
 * What the whole system (every file of the model) declares, read once per validation run from the index,
 * so that rules spanning files do not each walk every file again.
 */
final class SystemIndex {
	/** A system-wide name and where it is declared, with a readable description of the declaration. */
	record Declared(String name, IEObjectDescription where, String what) {
	}

	private final List<IEObjectDescription> systems = new ArrayList<>();
	private final Map<String, List<Declared>> components = new LinkedHashMap<>();
	private final Map<String, List<Declared>> types = new LinkedHashMap<>();
	private final Map<String, List<Declared>> generatedTypes = new LinkedHashMap<>();
	private final Map<String, List<Declared>> queryFields = new LinkedHashMap<>();
	private final Map<String, List<Declared>> mutationFields = new LinkedHashMap<>();

	SystemIndex(Iterable<IEObjectDescription> visible) {
		ByronPackage p = ByronPackage.eINSTANCE;
		for (IEObjectDescription d : visible) {
			EClass type = d.getEClass();
			String qualified = d.getName().toString();
			String simple = d.getName().getLastSegment();
			if (type == p.getSystemDecl()) {
				systems.add(d);
			} else if (type == p.getComponent()) {
				add(components, qualified, d, "component " + qualified);
			} else if (type == p.getEntity() && d.getUserData(ByronDescriptions.EVENT_KIND) == null) {
				add(types, simple, d, "entity " + qualified);
				dev.byron.dsl.model.Models.GENERATED_TYPE_SUFFIXES.forEach((suffix, what) -> add(generatedTypes, simple + suffix, d,
						"a type Byron generates for entity " + qualified + " (" + what + ")"));
				String queries = d.getUserData(ByronResourceDescriptionStrategy.QUERY_FIELDS);
				if (queries != null) {
					for (String field : new java.util.LinkedHashSet<>(List.of(queries.split(" ")))) {
						add(queryFields, field, d, "entity " + qualified);
					}
				}
				for (String verb : List.of("create", "update", "delete")) {
					add(mutationFields, verb + simple, d, "entity " + qualified);
				}
			} else if (type == p.getEnum()) {
				add(types, simple, d, "enum " + qualified);
			} else if (type == p.getOperation()) {
				String kind = d.getUserData(ByronResourceDescriptionStrategy.OPERATION_KIND);
				add("mutation".equals(kind) ? mutationFields : queryFields, simple, d, kind + " " + qualified);
			}
		}
	}

	private static void add(Map<String, List<Declared>> map, String key, IEObjectDescription d, String what) {
		map.computeIfAbsent(key, k -> new ArrayList<>()).add(new Declared(key, d, what));
	}

	List<IEObjectDescription> systems() {
		return systems;
	}

	List<Declared> components(String name) {
		return components.getOrDefault(name, List.of());
	}

	List<Declared> types(String simpleName) {
		return types.getOrDefault(simpleName, List.of());
	}

	/** The types Byron generates for the system's entities ({@code UserConnection}...) that have this name. */
	List<Declared> generatedTypes(String simpleName) {
		return generatedTypes.getOrDefault(simpleName, List.of());
	}

	List<Declared> queryFields(String name) {
		return queryFields.getOrDefault(name, List.of());
	}

	List<Declared> mutationFields(String name) {
		return mutationFields.getOrDefault(name, List.of());
	}

	static boolean isSelf(Declared declared, EObject object) {
		return declared.where().getEObjectURI().equals(EcoreUtil.getURI(object));
	}
}
