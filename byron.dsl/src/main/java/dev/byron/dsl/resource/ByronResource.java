package dev.byron.dsl.resource;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.AbstractTreeIterator;
import org.eclipse.emf.common.util.TreeIterator;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * A Byron file, as Xtext reads it. EMF unloads a resource by turning every object in it into a proxy, an address
 * by which a reference from another resource can find the object's successor once the file is read again. Computing
 * those addresses was about a quarter of the language server's work per keystroke; {@link #unloadKeeping} turns
 * into proxies only the objects some other resource still refers to. {@link #reparse} reads again only the part of
 * the text that changed, as Xtext's editors do.
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

	/** While {@link #reparse} runs: the objects other resources refer to; null otherwise. */
	private Set<EObject> keptOnReparse;

	/**
	 * Reads {@code text} in place of the file's text, parsing again only the smallest part of it that the change lies
	 * in (Xtext's partial parser; the whole file when that part does not parse alone). Of what the new part replaces,
	 * only {@code pointedAt}, the objects other resources refer to, become proxies; references inside the file are
	 * linked again, as at a load. False, with nothing done, when the file is not loaded or its text is {@code text}.
	 */
	public boolean reparse(String text, Set<EObject> pointedAt) {
		IParseResult parsed = getParseResult();
		if (!isLoaded() || parsed == null || parsed.getRootNode() == null) {
			return false;
		}
		String old = parsed.getRootNode().getText();
		if (old.equals(text)) {
			return false;
		}
		int start = 0;
		int limit = Math.min(old.length(), text.length());
		while (start < limit && old.charAt(start) == text.charAt(start)) {
			start++;
		}
		int end = 0;
		while (end < limit - start && old.charAt(old.length() - 1 - end) == text.charAt(text.length() - 1 - end)) {
			end++;
		}
		keptOnReparse = pointedAt;
		try {
			update(start, old.length() - start - end, text.substring(start, text.length() - end));
		} finally {
			keptOnReparse = null;
		}
		return true;
	}

	/**
	 * What a {@link #reparse} drops, from {@code root} down: the objects other resources refer to become proxies
	 * (their addresses taken before any is changed, since an address is a path from the top); true when this resource
	 * took care of it, false when no reparse runs and everything under {@code root} is to become one, as Xtext does.
	 */
	boolean dropped(EObject root) {
		Set<EObject> only = keptOnReparse;
		if (only == null) {
			return false;
		}
		java.util.Map<EObject, URI> addresses = new java.util.IdentityHashMap<>();
		for (EObject object : only) {
			if (!object.eIsProxy() && EcoreUtil.isAncestor(root, object)) {
				addresses.put(object, EcoreUtil.getURI(object));
			}
		}
		addresses.forEach((object, address) -> ((InternalEObject) object).eSetProxyURI(address));
		return true;
	}

	/**
	 * When the whole file was parsed again, its old tree leaves the contents unheard, as in {@link #unloadKeeping}:
	 * Xtext's cache would walk all of it to let go of each object.
	 */
	@Override
	protected void updateInternalState(IParseResult oldParseResult, IParseResult newParseResult) {
		EObject oldRoot = oldParseResult == null ? null : oldParseResult.getRootASTElement();
		if (keptOnReparse == null || oldRoot == null || oldRoot == newParseResult.getRootASTElement()) {
			super.updateInternalState(oldParseResult, newParseResult);
			return;
		}
		dropped(oldRoot);
		boolean delivering = eDeliver();
		eSetDeliver(false);
		try {
			getContents().remove(oldRoot);
		} finally {
			eSetDeliver(delivering);
		}
		updateInternalState(newParseResult);
	}

	/**
	 * The objects of this file that the other loaded resources of its set refer to, read without resolving any
	 * reference (a reference not linked yet is a proxy already, and names its target by its text).
	 */
	public Set<EObject> pointedAt() {
		Set<EObject> found = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (Resource other : getResourceSet().getResources()) {
			if (other == this || !other.isLoaded()) {
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
								addIfMine(target, found);
							}
						}
					} else if (value instanceof EObject target) {
						addIfMine(target, found);
					}
				}
			}
		}
		return found;
	}

	private void addIfMine(EObject target, Set<EObject> found) {
		if (!target.eIsProxy() && target.eResource() == this) {
			found.add(target);
		}
	}
}
