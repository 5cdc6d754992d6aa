package dev.byron.dsl.ide.rename;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.refactoring.IRenameStrategy2;
import org.eclipse.xtext.ide.refactoring.RenameChange;
import org.eclipse.xtext.ide.refactoring.RenameContext;

import dev.byron.dsl.byron.Annotation;
import dev.byron.dsl.byron.EnumLiteralValue;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.model.TypeInfo;

/**
 * Xtext's rename, and an enum value's {@code @default(VALUE)}s with it: they name the value by its text, not by a
 * reference, so Xtext alone left them naming a value that no longer exists. The names it changes are recorded for the
 * references written again after it ({@link RenamesUnderWay}).
 */
public class ByronRenameStrategy extends IRenameStrategy2.DefaultImpl {
	@com.google.inject.Inject
	private RenamesUnderWay underWay;

	@Override
	public void applyRename(RenameContext context) {
		// before Xtext's own modifications: the serializer takes none while it applies them
		for (RenameChange change : context.getChanges()) {
			EObject target = context.getResourceSet().getEObject(change.getTargetURI(), true);
			Object oldName = target == null ? null : target.eGet(org.eclipse.xtext.util.SimpleAttributeResolver.NAME_RESOLVER.getAttribute(target));
			if (oldName instanceof String name) {
				underWay.add(name, change.getNewName());
			}
			if (target instanceof EnumValue value && value.getName() != null && value.eContainer() instanceof dev.byron.dsl.byron.Enum enumeration) {
				defaultsNaming(context, enumeration, value.getName()).forEach(literal -> context.getChangeSerializer()
						.addModification(literal, named -> named.setLiteral(change.getNewName())));
			}
		}
		super.applyRename(context);
	}

	/** The values of {@code @default}s, in the files the rename has loaded, that name a value of the enum by this name. */
	private static List<EnumLiteralValue> defaultsNaming(RenameContext context, dev.byron.dsl.byron.Enum enumeration, String name) {
		List<EnumLiteralValue> found = new java.util.ArrayList<>();
		for (Resource resource : List.copyOf(context.getResourceSet().getResources())) {
			for (EObject root : resource.getContents()) {
				for (Annotation annotation : EcoreUtil2.eAllOfType(root, Annotation.class)) {
					if ("default".equals(annotation.getName()) && annotation.eContainer() instanceof Field field
							&& TypeInfo.of(field.getType()).enumType() == enumeration) {
						EcoreUtil2.eAllOfType(annotation, EnumLiteralValue.class).stream().filter(l -> name.equals(l.getLiteral()))
								.forEach(found::add);
					}
				}
			}
		}
		return found;
	}
}
