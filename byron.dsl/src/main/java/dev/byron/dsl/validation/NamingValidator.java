package dev.byron.dsl.validation;

import java.util.Set;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.eclipse.xtext.validation.Check;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Declaration;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.Hook;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.Parameter;
import dev.byron.dsl.byron.Reaction;

/** Names become GraphQL names, Java names and Kubernetes names; each has its rules. */
public class NamingValidator extends ByronCheck {
	private static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
	private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
	private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]*");

	@Check
	public void componentName(Component component) {
		String name = component.getName();
		if (name == null) {
			return;
		}
		if (!dev.byron.dsl.api.ModelEdits.isComponentName(name)) {
			String suggestion = name.toLowerCase().replaceAll("[^a-z0-9]", "");
			error("Component name '" + name + "' becomes Kubernetes names (" + suggestion + "-api, " + suggestion
					+ "-sink) and must be " + dev.byron.dsl.api.ModelEdits.COMPONENT_NAME_RULE + ". Rename it, e.g. to '"
					+ suggestion + "'.", component,
					P.getComponent_Name(), IssueCodes.INVALID_COMPONENT_NAME, suggestion);
		}
	}

	@Check
	public void typeName(Declaration declaration) {
		if (declaration instanceof Operation || declaration.getName() == null) {
			return;
		}
		String name = declaration.getName();
		if (dev.byron.dsl.api.ModelEdits.isReservedTypeName(name)) {
			error("'" + name + "' is reserved by GraphQL or by the types Byron generates. Choose another name.",
					declaration, P.getDeclaration_Name(), IssueCodes.RESERVED_TYPE_NAME);
		} else if (!PASCAL.matcher(name).matches()) {
			String suggestion = pascal(name);
			warning("'" + name + "' should be PascalCase, like '" + suggestion + "': it becomes a GraphQL type and a Java record.",
					declaration, P.getDeclaration_Name(), IssueCodes.TYPE_NAME_STYLE, suggestion);
		}
	}

	@Check
	public void fieldName(Field field) {
		String name = field.getName();
		if (name == null) {
			return;
		}
		boolean entityField = field.eContainer() instanceof Entity;
		if (name.startsWith("_") || entityField && "id".equals(name)) {
			error("'" + name + "' is reserved: every entity gets an 'id' field, and names starting with '_' are Byron's own."
					+ " Rename the field.", field, P.getField_Name(), IssueCodes.RESERVED_FIELD_NAME);
		} else if (!CAMEL.matcher(name).matches()) {
			camelWarning(name, field, P.getField_Name());
		}
	}

	@Check
	public void parameterName(Parameter parameter) {
		if (parameter.getName() != null && !CAMEL.matcher(parameter.getName()).matches()) {
			camelWarning(parameter.getName(), parameter, P.getParameter_Name());
		}
	}

	@Check
	public void operationName(Operation operation) {
		String name = operation.getName();
		if (name == null) {
			return;
		}
		if (name.startsWith("_")) {
			error("'" + name + "' is reserved: names starting with '_' are GraphQL's and Byron's own. Rename the "
					+ operation.getKind().getLiteral() + ".", operation, P.getDeclaration_Name(), IssueCodes.RESERVED_FIELD_NAME);
		} else if (!CAMEL.matcher(name).matches()) {
			camelWarning(name, operation, P.getDeclaration_Name());
		}
	}

	private void camelWarning(String name, org.eclipse.emf.ecore.EObject object, org.eclipse.emf.ecore.EStructuralFeature feature) {
		String suggestion = camel(name);
		warning("'" + name + "' should be camelCase, like '" + suggestion + "': it becomes a GraphQL field and a Java accessor.",
				object, feature, IssueCodes.FIELD_NAME_STYLE, suggestion);
	}

	@Check
	public void enumValue(EnumValue value) {
		String name = value.getName();
		if (name == null) {
			return;
		}
		if (Set.of("true", "false", "null").contains(name)) {
			error("'" + name + "' cannot be a GraphQL enum value. Choose another name, e.g. '" + name.toUpperCase() + "_VALUE'.",
					value, P.getEnumValue_Name(), IssueCodes.INVALID_ENUM_VALUE);
		} else if (!UPPER.matcher(name).matches()) {
			String suggestion = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
			warning("Enum value '" + name + "' should be UPPER_CASE, like '" + suggestion + "'.", value,
					P.getEnumValue_Name(), IssueCodes.ENUM_VALUE_STYLE, suggestion);
		}
	}

	@Check
	public void hookName(Hook hook) {
		checkHookName(hook.getHook(), hook, P.getHook_Hook());
	}

	@Check
	public void reactionHookName(Reaction reaction) {
		checkHookName(reaction.getHook(), reaction, P.getReaction_Hook());
	}

	private void checkHookName(String name, org.eclipse.emf.ecore.EObject object, org.eclipse.emf.ecore.EStructuralFeature feature) {
		if (name == null) {
			return;
		}
		if (SourceVersion.isKeyword(name) || !SourceVersion.isIdentifier(name) || !CAMEL.matcher(name).matches()) {
			error("Hook '" + name + "' becomes a Java method in hooks/ and must be a camelCase Java identifier that is"
					+ " not a Java keyword, e.g. '" + camel(name) + "Hook'.", object, feature, IssueCodes.INVALID_HOOK_NAME);
		}
	}

	static String pascal(String name) {
		StringBuilder out = new StringBuilder();
		boolean upper = true;
		for (char c : name.toCharArray()) {
			if (c == '_') {
				upper = true;
			} else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.length() == 0 ? name : out.toString();
	}

	static String camel(String name) {
		String pascal = pascal(name.toLowerCase().equals(name) || name.toUpperCase().equals(name) ? name.toLowerCase() : name);
		return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
	}
}
