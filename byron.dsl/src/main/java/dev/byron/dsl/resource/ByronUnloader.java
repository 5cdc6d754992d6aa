package dev.byron.dsl.resource;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.parser.antlr.IReferableElementsUnloader;

/**
 * What Xtext's partial parser drops from a Byron file: during {@link ByronResource#reparse} only the objects other
 * files refer to become proxies; otherwise every object under the dropped one, as Xtext's own unloader does.
 */
public class ByronUnloader extends IReferableElementsUnloader.GenericUnloader {
	@Override
	public void unloadRoot(EObject root) {
		if (root.eResource() instanceof ByronResource byron && byron.dropped(root)) {
			return;
		}
		super.unloadRoot(root);
	}
}
