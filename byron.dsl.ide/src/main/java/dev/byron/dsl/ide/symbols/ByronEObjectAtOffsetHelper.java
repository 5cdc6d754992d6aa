package dev.byron.dsl.ide.symbols;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Xtext's helper, answering "nothing" where nothing stands: in an empty, blank or comment-only file Xtext 2.42 asks for
 * the name of a null element, and go to definition and find references (F12, Shift+F12) failed with a
 * NullPointerException.
 */
public class ByronEObjectAtOffsetHelper extends EObjectAtOffsetHelper {
	@Override
	public EObject getElementWithNameAt(XtextResource resource, int offset) {
		if (resolveCrossReferencedElementAt(resource, offset) == null && resolveElementAt(resource, offset) == null) {
			return null;
		}
		return super.getElementWithNameAt(resource, offset);
	}
}
