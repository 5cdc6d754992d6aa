package dev.byron.dsl.formatting2;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;

import dev.byron.dsl.byron.Annotation;
import dev.byron.dsl.byron.Argument;
import dev.byron.dsl.byron.ByronPackage;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Credentials;
import dev.byron.dsl.byron.Deployment;
import dev.byron.dsl.byron.DomainEvent;
import dev.byron.dsl.byron.Element;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Enum;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.EnvValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.ListType;
import dev.byron.dsl.byron.ListValue;
import dev.byron.dsl.byron.Model;
import dev.byron.dsl.byron.NamedType;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.Parameter;
import dev.byron.dsl.byron.Reaction;
import dev.byron.dsl.byron.Replica;
import dev.byron.dsl.byron.ScalarType;
import dev.byron.dsl.byron.Section;
import dev.byron.dsl.byron.Setting;
import dev.byron.dsl.byron.TypeRef;

/**
 * The canonical layout: one declaration per line, blocks indented, one blank line between top-level
 * elements, at most one blank line kept inside blocks, {@code name: Type @annotation} spacing. Comments stay.
 */
public class ByronFormatter extends AbstractJavaFormatter {

	protected void format(Model model, IFormattableDocument doc) {
		boolean first = true;
		if (model.getSystem() != null) {
			doc.append(regionFor(model.getSystem()).keyword("system"), it -> it.oneSpace());
			first = false;
		}
		for (Element element : model.getElements()) {
			if (!first) {
				doc.prepend(element, it -> it.setNewLines(2));
			}
			first = false;
			doc.format(element);
		}
		EObject last = model.getElements().isEmpty() ? model.getSystem() : model.getElements().get(model.getElements().size() - 1);
		if (last != null) {
			doc.append(last, it -> it.setNewLines(1));
		}
	}

	protected void format(Component component, IFormattableDocument doc) {
		doc.append(regionFor(component).keyword("component"), it -> it.oneSpace());
		annotations(component.getAnnotations(), doc);
		block(component, component.getMembers(), doc);
	}

	protected void format(Entity entity, IFormattableDocument doc) {
		doc.append(regionFor(entity).keyword("entity"), it -> it.oneSpace());
		annotations(entity.getAnnotations(), doc);
		block(entity, entity.getFields(), doc);
	}

	protected void format(DomainEvent event, IFormattableDocument doc) {
		doc.append(regionFor(event).keyword("event"), it -> it.oneSpace());
		annotations(event.getAnnotations(), doc);
		block(event, event.getFields(), doc);
	}

	protected void format(Enum enumType, IFormattableDocument doc) {
		doc.append(regionFor(enumType).keyword("enum"), it -> it.oneSpace());
		annotations(enumType.getAnnotations(), doc);
		for (ISemanticRegion comma : regionFor(enumType).keywords(",")) {
			doc.prepend(comma, it -> it.noSpace());
		}
		block(enumType, enumType.getValues(), doc);
	}

	protected void format(EnumValue value, IFormattableDocument doc) {
		annotations(value.getAnnotations(), doc);
	}

	protected void format(Field field, IFormattableDocument doc) {
		doc.prepend(regionFor(field).keyword(":"), it -> it.noSpace());
		doc.append(regionFor(field).keyword(":"), it -> it.oneSpace());
		doc.format(field.getType());
		annotations(field.getAnnotations(), doc);
	}

	protected void format(ListType list, IFormattableDocument doc) {
		doc.append(regionFor(list).keyword("["), it -> it.noSpace());
		doc.prepend(regionFor(list).keyword("]"), it -> it.noSpace());
		doc.format(list.getElement());
		required(list, doc);
	}

	protected void format(ScalarType type, IFormattableDocument doc) {
		required(type, doc);
	}

	protected void format(NamedType type, IFormattableDocument doc) {
		required(type, doc);
	}

	private void required(TypeRef type, IFormattableDocument doc) {
		doc.prepend(regionFor(type).keyword("!"), it -> it.noSpace());
	}

	protected void format(Annotation annotation, IFormattableDocument doc) {
		doc.append(regionFor(annotation).keyword("@"), it -> it.noSpace());
		doc.prepend(regionFor(annotation).keyword("("), it -> it.noSpace());
		doc.append(regionFor(annotation).keyword("("), it -> it.noSpace());
		doc.prepend(regionFor(annotation).keyword(")"), it -> it.noSpace());
		commas(annotation, doc);
		for (Argument argument : annotation.getArguments()) {
			doc.format(argument);
		}
	}

	protected void format(Argument argument, IFormattableDocument doc) {
		doc.prepend(regionFor(argument).keyword(":"), it -> it.noSpace());
		doc.append(regionFor(argument).keyword(":"), it -> it.oneSpace());
		doc.format(argument.getValue());
	}

	protected void format(ListValue list, IFormattableDocument doc) {
		doc.append(regionFor(list).keyword("["), it -> it.noSpace());
		doc.prepend(regionFor(list).keyword("]"), it -> it.noSpace());
		commas(list, doc);
		list.getValues().forEach(doc::format);
	}

