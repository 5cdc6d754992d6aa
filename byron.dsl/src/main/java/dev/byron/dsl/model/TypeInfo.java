package dev.byron.dsl.model;

import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Enum;
import dev.byron.dsl.byron.ListType;
import dev.byron.dsl.byron.NamedType;
import dev.byron.dsl.byron.Scalar;
import dev.byron.dsl.byron.ScalarType;
import dev.byron.dsl.byron.TypeRef;

/** What a type reference means, once lists are looked through: a scalar, an enum or an entity. */
public record TypeInfo(boolean list, int listDepth, Scalar scalar, Enum enumType, Entity entity, boolean required) {

	public static TypeInfo of(TypeRef type) {
		int depth = 0;
		TypeRef current = type;
		while (current instanceof ListType list && list.getElement() != null) {
			depth++;
			current = list.getElement();
		}
		Scalar scalar = current instanceof ScalarType s ? s.getScalar() : null;
		Enum enumType = null;
		Entity entity = null;
		if (current instanceof NamedType named && named.getTarget() != null && !named.getTarget().eIsProxy()) {
			if (named.getTarget() instanceof Enum e) {
				enumType = e;
			} else if (named.getTarget() instanceof Entity e) {
				entity = e;
			}
		}
		return new TypeInfo(depth > 0, depth, scalar, enumType, entity, type != null && type.isRequired());
	}

	public boolean isText() {
		return scalar == Scalar.STRING;
	}

	public boolean isNumber() {
		return scalar == Scalar.INT || scalar == Scalar.FLOAT;
	}

	public boolean isResolved() {
		return scalar != null || enumType != null || entity != null;
	}

	/** The element type as a user would read it, e.g. {@code Int} or {@code accounts.User}. */
	public String describe() {
		String base;
		if (scalar != null) {
			base = scalar.getLiteral();
		} else if (enumType != null) {
			base = enumType.getName();
		} else if (entity != null) {
			base = entity.getName();
		} else {
			base = "?";
		}
		return list ? "[" + base + "]" : base;
	}
}
