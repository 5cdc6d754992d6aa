package dev.byron.dsl.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.byron.dsl.validation.AnnotationCatalog;
import dev.byron.dsl.validation.AnnotationCatalog.Param;
import dev.byron.dsl.validation.AnnotationCatalog.Spec;

/**
 * The language reference, one entry per keyword and annotation, in Markdown: what editors show on hover
 * and beside completion items. docs/language.md says the same at length.
 */
public final class LanguageReference {
	private static final Map<String, String> KEYWORDS = buildKeywords();

	private LanguageReference() {
	}

	/** The entry for a keyword (including scalar types and granularities), if it has one. */
	public static Optional<String> keyword(String keyword) {
		return Optional.ofNullable(KEYWORDS.get(keyword));
	}

	/** The entry for an annotation, by its name without {@code @}. */
	public static Optional<String> annotation(String name) {
		Spec spec = AnnotationCatalog.SPECS.get(name);
		if (spec == null) {
			return Optional.empty();
		}
		StringBuilder text = new StringBuilder("**@").append(spec.name());
		if (!spec.params().isEmpty()) {
			text.append('(');
			for (int i = 0; i < spec.params().size(); i++) {
				Param param = spec.params().get(i);
				text.append(i == 0 ? "" : ", ").append(param.name()).append(": ")
						.append(param.type().name().toLowerCase()).append(param.required() ? "" : "?");
			}
			text.append(')');
		}
		text.append("**\n\n").append(spec.doc()).append("\n\nApplies to: ");
		text.append(String.join(", ", spec.targets().stream().map(t -> t.name().toLowerCase().replace('_', ' '))
				.sorted().toList()));
		return Optional.of(text.toString());
	}

	/** Every keyword entry, in the order of the language reference. */
	public static Map<String, String> keywords() {
		return KEYWORDS;
	}

	private static Map<String, String> buildKeywords() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("system", "**system** *name*\n\nNames the system. One file of the model declares it; the name prefixes"
				+ " streams, Kubernetes namespaces and images.");
		m.put("component", "**component** *name* { ... }\n\nA microservice that owns its data: a GraphQL API, a Sink"
				+ " and a MongoDB cache of its own. Its name is " + ModelEdits.COMPONENT_NAME_RULE + ".");
		m.put("entity", "**entity** *Name* { *field*: *Type* ... }\n\nData the component owns. Byron generates"
				+ " create/update/delete mutations, `Name` and `names` queries, and the events `NameCreated`,"
				+ " `NameUpdated`, `NameDeleted`. Every entity has an `id: ID!`.");
		m.put("enum", "**enum** *Name* { VALUE ... }\n\nA closed set of UPPER_CASE values, usable as a field type.");
		m.put("event", "**event** *Name* { *field*: *Type* ... }\n\nA domain event the component publishes from its"
				+ " hooks or custom resolvers, beside the CRUD events Byron generates.");
		m.put("events", "**events** per-operation | per-entity | per-field\n\nHow finely the component's CRUD events"
				+ " are named. Default: per-operation (`UserCreated`, `UserUpdated`, `UserDeleted`).");
		m.put("per-operation", "**per-operation** (default): one event per operation and entity: `UserCreated`,"
				+ " `UserUpdated`, `UserDeleted`.");
		m.put("per-entity", "**per-entity**: one event per entity for all operations: `UserChanged`.");
		m.put("per-field", "**per-field**: per-operation events plus one per updated field: `UserHandleUpdated`.");
		m.put("replicate", "**replicate** *component.Entity* { *fields* }\n\nKeeps a read-only copy of another"
				+ " component's entity (all fields, or the ones listed), fed by its events. References to that"
				+ " entity are checked against the copy and resolved in queries.");
		m.put("on", "**on** *component.Event* **call** *hook*\n\nSubscribes to an event of another component: the"
				+ " Sink calls the hook once per event, retrying with backoff and dead-lettering after 5 failures.");
		m.put("call", "**call** *hook*\n\nThe Java method (in `hooks/`) that handles the event or command.");
		m.put("before", "**before** *command* **call** *hook* [**by** *field*]\n\nRuns the hook before the command is"
				+ " appended: it may change the new state or refuse the command. What it reads of the component's own data"
				+ " is exact: the command runs again if that data changed before it committed.");
		m.put("after", "**after** *command* **call** *hook*\n\nRuns the hook after the command's event is appended.");
		m.put("by", "*hook* **by** *field*\n\nWhat the hook reads of the component's own data is exact per value of this"
				+ " field of the command's entity (`before createRegistration call checkCapacity by talk`): commands of one"
				+ " talk run one at a time and see each other's writes; commands of different talks run in parallel. Without"
				+ " `by`, a hook that reads own data makes its command exact for the whole component.");
		m.put("query", "**query** *name*(*params*): *Type*\n\nA custom GraphQL query, answered by a resolver in"
				+ " `hooks/` (a method of the generated `<Component>Hooks`).");
		m.put("mutation", "**mutation** *name*(*params*): *Type*\n\nA custom GraphQL mutation, a command answered by"
				+ " a resolver in `hooks/` (a method of the generated `<Component>Hooks`); `before`/`after` hooks may wrap it.");
		m.put("deployment", "**deployment** { ... }\n\nHow the system runs on Kubernetes: namespace, registry,"
				+ " replicas, cpu, memory, ingress, nats, mongo, and `component <name> { ... }` overrides.");
		m.put("credentials", "**credentials** { ... }\n\nSecrets (registry, MongoDB URIs, JWT keys), usually read"
				+ " with `env(\"VAR\")`. They become a Kubernetes Secret and never enter generated files or images.");
		m.put("env", "**env**(\"VAR\")\n\nThe value of an environment variable, read when the system is deployed.");
		m.put("String", "**String**: UTF-8 text. GraphQL `String`, Java `String`.");
		m.put("Int", "**Int**: a 32-bit signed integer. GraphQL `Int`, Java `Integer`.");
		m.put("Float", "**Float**: a double-precision number. GraphQL `Float`, Java `Double`.");
		m.put("Boolean", "**Boolean**: true or false.");
		m.put("ID", "**ID**: an entity identifier (a UUID string). A field of type `ID` holds a reference.");
		m.put("DateTime", "**DateTime**: an ISO-8601 instant, e.g. `2026-11-22T10:15:30Z`; `@default(\"now\")`"
				+ " takes the time of the command.");
		return java.util.Collections.unmodifiableMap(m);
	}
}
