package dev.byron.dsl.naming;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.DefaultDeclarativeQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Declaration;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.SystemDecl;

/**
 * Qualified names only for what a model can name from elsewhere (components and their declarations) and what the
 * workspace's symbol search lists besides (the system, fields, enum values). Annotations, their arguments,
 * parameters and deployment sections have a {@code name} in the grammar too, but nothing refers to them: named, they
 * were half of every file's scope and index (a field has up to five annotations, each with arguments), and every
 * other node of the tree was looked up in the name cache, at each keystroke.
 */
public class ByronQualifiedNameProvider extends DefaultDeclarativeQualifiedNameProvider {
	@Override
	public QualifiedName getFullyQualifiedName(EObject object) {
		if (object instanceof Component || object instanceof Declaration || object instanceof Field || object instanceof EnumValue
				|| object instanceof SystemDecl) {
			return super.getFullyQualifiedName(object);
		}
		return null;
	}
}
