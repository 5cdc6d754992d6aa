package dev.byron.dsl.ide.workspace;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.resource.XtextResourceSet;

import dev.byron.dsl.resource.ByronResource;

/**
 * The language server's build, unloading a changed file so that only what other loaded files refer to becomes a
 * proxy (what EMF's unload does to every object, at a cost that grew with the file: {@link ByronResource}).
 */
public class ByronIncrementalBuilder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {
	@Override
	protected void unloadResource(URI uri) {
		XtextResourceSet resources = getRequest().getResourceSet();
		Resource resource = resources.getResource(uri, false);
		if (!(resource instanceof ByronResource byron)) {
			super.unloadResource(uri);
			return;
		}
		resources.getResources().remove(resource);
		byron.unloadKeeping(pointedAt(resource, resources));
	}

	/**
	 * The objects of {@code resource} that the other loaded resources refer to, read without resolving any reference
	 * (a reference not linked yet is a proxy already, and names its target by its text).
	 */
	static Set<EObject> pointedAt(Resource resource, XtextResourceSet resources) {
		Set<EObject> found = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Resource other : resources.getResources()) {
			if (other == resource || !other.isLoaded()) {
				continue;
			}
			for (Iterator<EObject> all = other.getAllContents(); all.hasNext();) {
				EObject object = all.next();
				for (EReference reference : object.eClass().getEAllReferences()) {
					if (reference.isContainment() || reference.isContainer() || reference.isDerived()) {
						continue;
					}
					Object value = object.eGet(reference, false);
					if (value instanceof InternalEList<?> targets) {
						for (Iterator<?> each = targets.basicIterator(); each.hasNext();) {
							if (each.next() instanceof EObject target) {
								add(target, resource, found);
							}
						}
					} else if (value instanceof EObject target) {
						add(target, resource, found);
					}
				}
			}
		}
		return found;
	}

	private static void add(EObject target, Resource resource, Set<EObject> found) {
		if (!target.eIsProxy() && target.eResource() == resource) {
			found.add(target);
		}
	}
}