	protected void format(EnvValue env, IFormattableDocument doc) {
		doc.append(regionFor(env).keyword("env"), it -> it.noSpace());
		doc.append(regionFor(env).keyword("("), it -> it.noSpace());
		doc.prepend(regionFor(env).keyword(")"), it -> it.noSpace());
	}

	protected void format(Replica replica, IFormattableDocument doc) {
		doc.append(regionFor(replica).keyword("replicate"), it -> it.oneSpace());
		ISemanticRegion open = regionFor(replica).keyword("{");
		ISemanticRegion close = regionFor(replica).keyword("}");
		if (open != null && close != null) {
			doc.prepend(open, it -> it.oneSpace());
			if (replica.getFields().isEmpty()) {
				doc.append(open, it -> it.noSpace());
			} else {
				doc.append(open, it -> it.oneSpace());
				doc.prepend(close, it -> it.oneSpace());
				for (ISemanticRegion field : regionFor(replica).features(ByronPackage.Literals.REPLICA__FIELDS)) {
					doc.prepend(field, it -> it.oneSpace());
				}
			}
		}
		commas(replica, doc);
	}

	protected void format(Reaction reaction, IFormattableDocument doc) {
		doc.append(regionFor(reaction).keyword("on"), it -> it.oneSpace());
		doc.surround(regionFor(reaction).keyword("call"), it -> it.oneSpace());
	}

	protected void format(dev.byron.dsl.byron.Hook hook, IFormattableDocument doc) {
		doc.append(regionFor(hook).feature(ByronPackage.Literals.HOOK__TIMING), it -> it.oneSpace());
		doc.surround(regionFor(hook).keyword("call"), it -> it.oneSpace());
		doc.surround(regionFor(hook).keyword("by"), it -> it.oneSpace());
	}

	protected void format(dev.byron.dsl.byron.EventsSetting setting, IFormattableDocument doc) {
		doc.append(regionFor(setting).keyword("events"), it -> it.oneSpace());
	}

	protected void format(Operation operation, IFormattableDocument doc) {
		doc.append(regionFor(operation).feature(ByronPackage.Literals.OPERATION__KIND), it -> it.oneSpace());
		doc.prepend(regionFor(operation).keyword("("), it -> it.noSpace());
		doc.append(regionFor(operation).keyword("("), it -> it.noSpace());
		doc.prepend(regionFor(operation).keyword(")"), it -> it.noSpace());
		doc.prepend(regionFor(operation).keyword(":"), it -> it.noSpace());
		doc.append(regionFor(operation).keyword(":"), it -> it.oneSpace());
		commas(operation, doc);
		operation.getParameters().forEach(doc::format);
		doc.format(operation.getType());
		annotations(operation.getAnnotations(), doc);
	}

	protected void format(Parameter parameter, IFormattableDocument doc) {
		doc.prepend(regionFor(parameter).keyword(":"), it -> it.noSpace());
		doc.append(regionFor(parameter).keyword(":"), it -> it.oneSpace());
		doc.surround(regionFor(parameter).keyword("="), it -> it.oneSpace());
		doc.format(parameter.getType());
		doc.format(parameter.getDefault());
	}

	protected void format(Deployment deployment, IFormattableDocument doc) {
		block(deployment, deployment.getEntries(), doc);
	}

	protected void format(Credentials credentials, IFormattableDocument doc) {
		block(credentials, credentials.getEntries(), doc);
	}

	protected void format(Section section, IFormattableDocument doc) {
		if (section.getComponent() != null) {
			doc.prepend(regionFor(section).feature(ByronPackage.Literals.SECTION__COMPONENT), it -> it.oneSpace());
		}
		block(section, section.getEntries(), doc);
	}

	protected void format(Setting setting, IFormattableDocument doc) {
		doc.prepend(regionFor(setting).keyword(":"), it -> it.noSpace());
		doc.append(regionFor(setting).keyword(":"), it -> it.oneSpace());
		doc.format(setting.getValue());
	}

	private void annotations(List<Annotation> annotations, IFormattableDocument doc) {
		for (Annotation annotation : annotations) {
			doc.prepend(annotation, it -> it.oneSpace());
			doc.format(annotation);
		}
	}

	private void commas(EObject owner, IFormattableDocument doc) {
		for (ISemanticRegion comma : regionFor(owner).keywords(",")) {
			doc.prepend(comma, it -> it.noSpace());
			doc.append(comma, it -> it.oneSpace());
		}
	}

	/** A braced block: its children one per line, indented, keeping at most one blank line between them. */
	private void block(EObject owner, List<? extends EObject> children, IFormattableDocument doc) {
		ISemanticRegion open = regionFor(owner).keyword("{");
		ISemanticRegion close = regionFor(owner).keyword("}");
		if (open == null || close == null) {
			return;
		}
		doc.prepend(open, it -> it.oneSpace());
		doc.interior(open, close, it -> it.indent());
		boolean first = true;
		for (EObject child : children) {
			boolean isFirst = first;
			doc.prepend(child, it -> it.setNewLines(1, 1, isFirst ? 1 : 2));
			doc.format(child);
			first = false;
		}
		doc.prepend(close, it -> it.newLine());
	}
}
