package dev.byron.dsl.validation;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import com.google.common.collect.Iterables;
import com.google.inject.Inject;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Enum;
import dev.byron.dsl.byron.Model;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.OperationKind;
import dev.byron.dsl.byron.SystemDecl;
import dev.byron.dsl.model.Models;
import dev.byron.dsl.validation.SystemIndex.Declared;

/**
 * Rules over the whole system, across files: one system name, unique components, unique GraphQL type
 * names and root fields (the gateway serves the union of all components' schemas).
 */
public class SystemValidator extends ByronCheck {
	@Inject
	private ResourceDescriptionsProvider indexProvider;

	@Inject
	private IContainer.Manager containers;

	private SystemIndex index(EObject context) {
		return (SystemIndex) getContext().computeIfAbsent(SystemIndex.class,
				k -> new SystemIndex(visibleObjects(context.eResource())));
	}

	/** What this file can see: its project's files (one model), not every project open in an editor. */
	private Iterable<IEObjectDescription> visibleObjects(Resource resource) {
		IResourceDescriptions index = indexProvider.getResourceDescriptions(resource);
		IResourceDescription own = index.getResourceDescription(resource.getURI());
		if (own == null) {
			return index.getExportedObjects();
		}
		return Iterables.concat(Iterables.transform(containers.getVisibleContainers(own, index),
				IContainer::getExportedObjects));
	}

	@Check(CheckType.NORMAL)
	public void system(Model model) {
		boolean hasSchema = model.getElements().stream().anyMatch(Component.class::isInstance);
		SystemIndex index = index(model);
		if (model.getSystem() == null && hasSchema && index.systems().isEmpty()) {
			warning("No file of this model declares its system. Add 'system <name>' at the top of the main file:"
					+ " the name prefixes streams, namespaces and images.", model, P.getModel_Elements(), 0,
					IssueCodes.MISSING_SYSTEM);
		}
		SystemDecl own = model.getSystem();
		if (own != null && own.getName() != null) {
			List<String> others = index.systems().stream().map(d -> d.getName().toString())
					.filter(name -> !name.equals(own.getName())).distinct().sorted().collect(Collectors.toList());
			if (!others.isEmpty()) {
				error("This file declares system '" + own.getName() + "' but another file of the model declares '"
						+ String.join("', '", others) + "'. All files of one model belong to one system: use one name.",
						own, P.getSystemDecl_Name(), IssueCodes.CONFLICTING_SYSTEM);
			}
		}
	}

	@Check(CheckType.NORMAL)
	public void uniqueComponent(Component component) {
		if (component.getName() == null) {
			return;
		}
		List<Declared> all = index(component).components(component.getName());
		if (all.size() > 1) {
			error("Component '" + component.getName() + "' is declared " + all.size() + " times" + elsewhere(all, component)
					+ ". A component is declared once; move its members into one declaration or rename one.",
					component, P.getComponent_Name(), IssueCodes.DUPLICATE_COMPONENT);
		}
	}

	@Check(CheckType.NORMAL)
	public void uniqueType(Entity entity) {
		uniqueTypeName(entity, entity.getName());
		for (String query : Models.queryFields(entity)) {
			rootFieldCollision(entity, P.getDeclaration_Name(), query, index(entity).queryFields(query), "query");
		}
	}

	@Check(CheckType.NORMAL)
	public void uniqueType(Enum enumType) {
		uniqueTypeName(enumType, enumType.getName());
	}

	@Check(CheckType.NORMAL)
	public void uniqueOperation(Operation operation) {
		if (operation.getName() == null) {
			return;
		}
		SystemIndex index = index(operation);
		List<Declared> same = operation.getKind() == OperationKind.QUERY ? index.queryFields(operation.getName())
				: index.mutationFields(operation.getName());
		rootFieldCollision(operation, P.getDeclaration_Name(), operation.getName(), same, operation.getKind().getLiteral());
	}

	private void uniqueTypeName(EObject declaration, String name) {
		if (name == null) {
			return;
		}
		List<Declared> generated = index(declaration).generatedTypes(name);
		if (!generated.isEmpty()) {
			error("'" + name + "' is the name of " + describe(generated) + ": the gateway's schema would define it twice and"
					+ " the system could not start. Rename it.", declaration, P.getDeclaration_Name(), IssueCodes.GENERATED_TYPE_NAME);
		}
		List<Declared> all = index(declaration).types(name);
		if (all.size() > 1) {
			error("The type name '" + name + "' is used " + all.size() + " times: " + describe(all)
					+ ". The gateway serves one GraphQL schema, so entity and enum names are unique across components."
					+ " Rename one (e.g. with its component's name as a prefix).", declaration, P.getDeclaration_Name(),
					IssueCodes.DUPLICATE_TYPE);
		}
	}

	private void rootFieldCollision(EObject object, EStructuralFeature feature, String field, List<Declared> all,
			String kind) {
		// a description's URI is computed from its object's place in the tree: only worth it when two could differ
		if (all.size() > 1 && all.stream().map(d -> d.where().getEObjectURI()).distinct().count() > 1) {
			error("The root " + kind + " field '" + field + "' would be defined more than once in the gateway's schema, by "
					+ describe(all) + ". Rename one" + (object instanceof Entity ? ", or give the entity a distinct @plural" : "")
					+ ".", object, feature, IssueCodes.ROOT_FIELD_COLLISION);
		}
	}

	private static String describe(List<Declared> all) {
		return all.stream().map(Declared::what).distinct().sorted().collect(Collectors.joining(", ")); // whatever the index's order
	}

	private static String elsewhere(List<Declared> all, EObject self) {
		List<String> files = all.stream().filter(d -> !SystemIndex.isSelf(d, self))
				.map(Declared::where).map(IEObjectDescription::getEObjectURI).map(uri -> uri.lastSegment())
				.distinct().sorted().collect(Collectors.toList());
		return files.isEmpty() ? "" : " (also in " + String.join(", ", files) + ")";
	}
}
