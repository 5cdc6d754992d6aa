package dev.byron.dsl.ide.symbols;

import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;

import dev.byron.dsl.byron.ByronPackage;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Declaration;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.Parameter;
import dev.byron.dsl.byron.SystemDecl;

/**
 * Outline names: the declaration's own name (the tree shows where it lives). Annotation arguments and
 * configuration keys have names too, but they are not declarations and stay out of the outline.
 */
public class ByronSymbolNames extends DocumentSymbolNameProvider {
	private static final ByronPackage P = ByronPackage.eINSTANCE;
	private static final Set<EClass> DECLARATIONS = Set.of(P.getSystemDecl(), P.getComponent(), P.getEntity(),
			P.getEnum(), P.getEnumValue(), P.getDomainEvent(), P.getField(), P.getOperation(), P.getParameter());

	@Override
	public String getName(EObject object) {
		if (!DECLARATIONS.contains(object.eClass())) {
			return null;
		}
		if (object instanceof SystemDecl system) {
			return system.getName();
		}
		if (object instanceof Component component) {
			return component.getName();
		}
		if (object instanceof Declaration declaration) {
			return declaration.getName();
		}
		if (object instanceof EnumValue value) {
			return value.getName();
		}
		if (object instanceof Field field) {
			return field.getName();
		}
		if (object instanceof Parameter parameter) {
			return parameter.getName();
		}
		return null;
	}
}
