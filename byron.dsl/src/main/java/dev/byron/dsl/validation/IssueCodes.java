package dev.byron.dsl.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every diagnostic code Byron reports. Codes are stable: tools and quick fixes depend on them, so a code
 * is never renamed or reused for another rule.
 */
public final class IssueCodes {
	private IssueCodes() {
	}

	// Reading and linking
	public static final String SYNTAX_ERROR = "syntax-error";
	public static final String UNKNOWN_TYPE = "unknown-type";
	public static final String UNKNOWN_ENTITY = "unknown-entity";
	public static final String UNKNOWN_FIELD = "unknown-field";
	public static final String UNKNOWN_EVENT = "unknown-event";
	public static final String UNKNOWN_COMMAND = "unknown-command";
	public static final String UNKNOWN_COMPONENT = "unknown-component";

	// System
	public static final String MISSING_SYSTEM = "missing-system";
	public static final String CONFLICTING_SYSTEM = "conflicting-system";

	// Names
	public static final String INVALID_COMPONENT_NAME = "invalid-component-name";
	public static final String TYPE_NAME_STYLE = "type-name-style";
	public static final String FIELD_NAME_STYLE = "field-name-style";
	public static final String ENUM_VALUE_STYLE = "enum-value-style";
	public static final String RESERVED_TYPE_NAME = "reserved-type-name";
	public static final String RESERVED_FIELD_NAME = "reserved-field-name";
	public static final String INVALID_ENUM_VALUE = "invalid-enum-value";
	public static final String INVALID_HOOK_NAME = "invalid-hook-name";

	// Structure
	public static final String DUPLICATE_COMPONENT = "duplicate-component";
	public static final String DUPLICATE_TYPE = "duplicate-type";
	public static final String GENERATED_TYPE_NAME = "generated-type-name";
	public static final String DUPLICATE_FIELD = "duplicate-field";
	public static final String DUPLICATE_ENUM_VALUE = "duplicate-enum-value";
	public static final String ROOT_FIELD_COLLISION = "root-field-collision";
	public static final String PLURAL_COLLISION = "plural-collision";
	public static final String EVENT_NAME_COLLISION = "event-name-collision";
	public static final String DUPLICATE_EVENTS_SETTING = "duplicate-events-setting";
	public static final String EMPTY_ENTITY = "empty-entity";
	public static final String EMPTY_ENUM = "empty-enum";
	public static final String NESTED_LIST = "nested-list";
	public static final String INVALID_INPUT_TYPE = "invalid-input-type";

	// Annotations
	public static final String UNKNOWN_ANNOTATION = "unknown-annotation";
	public static final String ANNOTATION_TARGET = "annotation-target";
	public static final String DUPLICATE_ANNOTATION = "duplicate-annotation";
	public static final String ANNOTATION_TYPE_MISMATCH = "annotation-type-mismatch";
	public static final String ANNOTATION_ARGUMENT = "annotation-argument";
	public static final String INVALID_PATTERN = "invalid-pattern";
	public static final String EMPTY_RANGE = "empty-range";
	public static final String DEFAULT_TYPE_MISMATCH = "default-type-mismatch";

	// Subscriptions and hooks
	public static final String SELF_SUBSCRIPTION = "self-subscription";
	public static final String REPLICATE_OWN_ENTITY = "replicate-own-entity";
	public static final String DUPLICATE_REPLICA = "duplicate-replica";
	public static final String MISSING_REPLICA = "missing-replica";
	public static final String REFERENCE_CYCLE = "reference-cycle";
	public static final String DUPLICATE_HOOK = "duplicate-hook";
	public static final String INVALID_HOOK_KEY = "invalid-hook-key";

	// Deployment and credentials
	public static final String UNKNOWN_SETTING = "unknown-setting";
	public static final String SETTING_TYPE = "setting-type";
	public static final String DUPLICATE_SETTING = "duplicate-setting";
	public static final String INVALID_QUANTITY = "invalid-quantity";
	public static final String SECRET_IN_CONFIG = "secret-in-config";

	/** What each code means, in the words of the language reference. */
	public static final Map<String, String> CATALOG = catalog();

