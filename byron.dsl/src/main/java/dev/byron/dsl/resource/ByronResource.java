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

	/** The declarations a splice just read ({@link ByronPartialParsingHelper}), for {@link #doLinking}; null otherwise. */
	private List<EObject> spliced;

	void spliced(List<EObject> added) {
		spliced = added;
	}

	@com.google.inject.Inject
	private org.eclipse.xtext.linking.lazy.LazyURIEncoder links;

	@com.google.inject.Inject
	private org.eclipse.xtext.resource.IResourceDescriptionsProvider index;

	/**
	 * After a splice only the declarations read again are linked, with the references elsewhere in the file that led
	 * into what they replaced: every other reference keeps its target, which has not changed. (Linking the whole file
	 * made a proxy of each of its references, each then found again by name: most of a keystroke's cost in a large
	 * file.) A declared component whose name another component already has is linked as the whole file is, since it
	 * may now be the one a reference by that name finds.
	 */
	@Override
	protected void doLinking() {
		List<EObject> added = spliced;
		spliced = null;
		IParseResult parsed = getParseResult();
		if (added == null || !(getLinker() instanceof dev.byron.dsl.linking.ByronLinker linker) || parsed == null
				|| !(parsed.getRootASTElement() instanceof dev.byron.dsl.byron.Model model) || namesAComponentAgain(model, added)) {
			super.doLinking();
			return;
		}
		forgetProxiesOfDropped();
		var consumer = new org.eclipse.xtext.resource.impl.ListBasedDiagnosticConsumer();
		linker.linkPart(this, added, referrersOfDropped(model, added), consumer);
		if (!isValidationDisabled()) {
			getErrors().addAll(consumer.getResult(org.eclipse.xtext.diagnostics.Severity.ERROR));
			getWarnings().addAll(consumer.getResult(org.eclipse.xtext.diagnostics.Severity.WARNING));
		}
		if (isEagerLinking()) {
			EcoreUtil.resolveAll(this);
		}
	}

	/** Whether one of {@code added} is a component named as another component, of this file or of another one. */
	private boolean namesAComponentAgain(dev.byron.dsl.byron.Model model, List<EObject> added) {
		Set<String> kept = new java.util.HashSet<>();
		for (EObject element : model.getElements()) {
			if (element instanceof dev.byron.dsl.byron.Component component && !added.contains(component)) {
				kept.add(component.getName());
			}
		}
		Set<org.eclipse.xtext.naming.QualifiedName> declared = new java.util.HashSet<>();
		for (EObject element : added) {
			if (element instanceof dev.byron.dsl.byron.Component component && component.getName() != null) {
				if (kept.contains(component.getName())) {
					return true;
				}
				declared.add(org.eclipse.xtext.naming.QualifiedName.create(component.getName()));
			}
		}
		if (declared.isEmpty() || getResourceSet() == null) {
			return false;
		}
		for (var other : index.getResourceDescriptions(getResourceSet()).getAllResourceDescriptions()) {
			if (getURI().equals(other.getURI())) {
				continue; // this file's entry in the index is of its text before the change
			}
			for (var name : declared) {
				if (other.getExportedObjects(dev.byron.dsl.byron.ByronPackage.Literals.COMPONENT, name, false).iterator().hasNext()) {
					return true;
				}
			}
		}
		return false;
	}

	/** The objects outside {@code added} with a reference to an object the splice dropped (gone, or made a proxy by path). */
	private List<EObject> referrersOfDropped(dev.byron.dsl.byron.Model model, List<EObject> added) {
		Set<EObject> fresh = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		fresh.addAll(added);
		List<EObject> referrers = new java.util.ArrayList<>();
		for (TreeIterator<EObject> all = model.eAllContents(); all.hasNext();) {
			EObject object = all.next();
			if (fresh.contains(object)) {
				all.prune();
				continue;
			}
			if (refersToDropped(object)) {
				referrers.add(object);
			}
		}
		return referrers;
	}

	private boolean refersToDropped(EObject object) {
		return anyTarget(object, this::gone);
	}

	/** Whether a target of one of {@code object}'s references, read without resolving it, is one {@code test} accepts. */
	private static boolean anyTarget(EObject object, java.util.function.Predicate<EObject> test) {
		for (EReference reference : object.eClass().getEAllReferences()) {
			if (reference.isContainment() || reference.isContainer() || reference.isDerived()) {
				continue;
			}
			Object value = object.eGet(reference, false);
			if (value instanceof InternalEList<?> targets) {
				for (Iterator<?> each = targets.basicIterator(); each.hasNext();) {
					if (each.next() instanceof EObject target && test.test(target)) {
						return true;
					}
				}
			} else if (value instanceof EObject target && test.test(target)) {
				return true;
			}
		}
		return false;
	}

	/** A target no longer in a file (dropped whole), or made a proxy by its path rather than by its text. */
	private boolean gone(EObject target) {
		if (target.eIsProxy()) {
			URI address = ((InternalEObject) target).eProxyURI();
			return !(getURI().equals(address.trimFragment()) && links.isCrossLinkFragment(this, address.fragment()));
		}
		return target.eResource() == null;
	}

	/** The lazy links of objects the splice dropped: nothing resolves them any more, and they would keep those objects. */
	private void forgetProxiesOfDropped() {
		List<org.eclipse.xtext.util.Triple<EObject, EReference, org.eclipse.xtext.nodemodel.INode>> proxies = getLazyProxyInformation();
		for (int i = 0; i < proxies.size(); i++) {
			var proxy = proxies.get(i);
			if (proxy != null && proxy.getFirst().eResource() != this) {
				proxies.set(i, null);
			}
		}
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
				anyTarget(all.next(), target -> {
					if (!target.eIsProxy() && target.eResource() == this) {
						found.add(target);
					}
					return false;
				});
			}
		}
		return found;
	}
}
