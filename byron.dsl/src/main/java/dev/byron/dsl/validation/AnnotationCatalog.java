package dev.byron.dsl.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotations Byron knows: where each may stand, its arguments, and the documentation the language
 * reference and the language server show.
 */
public final class AnnotationCatalog {
	public enum Target {
		COMPONENT, ENTITY, ENUM, ENUM_VALUE, EVENT, ENTITY_FIELD, EVENT_FIELD, OPERATION
	}

	public enum ArgType {
		STRING, INT, NUMBER, BOOLEAN, ANY,
		/** Names of the entity's fields, given one after another without names: {@code @unique(attendee, talk)}. */
		FIELDS
	}

	public record Param(String name, ArgType type, boolean required) {
	}

	/** {@code positional} names the parameter an unnamed first argument binds to. */
	public record Spec(String name, Set<Target> targets, List<Param> params, String positional, String doc) {
		public Param param(String paramName) {
			return params.stream().filter(p -> p.name().equals(paramName)).findFirst().orElse(null);
		}
	}

	public static final Map<String, Spec> SPECS = specs();

	private static Map<String, Spec> specs() {
		Map<String, Spec> m = new LinkedHashMap<>();
		put(m, new Spec("unique", Set.of(Target.ENTITY_FIELD, Target.ENTITY),
				List.of(new Param("fields", ArgType.FIELDS, false), new Param("ignoreCase", ArgType.BOOLEAN, false)), "fields",
				"No two entities may hold the same value in this field; enforced exactly across API replicas."
						+ " On an entity, several fields together: @unique(attendee, talk) allows one registration per attendee"
						+ " and talk. With ignoreCase: true, Strings compare without case (emails)."));
		put(m, new Spec("limit", Set.of(Target.ENTITY),
				List.of(new Param("max", ArgType.ANY, true), new Param("per", ArgType.ANY, true)), "max",
				"At most max entities share a value of the field per: a number (@limit(3, per: customer)), or an Int field"
						+ " of the entity per references (@limit(capacity, per: talk): at most the talk's capacity registrations"
						+ " per talk). Enforced exactly across API replicas, without a hook: a create (or an update that moves"
						+ " one) beyond it is refused with CONFLICT, and a deleted entity frees its place."));
		put(m, new Spec("pattern", Set.of(Target.ENTITY_FIELD, Target.EVENT_FIELD),
				List.of(new Param("regex", ArgType.STRING, true)), "regex",
				"The whole String value must match this Java regular expression."));
		put(m, new Spec("length", Set.of(Target.ENTITY_FIELD, Target.EVENT_FIELD),
				List.of(new Param("min", ArgType.INT, false), new Param("max", ArgType.INT, false)), null,
				"Bounds on the number of characters of a String (min, max or both)."));
		put(m, new Spec("range", Set.of(Target.ENTITY_FIELD, Target.EVENT_FIELD),
				List.of(new Param("min", ArgType.NUMBER, false), new Param("max", ArgType.NUMBER, false)), null,
				"Bounds on an Int or Float value (min, max or both, inclusive)."));
		put(m, new Spec("default", Set.of(Target.ENTITY_FIELD),
				List.of(new Param("value", ArgType.ANY, true)), "value",
				"The value a create command uses when the field is not given."));
		put(m, new Spec("plural", Set.of(Target.ENTITY), List.of(new Param("name", ArgType.STRING, true)), "name",
				"The plural used for the list query (users) when English rules get it wrong."));
		put(m, new Spec("deprecated", Set.of(Target.ENTITY_FIELD, Target.ENUM_VALUE, Target.OPERATION),
				List.of(new Param("reason", ArgType.STRING, false)), "reason",
				"Marks the element deprecated in the GraphQL schema, with the reason clients see."));
		put(m, new Spec("auth", Set.of(Target.ENTITY, Target.ENTITY_FIELD, Target.OPERATION),
				List.of(new Param("role", ArgType.STRING, true)), "role",
				"Only callers whose token carries this role may use it: on an entity, its queries, mutations and fields;"
						+ " on a field, reading it and giving it in a create or update; on a query or mutation, calling it."
						+ " Others get FORBIDDEN. Tokens are checked by the gateway (gateway { auth { ... } } in config.byron),"
						+ " roles by the gateway and again by the component."));
		put(m, new Spec("owner", Set.of(Target.ENTITY),
				List.of(new Param("field", ArgType.ANY, true), new Param("role", ArgType.STRING, false)), "field",
				"Each entity belongs to the caller its field names (the token's subject, e.g. @owner(author)): only they"
						+ " may update or delete it, nobody may hand it over, and a create names the caller (or leaves the"
						+ " field out to have it filled in). Callers with 'role' may change anyone's. Others get FORBIDDEN."));
		return java.util.Collections.unmodifiableMap(m);
	}

	private static void put(Map<String, Spec> m, Spec spec) {
		m.put(spec.name(), spec);
	}

	private AnnotationCatalog() {
	}
}
