package dev.byron.dsl.linking;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.IDiagnosticConsumer;
import org.eclipse.xtext.diagnostics.IDiagnosticProducer;
import org.eclipse.xtext.linking.lazy.LazyLinker;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.concurrent.IUnitOfWork;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;

import com.google.inject.Inject;

/**
 * Xtext's linker, which can also link part of a file: the declarations a change read again, and the objects elsewhere
 * in the file whose references led into what the change replaced ({@link dev.byron.dsl.resource.ByronResource}).
 */
public class ByronLinker extends LazyLinker {
	@Inject
	private OnChangeEvictingCache cache;

	/**
	 * Links {@code added} as a whole file is linked (a reference is a proxy to be resolved by its text), and the
	 * references of {@code referrers} again; the file's other references stay as they are, resolved or not.
	 */
	public void linkPart(Resource resource, List<EObject> added, Collection<EObject> referrers, IDiagnosticConsumer consumer) {
		Multimap<EStructuralFeature.Setting, INode> settingsToLink = ArrayListMultimap.create();
		IDiagnosticProducer producer = createDiagnosticProducer(consumer, resource);
		cache.execWithoutCacheClear(resource, new IUnitOfWork.Void<Resource>() {
			@Override
			public void process(Resource state) {
				for (EObject root : added) {
					for (TreeIterator<EObject> all = getAllLinkableContents(root); all.hasNext();) {
						EObject object = all.next();
						clearReferences(object);
						installProxies(object, producer, settingsToLink);
					}
				}
				for (EObject referrer : referrers) {
					clearReferences(referrer);
					installProxies(referrer, producer, settingsToLink);
				}
			}
		});
		installQueuedLinks(settingsToLink);
	}
}
