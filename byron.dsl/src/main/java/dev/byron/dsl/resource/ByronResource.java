package dev.byron.dsl.resource;

import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * A Byron file, as Xtext reads it. EMF unloads a resource by turning every object in it into a proxy, an address
 * by which a reference from another resource can find the object's successor once the file is read again. Computing
 * those addresses was about a quarter of the language server's work per keystroke; {@link #unloadKeeping} turns
 * into proxies only the objects some other resource still refers to.
 */
public class ByronResource extends LazyLinkingResource {
	/** While {@link #unloadKeeping} runs: the objects to turn into proxies; null otherwise (all of them, as EMF does). */
	private Set<EObject> pointedAt;

	/** Unloads, turning into proxies only {@code pointedAt}; the rest, which nothing outside refers to, is dropped. */
	public void unloadKeeping(Set<EObject> pointedAt) {
		this.pointedAt = pointedAt;
		boolean delivering = eDeliver();
		// Xtext's cache listens to the whole tree (an EContentAdapter): told that the contents went, it walked the tree
		// to let go of each object, as clearing each object's adapters did; what is dropped has no use for either.
		eSetDeliver(false);
		try {
			unload();
		} finally {
			this.pointedAt = null;
			eSetDeliver(delivering);
		}
	}

	@Override
	protected void unloaded(InternalEObject object) {
		if (pointedAt == null || pointedAt.contains(object)) {
			super.unloaded(object);
		}
	}
}
