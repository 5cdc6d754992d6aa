package dev.byron.dsl.ide.symbols;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

import dev.byron.dsl.byron.Component;

/**
 * Xtext's helper, answering "nothing" where nothing stands: in an empty, blank or comment-only file Xtext 2.42 asks for
 * the name of a null element, and go to definition and find references (F12, Shift+F12) failed with a
 * NullPointerException. In a qualified reference, {@code members.Member}, the first part names the component: the
 * cursor on it finds, shows, goes to and renames the component, as in its declaration, not the entity.
 */
public class ByronEObjectAtOffsetHelper extends EObjectAtOffsetHelper {
	@Override
	public EObject getElementWithNameAt(XtextResource resource, int offset) {
		if (resolveCrossReferencedElementAt(resource, offset) == null && resolveElementAt(resource, offset) == null) {
			return null;
		}
		return super.getElementWithNameAt(resource, offset);
	}

	@Override
	public EObject resolveCrossReferencedElementAt(XtextResource resource, int offset) {
		EObject target = super.resolveCrossReferencedElementAt(resource, offset);
		if (target == null || target.eIsProxy() || resource.getParseResult() == null) {
			return target;
		}
		INode reference = getCrossReferenceNode(resource, new org.eclipse.xtext.util.TextRegion(offset, 0));
		ILeafNode at = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (reference == null || at == null) {
			return target;
		}
		List<ILeafNode> parts = new java.util.ArrayList<>();
		reference.getLeafNodes().forEach(leaf -> {
			if (!leaf.isHidden()) {
				parts.add(leaf);
			}
		});
		boolean onQualifier = parts.size() > 1 && parts.get(0).equals(at);
		Component component = onQualifier ? org.eclipse.xtext.EcoreUtil2.getContainerOfType(target, Component.class) : null;
		return component != null && at.getText().equals(component.getName()) ? component : target;
	}
}
