package dev.byron.dsl.validation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import dev.byron.dsl.byron.Annotation;
import dev.byron.dsl.byron.Argument;
import dev.byron.dsl.byron.BooleanValue;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.DomainEvent;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Enum;
import dev.byron.dsl.byron.EnumLiteralValue;
import dev.byron.dsl.byron.EnumValue;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.ListValue;
import dev.byron.dsl.byron.NullValue;
import dev.byron.dsl.byron.NumberValue;
import dev.byron.dsl.byron.Operation;
import dev.byron.dsl.byron.Scalar;
import dev.byron.dsl.byron.StringValue;
import dev.byron.dsl.byron.Value;
import dev.byron.dsl.linking.Suggestions;
import dev.byron.dsl.model.Models;
import dev.byron.dsl.model.TypeInfo;
import dev.byron.dsl.validation.AnnotationCatalog.ArgType;
import dev.byron.dsl.validation.AnnotationCatalog.Param;
import dev.byron.dsl.validation.AnnotationCatalog.Spec;
import dev.byron.dsl.validation.AnnotationCatalog.Target;

/** Annotations: known, in the right place, with the right arguments, on fields of the right type. */
public class AnnotationValidator extends ByronCheck {

	@Check
	public void annotation(Annotation annotation) {
		String name = annotation.getName();
		if (name == null) {
			return;
		}
		Spec spec = AnnotationCatalog.SPECS.get(name);
		if (spec == null) {
			Optional<String> suggestion = Suggestions.closest(name, AnnotationCatalog.SPECS.keySet());
			error("Unknown annotation '@" + name + "'." + suggestion.map(s -> " Did you mean '@" + s + "'?").orElse("")
					+ " Byron knows @" + String.join(", @", AnnotationCatalog.SPECS.keySet()) + ".", annotation,
					P.getAnnotation_Name(), IssueCodes.UNKNOWN_ANNOTATION, suggestion.stream().toArray(String[]::new));
			return;
		}
		Target target = targetOf(annotation.eContainer());
		if (target == null || !spec.targets().contains(target)) {
			error("@" + name + " does not apply to " + describe(annotation.eContainer()) + "; it applies to "
					+ targets(spec) + ". Remove it or move it.", annotation, P.getAnnotation_Name(),
					IssueCodes.ANNOTATION_TARGET);
			return;
		}
		if (!arguments(annotation, spec)) {
			return;
		}
		if (annotation.eContainer() instanceof Field field) {
			fieldType(annotation, field, TypeInfo.of(field.getType()));
		}
		if ("owner".equals(name) && annotation.eContainer() instanceof dev.byron.dsl.byron.Entity entity) {
			ownerField(annotation, entity);
		}
		if ("unique".equals(name) && annotation.eContainer() instanceof dev.byron.dsl.byron.Entity entity) {
			uniqueTogether(annotation, entity);
		}
		if ("limit".equals(name) && annotation.eContainer() instanceof dev.byron.dsl.byron.Entity entity) {
			countLimit(annotation, entity);
		}
	}

