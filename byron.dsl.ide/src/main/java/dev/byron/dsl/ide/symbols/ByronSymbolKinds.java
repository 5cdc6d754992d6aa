package dev.byron.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

import dev.byron.dsl.byron.ByronPackage;

/** The outline's icons: components are modules, entities structs, events events. */
public class ByronSymbolKinds extends DocumentSymbolKindProvider {
	private static final ByronPackage P = ByronPackage.eINSTANCE;

	@Override
	protected SymbolKind getSymbolKind(EClass eClass) {
		if (eClass == P.getSystemDecl()) {
			return SymbolKind.Namespace;
		}
		if (eClass == P.getComponent()) {
			return SymbolKind.Module;
		}
		if (eClass == P.getEntity()) {
			return SymbolKind.Struct;
		}
		if (eClass == P.getEnum()) {
			return SymbolKind.Enum;
		}
		if (eClass == P.getEnumValue()) {
			return SymbolKind.EnumMember;
		}
		if (eClass == P.getDomainEvent()) {
			return SymbolKind.Event;
		}
		if (eClass == P.getField()) {
			return SymbolKind.Field;
		}
		if (eClass == P.getOperation()) {
			return SymbolKind.Method;
		}
		if (eClass == P.getParameter()) {
			return SymbolKind.Variable;
		}
		return SymbolKind.Property;
	}
}