	private static Map<String, String> catalog() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put(SYNTAX_ERROR, "the text does not follow the grammar");
		m.put(UNKNOWN_TYPE, "a field or parameter type names no scalar, entity or enum (with \"did you mean\")");
		m.put(UNKNOWN_ENTITY, "`replicate` names no entity");
		m.put(UNKNOWN_FIELD, "`replicate` lists a field the entity does not have");
		m.put(UNKNOWN_EVENT, "`on` names no event (declared or generated)");
		m.put(UNKNOWN_COMMAND, "`before`/`after` names no command of the component");
		m.put(UNKNOWN_COMPONENT, "a `component` section of the deployment names no component");
		m.put(MISSING_SYSTEM, "no file declares `system <name>` (warning)");
		m.put(CONFLICTING_SYSTEM, "files declare different systems");
		m.put(INVALID_COMPONENT_NAME, "a component name is not " + dev.byron.dsl.api.ModelEdits.COMPONENT_NAME_RULE);
		m.put(TYPE_NAME_STYLE, "an entity, enum or event name is not PascalCase (warning)");
		m.put(FIELD_NAME_STYLE, "a field, parameter or operation name is not camelCase (warning)");
		m.put(ENUM_VALUE_STYLE, "an enum value is not UPPER_CASE (warning)");
		m.put(RESERVED_TYPE_NAME, "a type name is reserved by GraphQL or by the types Byron generates");
		m.put(RESERVED_FIELD_NAME, "a field is named `id` or starts with `_`");
		m.put(INVALID_ENUM_VALUE, "`true`, `false` or `null` as an enum value");
		m.put(INVALID_HOOK_NAME, "a hook name is not a camelCase Java identifier, or is a Java keyword");
		m.put(DUPLICATE_COMPONENT, "two components have the same name (across files)");
		m.put(GENERATED_TYPE_NAME, "an entity or enum has the name of a type Byron generates for an entity (UserConnection...)");
		m.put(DUPLICATE_TYPE, "two entities or enums share a name in the system, or two events in a component");
		m.put(DUPLICATE_FIELD, "two fields or parameters share a name");
		m.put(DUPLICATE_ENUM_VALUE, "an enum lists a value twice");
		m.put(ROOT_FIELD_COLLISION, "two root fields of the gateway's schema would have the same name");
		m.put(PLURAL_COLLISION, "an entity's plural equals its singular (`Sheep`)");
		m.put(EVENT_NAME_COLLISION, "a declared event has the name of a generated CRUD event");
		m.put(DUPLICATE_EVENTS_SETTING, "`events` is set twice in a component");
		m.put(EMPTY_ENTITY, "an entity declares no fields (warning)");
		m.put(EMPTY_ENUM, "an enum declares no values");
		m.put(NESTED_LIST, "a list of lists");
		m.put(INVALID_INPUT_TYPE, "a query or mutation parameter has an entity type");
		m.put(UNKNOWN_ANNOTATION, "an annotation Byron does not know (with \"did you mean\")");
		m.put(ANNOTATION_TARGET, "an annotation on an element it does not apply to");
		m.put(DUPLICATE_ANNOTATION, "the same annotation twice on one element");
		m.put(ANNOTATION_TYPE_MISMATCH, "`@length` on `Int`, `@unique` on a list, ...");
		m.put(ANNOTATION_ARGUMENT, "a missing, unknown or mistyped annotation argument");
		m.put(INVALID_PATTERN, "`@pattern` holds an invalid regular expression");
		m.put(EMPTY_RANGE, "`@length`/`@range` bounds that no value can satisfy");
		m.put(DEFAULT_TYPE_MISMATCH, "`@default` value of the wrong type");
		m.put(SELF_SUBSCRIPTION, "a component subscribes to its own events");
		m.put(REPLICATE_OWN_ENTITY, "a component replicates its own entity");
		m.put(DUPLICATE_REPLICA, "a component replicates the same entity twice");
		m.put(MISSING_REPLICA, "a reference to another component's entity without a `replicate` of it (warning)");
		m.put(REFERENCE_CYCLE, "required references form a cycle: no entity of it can be created first");
		m.put(DUPLICATE_HOOK, "the same hook registered twice (warning)");
		m.put(INVALID_HOOK_KEY, "`by` names no single-valued field of the command's entity (error), or the hooks of one command"
				+ " name different keys (warning: the command is then exact for the whole component)");
		m.put(UNKNOWN_SETTING, "a deployment or credentials setting Byron does not know (with \"did you mean\")");
		m.put(SETTING_TYPE, "a setting value of the wrong type");
		m.put(DUPLICATE_SETTING, "a setting given twice in one block");
		m.put(INVALID_QUANTITY, "a CPU or memory value that is not a Kubernetes quantity");
		m.put(SECRET_IN_CONFIG, "a password, token or secret in `deployment` instead of `credentials`");
		return java.util.Collections.unmodifiableMap(m);
	}
}