	/**
	 * {@code @limit(max, per: field)}: {@code per} a single-valued field of the entity; {@code max} a positive number,
	 * or an Int field of the entity {@code per} references.
	 */
	private void countLimit(Annotation annotation, dev.byron.dsl.byron.Entity entity) {
		List<String> names = entity.getFields().stream().map(Field::getName).filter(java.util.Objects::nonNull).toList();
		Argument perArgument = Models.argument(annotation, "per", false).orElse(null);
		String perName = perArgument == null ? null : literal(perArgument);
		Field per = entity.getFields().stream().filter(f -> f.getName() != null && f.getName().equals(perName)).findFirst()
				.orElse(null);
		if (per == null) {
			if (perArgument != null) {
				error("@limit counts per '" + perName + "', which is not a field of " + entity.getName() + "."
						+ Suggestions.closest(String.valueOf(perName), names).map(s -> " Did you mean '" + s + "'?").orElse(""),
						perArgument, P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
			}
			return;
		}
		for (Annotation other : entity.getAnnotations()) {
			if (other == annotation) {
				break;
			}
			if ("limit".equals(other.getName()) && Models.argument(other, "per", false).map(AnnotationValidator::literal)
					.filter(perName::equals).isPresent()) {
				error("Two @limits count per '" + perName + "'. Keep one; several @limits must count per different fields.",
						perArgument, P.getArgument_Value(), IssueCodes.DUPLICATE_ANNOTATION);
				return;
			}
		}
		TypeInfo perType = TypeInfo.of(per.getType());
		if (perType.isResolved() && (perType.list() || perType.scalar() == Scalar.BOOLEAN || perType.scalar() == Scalar.FLOAT)) {
			error("@limit cannot count per '" + perName + "', which is " + perType.describe()
					+ ": count per a single String, Int, ID, enum or reference field.", perArgument, P.getArgument_Value(),
					IssueCodes.ANNOTATION_TYPE_MISMATCH);
			return;
		}
		Argument maxArgument = Models.argument(annotation, "max", true).orElse(null);
		if (maxArgument == null) {
			return;
		}
		if (maxArgument.getValue() instanceof dev.byron.dsl.byron.NumberValue number) {
			java.math.BigDecimal value = new java.math.BigDecimal(number.getValue());
			if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
				error("@limit's maximum must be a whole number of at least 1, not " + number.getValue() + ".", maxArgument,
						P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
			}
			return;
		}
		if (!(maxArgument.getValue() instanceof dev.byron.dsl.byron.EnumLiteralValue literal)) {
			error("@limit's maximum is a number, or the name of an Int field of the entity '" + perName + "' references,"
					+ " e.g. @limit(20, per: " + perName + ") or @limit(capacity, per: " + perName + ").", maxArgument,
					P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
			return;
		}
		if (perType.entity() == null) {
			if (perType.isResolved()) {
				error("@limit(" + literal.getLiteral() + ", ...) reads the maximum from the entity '" + perName
						+ "' references, but '" + perName + "' is " + perType.describe() + ". Give a number, e.g. @limit(20, per: "
						+ perName + ").", maxArgument, P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
			}
			return;
		}
		dev.byron.dsl.byron.Entity referenced = perType.entity();
		Field maxField = referenced.getFields().stream().filter(f -> literal.getLiteral().equals(f.getName())).findFirst()
				.orElse(null);
		List<String> ints = referenced.getFields().stream().filter(f -> {
			TypeInfo type = TypeInfo.of(f.getType());
			return !type.list() && type.scalar() == Scalar.INT;
		}).map(Field::getName).toList();
		if (maxField == null) {
			error("@limit's maximum '" + literal.getLiteral() + "' is not a field of " + referenced.getName() + "."
					+ (ints.isEmpty() ? " " + referenced.getName() + " has no Int field: give a number."
							: " Its Int fields: " + String.join(", ", ints) + "."),
					maxArgument, P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
			return;
		}
		dev.byron.dsl.byron.Component here = Models.componentOf(entity);
		dev.byron.dsl.byron.Component there = Models.componentOf(referenced);
		if (here != null && there != null && here != there && here.getMembers().stream()
				.noneMatch(m -> m instanceof dev.byron.dsl.byron.Replica replica && replica.getEntity() == referenced
						&& replica.getFields().contains(maxField))) {
			String copied = there.getName() + "." + referenced.getName();
			List<String> held = here.getMembers().stream()
					.filter(m -> m instanceof dev.byron.dsl.byron.Replica replica && replica.getEntity() == referenced)
					.flatMap(m -> ((dev.byron.dsl.byron.Replica) m).getFields().stream().map(Field::getName)).toList();
			List<String> wanted = new java.util.ArrayList<>(held);
			wanted.add(literal.getLiteral());
			error("@limit reads '" + literal.getLiteral() + "' of " + copied + ", which " + here.getName() + " does not replicate. "
					+ (held.isEmpty() ? "Add it to the component: " : "Add it to the fields " + here.getName() + " replicates: ")
					+ "replicate " + copied + " { " + String.join(", ", wanted) + " }.", maxArgument, P.getArgument_Value(),
					IssueCodes.ANNOTATION_ARGUMENT);
			return;
		}
		TypeInfo maxType = TypeInfo.of(maxField.getType());
		if (maxType.isResolved() && (maxType.list() || maxType.scalar() != Scalar.INT)) {
			error("@limit's maximum '" + literal.getLiteral() + "' is " + maxType.describe() + "; it must be an Int field of "
					+ referenced.getName() + (ints.isEmpty() ? "." : " (" + String.join(", ", ints) + ")."), maxArgument,
					P.getArgument_Value(), IssueCodes.ANNOTATION_TYPE_MISMATCH);
		} else if (maxType.isResolved() && !maxType.required()) {
			warning("@limit reads its maximum from '" + literal.getLiteral() + "', which is optional: "
					+ (referenced.getName().matches("(?i)[aeiou].*") ? "an " : "a ") + referenced.getName()
					+ " without it allows no " + entity.getName() + " at all. Make it " + literal.getLiteral() + ": Int!.",
					maxArgument, P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
		}
	}

	/** {@code @unique(a, b)} on an entity names two or more distinct single-valued fields of it that can be compared. */
	private void uniqueTogether(Annotation annotation, dev.byron.dsl.byron.Entity entity) {
		List<Argument> named = annotation.getArguments().stream().filter(a -> a.getName() == null).toList();
		if (named.size() < 2) {
			String only = named.isEmpty() ? "field" : literal(named.get(0));
			error("@unique on an entity names the fields that are unique together, at least two, e.g. @unique(attendee, talk)."
					+ " For one field, put @unique on the field: " + only + ": ... @unique.", annotation, P.getAnnotation_Name(),
					IssueCodes.ANNOTATION_ARGUMENT);
			return;
		}
		Set<String> seen = new HashSet<>();
		List<String> names = entity.getFields().stream().map(Field::getName).filter(java.util.Objects::nonNull).toList();
		for (Argument argument : named) {
			String fieldName = literal(argument);
			Field field = entity.getFields().stream().filter(f -> fieldName.equals(f.getName())).findFirst().orElse(null);
			if (field == null) {
				error("@unique names '" + fieldName + "', which is not a field of " + entity.getName() + "."
						+ Suggestions.closest(fieldName, names).map(s -> " Did you mean '" + s + "'?").orElse(""), argument,
						P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
				continue;
			}
			if (!seen.add(fieldName)) {
				error("'" + fieldName + "' is named twice in @unique. Name each field once.", argument, P.getArgument_Value(),
						IssueCodes.ANNOTATION_ARGUMENT);
				continue;
			}
			TypeInfo type = TypeInfo.of(field.getType());
			if (type.isResolved() && (type.list() || type.scalar() == Scalar.BOOLEAN || type.scalar() == Scalar.FLOAT)) {
				error("@unique cannot use '" + fieldName + "', which is " + type.describe()
						+ ": unique keys are made of single String, Int, ID, DateTime, enum or reference fields.", argument,
						P.getArgument_Value(), IssueCodes.ANNOTATION_TYPE_MISMATCH);
			}
		}
	}

	private static String literal(Argument argument) {
		return argument.getValue() instanceof EnumLiteralValue literal ? literal.getLiteral() : String.valueOf(argument.getValue());
	}

	/** {@code @owner(field)} names a single-valued String, ID or reference field of its entity. */
	private void ownerField(Annotation annotation, dev.byron.dsl.byron.Entity entity) {
		Models.argument(annotation, "field", true).ifPresent(argument -> {
			String fieldName = argument.getValue() instanceof dev.byron.dsl.byron.EnumLiteralValue literal ? literal.getLiteral()
					: argument.getValue() instanceof StringValue text ? text.getValue() : null;
			Field field = entity.getFields().stream().filter(f -> f.getName() != null && f.getName().equals(fieldName))
					.findFirst().orElse(null);
			if (field == null) {
				List<String> names = entity.getFields().stream().map(Field::getName).filter(java.util.Objects::nonNull).toList();
				error("@owner names '" + fieldName + "', which is not a field of " + entity.getName() + ". Name the field that"
						+ " holds the owner's id" + Suggestions.closest(String.valueOf(fieldName), names)
								.map(s -> ", e.g. @owner(" + s + ")").orElse("") + ".",
						argument, P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
				return;
			}
			TypeInfo type = TypeInfo.of(field.getType());
			if (type.isResolved() && (type.list() || !(type.entity() != null || type.isText() || type.scalar() == Scalar.ID))) {
				error("@owner needs a field that holds one id (String, ID or a reference), but '" + field.getName() + "' is "
						+ type.describe() + ".", argument, P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
			}
		});
	}

	@Check
	public void duplicates(Annotation annotation) {
		EObject owner = annotation.eContainer();
		for (EObject sibling : owner.eContents()) {
			if (sibling == annotation) {
				return;
			}
			if (sibling instanceof Annotation other && annotation.getName() != null
					&& annotation.getName().equals(other.getName()) && !"limit".equals(annotation.getName())) {
				error("@" + annotation.getName() + " is given twice here. Keep one.", annotation, P.getAnnotation_Name(),
						IssueCodes.DUPLICATE_ANNOTATION);
				return;
			}
		}
	}

	/** Checks argument names, types and presence; false when the annotation is too broken for more checks. */
	private boolean arguments(Annotation annotation, Spec spec) {
		boolean ok = true;
		Set<String> given = new HashSet<>();
		for (Argument argument : annotation.getArguments()) {
			String argName = argument.getName() != null ? argument.getName() : spec.positional();
			Param param = argName == null ? null : spec.param(argName);
			if (param == null) {
				String hint = spec.params().isEmpty() ? " @" + spec.name() + " takes no arguments."
						: " @" + spec.name() + " takes " + paramsOf(spec) + ".";
				error((argument.getName() == null ? "Unexpected argument for @" + spec.name() + "."
						: "Unknown argument '" + argument.getName() + "' for @" + spec.name() + ".") + hint, argument,
						null, IssueCodes.ANNOTATION_ARGUMENT);
				ok = false;
				continue;
			}
			if (!given.add(param.name()) && param.type() != ArgType.FIELDS) {
				error("Argument '" + param.name() + "' is given twice.", argument, null, IssueCodes.ANNOTATION_ARGUMENT);
				ok = false;
			}
			if (!matches(param.type(), argument.getValue())) {
				error("Argument '" + param.name() + "' of @" + spec.name() + " must be " + typeName(param.type()) + ".",
						argument, P.getArgument_Value(), IssueCodes.ANNOTATION_ARGUMENT);
				ok = false;
			}
		}
		for (Param param : spec.params()) {
			if (param.required() && !given.contains(param.name())) {
				error("@" + spec.name() + " needs its '" + param.name() + "' argument, e.g. " + example(spec) + ".",
						annotation, P.getAnnotation_Name(), IssueCodes.ANNOTATION_ARGUMENT);
				ok = false;
			}
		}
		if (ok && ("length".equals(spec.name()) || "range".equals(spec.name())) && given.isEmpty()) {
			error("@" + spec.name() + " needs 'min', 'max' or both, e.g. @" + spec.name() + "(min: 1, max: 50).",
					annotation, P.getAnnotation_Name(), IssueCodes.ANNOTATION_ARGUMENT);
			ok = false;
		}
		return ok;
	}

	/**
	 * Whether an annotation can apply to a field of this (resolved) type at all: the rules {@link #fieldType} words, one
	 * source for completion too.
	 */
	public static boolean appliesTo(String annotation, TypeInfo type) {
		return switch (annotation) {
			case "unique" -> !type.list() && type.scalar() != Scalar.BOOLEAN && type.scalar() != Scalar.FLOAT;
			case "pattern", "length" -> type.isText();
			case "range" -> type.isNumber();
			default -> true;
		};
	}

	private void fieldType(Annotation annotation, Field field, TypeInfo type) {
		if (!type.isResolved()) {
			return;
		}
		switch (annotation.getName()) {
			case "unique" -> {
				if (!appliesTo("unique", type) && type.list()) {
					mismatch(annotation, "@unique cannot apply to the list field '" + field.getName()
							+ "': uniqueness is per value of a single-valued field.");
				} else if (!appliesTo("unique", type)) {
					mismatch(annotation, "@unique on a " + type.scalar().getLiteral() + " field makes no sense:"
							+ " use it on String, Int, ID, DateTime, enum or reference fields.");
				} else if (Models.argument(annotation, "ignoreCase", false).isPresent() && !type.isText()) {
					mismatch(annotation, "@unique(ignoreCase: true) compares Strings without case, but '" + field.getName()
							+ "' is " + type.describe() + ".");
				}
				annotation.getArguments().stream().filter(a -> a.getName() == null).findFirst().ifPresent(a -> error(
						"@unique on a field takes no field names. To make several fields unique together, put @unique("
								+ field.getName() + ", ...) on the entity.", a, null, IssueCodes.ANNOTATION_ARGUMENT));
			}
			case "pattern" -> {
				if (!appliesTo("pattern", type)) {
					mismatch(annotation, "@pattern applies to String fields, but '" + field.getName() + "' is "
							+ type.describe() + ".");
				} else {
					regex(annotation);
				}
			}
			case "length" -> {
				if (!appliesTo("length", type)) {
					mismatch(annotation, "@length applies to String fields, but '" + field.getName() + "' is "
							+ type.describe() + (type.isNumber() ? ". Use @range for numbers." : "."));
				} else {
					bounds(annotation, true);
				}
			}
			case "range" -> {
				if (!appliesTo("range", type)) {
					mismatch(annotation, "@range applies to Int and Float fields, but '" + field.getName() + "' is "
							+ type.describe() + (type.isText() ? ". Use @length for Strings." : "."));
				} else {
					bounds(annotation, false);
				}
			}
			case "default" -> defaultValue(annotation, field, type);
			default -> {
			}
		}
	}

	private void regex(Annotation annotation) {
		Models.argument(annotation, "regex", true).ifPresent(argument -> {
			if (argument.getValue() instanceof StringValue value) {
				try {
					Pattern.compile(value.getValue());
				} catch (PatternSyntaxException e) {
					error("Invalid regular expression: " + e.getDescription() + " near index " + e.getIndex()
							+ ". Fix the pattern (Java syntax; remember to escape backslashes in strings: \"\\\\d\").",
							argument, P.getArgument_Value(), IssueCodes.INVALID_PATTERN);
				}
			}
		});
	}

	private void bounds(Annotation annotation, boolean length) {
		BigDecimal min = number(annotation, "min");
		BigDecimal max = number(annotation, "max");
		if (length && (min != null && min.signum() < 0 || max != null && max.signum() <= 0)) {
			error("@length bounds must be positive (min ≥ 0, max ≥ 1).", annotation, P.getAnnotation_Name(),
					IssueCodes.EMPTY_RANGE);
		} else if (min != null && max != null && min.compareTo(max) > 0) {
			error("@" + annotation.getName() + "(min: " + min + ", max: " + max + ") allows no value: min is greater"
					+ " than max. Swap them.", annotation, P.getAnnotation_Name(), IssueCodes.EMPTY_RANGE);
		}
	}

	private static BigDecimal number(Annotation annotation, String name) {
		return Models.argument(annotation, name, false).map(Argument::getValue)
				.filter(NumberValue.class::isInstance).map(v -> new BigDecimal(((NumberValue) v).getValue())).orElse(null);
	}

	private void defaultValue(Annotation annotation, Field field, TypeInfo type) {
		Models.argument(annotation, "value", true).ifPresent(argument -> {
			String problem = defaultProblem(argument.getValue(), type);
			if (problem != null) {
				error("@default for '" + field.getName() + "' (" + type.describe() + "): " + problem, argument,
						P.getArgument_Value(), IssueCodes.DEFAULT_TYPE_MISMATCH);
			}
		});
	}

	private static String defaultProblem(Value value, TypeInfo type) {
		if (value instanceof NullValue) {
			return type.required() ? "a required field cannot default to null." : null;
		}
		if (type.list()) {
			return value instanceof ListValue ? null : "give a list, e.g. [] or [\"a\", \"b\"].";
		}
		if (type.entity() != null) {
			return "references cannot have defaults; remove @default.";
		}
		if (type.enumType() != null) {
			Enum e = type.enumType();
			if (value instanceof EnumLiteralValue literal
					&& e.getValues().stream().anyMatch(v -> literal.getLiteral().equals(v.getName()))) {
				return null;
			}
			return "give one of the values of " + e.getName() + ": "
					+ String.join(", ", e.getValues().stream().map(EnumValue::getName).toList()) + ".";
		}
		return switch (type.scalar()) {
			case STRING, ID -> value instanceof StringValue ? null : "give a string in double quotes.";
			case INT -> value instanceof NumberValue n && !n.getValue().contains(".") ? null : "give a whole number.";
			case FLOAT -> value instanceof NumberValue ? null : "give a number.";
			case BOOLEAN -> value instanceof BooleanValue ? null : "give true or false.";
			case DATETIME -> value instanceof StringValue s && ("now".equals(s.getValue()) || isDateTime(s.getValue())) ? null
					: "give an ISO-8601 instant such as \"2024-01-01T00:00:00Z\", or \"now\".";
		};
	}

	private static boolean isDateTime(String text) {
		try {
			java.time.Instant.parse(text);
			return true;
		} catch (java.time.format.DateTimeParseException e) {
			return false;
		}
	}

	private void mismatch(Annotation annotation, String message) {
		error(message + " Remove the annotation or change the field's type.", annotation, P.getAnnotation_Name(),
				IssueCodes.ANNOTATION_TYPE_MISMATCH);
	}

	private static boolean matches(ArgType type, Value value) {
		return switch (type) {
			case STRING -> value instanceof StringValue;
			case INT -> value instanceof NumberValue n && !n.getValue().contains(".");
			case NUMBER -> value instanceof NumberValue;
			case BOOLEAN -> value instanceof BooleanValue;
			case ANY -> true;
			case FIELDS -> value instanceof EnumLiteralValue;
		};
	}

	private static String typeName(ArgType type) {
		return switch (type) {
			case STRING -> "a string in double quotes";
			case INT -> "a whole number";
			case NUMBER -> "a number";
			case ANY -> "a value";
			case BOOLEAN -> "true or false";
			case FIELDS -> "field names of the entity, e.g. attendee, talk";
		};
	}

	private static String paramsOf(Spec spec) {
		return String.join(", ", spec.params().stream().map(p -> "'" + p.name() + "'").toList());
	}

	private static String example(Spec spec) {
		return switch (spec.name()) {
			case "pattern" -> "@pattern(\"^[a-z]+$\")";
			case "default" -> "@default(0)";
			case "plural" -> "@plural(\"people\")";
			case "limit" -> "@limit(20, per: talk) or @limit(capacity, per: talk)";
			default -> "@" + spec.name() + "(...)";
		};
	}

	/** Where an annotation on {@code owner} stands, or null where no annotation may. */
	public static Target targetOf(EObject owner) {
		if (owner instanceof Component) {
			return Target.COMPONENT;
		} else if (owner instanceof Entity) {
			return Target.ENTITY;
		} else if (owner instanceof Enum) {
			return Target.ENUM;
		} else if (owner instanceof EnumValue) {
			return Target.ENUM_VALUE;
		} else if (owner instanceof DomainEvent) {
			return Target.EVENT;
		} else if (owner instanceof Field field) {
			return field.eContainer() instanceof Entity ? Target.ENTITY_FIELD : Target.EVENT_FIELD;
		} else if (owner instanceof Operation) {
			return Target.OPERATION;
		}
		return null;
	}

	private static String describe(EObject owner) {
		Target target = targetOf(owner);
		return target == null ? "this element" : words(target);
	}

	private static String targets(Spec spec) {
		return String.join(" and ", spec.targets().stream().sorted().map(AnnotationValidator::words).toList());
	}

	private static String words(Target target) {
		return switch (target) {
			case COMPONENT -> "components";
			case ENTITY -> "entities";
			case ENUM -> "enums";
			case ENUM_VALUE -> "enum values";
			case EVENT -> "events";
			case ENTITY_FIELD -> "entity fields";
			case EVENT_FIELD -> "event fields";
			case OPERATION -> "queries and mutations";
		};
	}
}
