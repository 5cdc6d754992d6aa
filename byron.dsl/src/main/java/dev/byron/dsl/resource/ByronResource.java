package dev.byron.dsl.resource;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.AbstractTreeIterator;
import org.eclipse.emf.common.util.TreeIterator;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * A Byron file, as Xtext reads it. EMF unloads a resource by turning every object in it into a proxy, an address
 * by which a reference from another resource can find the object's successor once the file is read again. Computing
 * those addresses was about a quarter of the language server's work per keystroke; {@link #unloadKeeping} turns
 * into proxies only the objects some other resource still refers to.
 */
public class ByronResource extends LazyLinkingResource {
	private static final String CONTENTS_STATE = "byron.contentsState";

	/** The contents' state in which every reference was last found resolved; see {@link #resolveLazyCrossReferences}. */
	private Object resolvedIn;

	/**
	 * Resolves the references of this file that are not resolved yet, as Xtext does, but walks the file only when its
	 * contents changed since a walk found every one resolved: a build asked four times (before validating, while
	 * validating, for the index's references and for its imported names), each a walk of the whole tree, and only the
	 * first had anything to do. A reference that found nothing is looked for again at the next ask, since the index
	 * may name it by then. Xtext's cache for the resource, dropped at every change of its contents, tells the state.
	 */
	@Override
	public void resolveLazyCrossReferences(CancelIndicator monitor) {
		Object state = getCache().get(CONTENTS_STATE, this, Object::new);
		if (state == resolvedIn) {
			return;
		}
		super.resolveLazyCrossReferences(monitor);
		boolean complete = (monitor == null || !monitor.isCanceled()) && noLinkingProblem(getErrors())
				&& noLinkingProblem(getWarnings());
		if (complete && getCache().get(CONTENTS_STATE, this, Object::new) == state) {
			resolvedIn = state;
		}
	}

	private static boolean noLinkingProblem(List<Diagnostic> diagnostics) {
		for (Diagnostic diagnostic : diagnostics) {
			if (diagnostic instanceof XtextLinkingDiagnostic) {
				return false;
			}
		}
		return true;
	}
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

	/** While {@link #unloadKeeping}: the objects EMF's unload turns into proxies, instead of the whole tree. */
	@Override
	protected TreeIterator<EObject> getAllProperContents(List<EObject> contents) {
		if (pointedAt == null) {
			return super.getAllProperContents(contents);
		}
		Set<EObject> only = pointedAt;
		return new AbstractTreeIterator<>(only, false) {
			private static final long serialVersionUID = 1L;

			@Override
			protected Iterator<EObject> getChildren(Object object) {
				return object == only ? only.iterator() : Collections.emptyIterator();
			}
		};
	}
}
