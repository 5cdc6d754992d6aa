package dev.byron.dsl.ide.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;

import dev.byron.dsl.resource.ByronResource;

/**
 * The language server's build. A file open in the editor and changed there is parsed again only where it changed
 * ({@link ByronResource#reparse}), in place of being unloaded and read whole. Any other changed file is unloaded so
 * that only what other loaded files refer to becomes a proxy (what EMF's unload does to every object, at a cost
 * that grew with the file).
 */
public class ByronIncrementalBuilder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {
	private static final org.apache.log4j.Logger LOG = org.apache.log4j.Logger.getLogger(ByronIncrementalBuilder.class);

	@Override
	protected void unloadResource(URI uri) {
		XtextResourceSet resources = getRequest().getResourceSet();
		Resource resource = resources.getResource(uri, false);
		if (!(resource instanceof ByronResource byron)) {
			super.unloadResource(uri);
			return;
		}
		Set<EObject> pointedAt = byron.pointedAt();
		String edited = getRequest().getDirtyFiles().contains(uri) ? openText(uri, resources) : null;
		if (edited != null && reparsed(byron, edited, pointedAt)) {
			return;
		}
		resources.getResources().remove(resource);
		byron.unloadKeeping(pointedAt);
	}

	/** The text of the file as the editor holds it, or null when it is not open (then it is read from disk, whole). */
	private static String openText(URI uri, XtextResourceSet resources) {
		try (InputStream in = resources.getURIConverter().createInputStream(uri)) {
			return in instanceof LazyStringInputStream open ? open.getString() : null;
		} catch (IOException e) {
			return null;
		}
	}

	private static boolean reparsed(ByronResource byron, String text, Set<EObject> pointedAt) {
		try {
			return byron.reparse(text, pointedAt);
		} catch (RuntimeException e) {
			LOG.warn("Reading " + byron.getURI() + " again where it changed failed; it is read whole", e);
			return false; // unloaded and read afresh by the build
		}
	}
}
