package dev.byron.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.Severity;
import dev.byron.dsl.validation.IssueCodes;

/**
 * One case per validation rule: the model, where the diagnostic must start (marked with §), its code, its
 * severity and a part of its message.
 */
class ValidationRulesTest {
	private static final String USER = """
			system s
			component accounts {
			  entity User {
			    handle: String! @unique
			    name: String
			  }
			}
			""";

	static Stream<Arguments> cases() {
		return Stream.of(
				error(IssueCodes.SYNTAX_ERROR, "component a { entity X { name §String } }", "Missing ':' before 'String'."),
				error(IssueCodes.UNKNOWN_TYPE, "component a { entity User { n: String } entity X { u: §Usr } }", "Did you mean 'User'?"),
				error(IssueCodes.UNKNOWN_ENTITY, USER + "component b { replicate §accounts.Usr }", "Did you mean 'accounts.User'?"),
				error(IssueCodes.UNKNOWN_FIELD, USER + "component b { replicate accounts.User { §handl } }", "Did you mean 'handle'?"),
				error(IssueCodes.UNKNOWN_EVENT, USER + "component b { on §accounts.UserCreatd call react }", "Did you mean 'accounts.UserCreated'?"),
				error(IssueCodes.UNKNOWN_COMMAND, USER.replace("  }\n}", "  }\n  before §creatUser call check\n}"), "Did you mean 'createUser'?"),
				error(IssueCodes.UNKNOWN_COMPONENT, USER + "deployment { component §acounts { replicas: 1 } }", "Did you mean 'accounts'?"),
				warning(IssueCodes.MISSING_SYSTEM, "§component a { entity X { n: String } }", "system <name>"),
				error(IssueCodes.CONFLICTING_SYSTEM, "system §one\n---\nsystem two", "another file of the model declares 'two'"),
				error(IssueCodes.INVALID_COMPONENT_NAME, "system s component §Accounts { entity X { n: String } }", "e.g. to 'accounts'"),
				warning(IssueCodes.TYPE_NAME_STYLE, "system s component a { entity §user_profile { n: String } }", "'UserProfile'"),
				warning(IssueCodes.FIELD_NAME_STYLE, "system s component a { entity X { §Handle: String } }", "'handle'"),
				warning(IssueCodes.ENUM_VALUE_STYLE, "system s component a { enum E { §active } }", "'ACTIVE'"),
				error(IssueCodes.RESERVED_TYPE_NAME, "system s component a { entity §Query { n: String } }", "reserved"),
				error(IssueCodes.RESERVED_FIELD_NAME, "system s component a { entity X { §id: ID } }", "every entity gets an 'id'"),
				error(IssueCodes.INVALID_ENUM_VALUE, "system s component a { enum E { A §null } }", "cannot be a GraphQL enum value"),
				error(IssueCodes.INVALID_HOOK_KEY, USER.replace("  }\n}", "  }\n  before createUser call check by §handl\n}"), "Did you mean 'handle'?"),
				error(IssueCodes.INVALID_HOOK_KEY, "system s component a { entity X { tags: [String] } before createX call check by §tags }", "is a list"),
				error(IssueCodes.INVALID_HOOK_KEY, "system s component a { entity X { n: String } mutation go: X before go call check by §n }", "custom mutation"),
				warning(IssueCodes.INVALID_HOOK_KEY, "system s component a { entity X { n: String m: String } before createX call one by n after createX call two by §m }", "name different keys"),
				error(IssueCodes.INVALID_HOOK_NAME, USER.replace("  }\n}", "  }\n  before createUser call §class\n}"), "not a Java keyword"),
				error(IssueCodes.DUPLICATE_COMPONENT, "system s component §a { entity X { n: String } }\n---\ncomponent a { entity Y { n: String } }", "declared 2 times (also in model1.byron)"),
				error(IssueCodes.DUPLICATE_TYPE, "system s component a { entity §User { n: String } } component b { entity User { n: String } }", "entity a.User, entity b.User"),
				error(IssueCodes.GENERATED_TYPE_NAME, "system s component a { entity Reading { n: String } } component b { entity §ReadingConnection { n: String } }",
						"'ReadingConnection' is the name of a type Byron generates for entity a.Reading (the connection of its list)"),
				error(IssueCodes.DUPLICATE_FIELD, "system s component a { entity X { n: String §n: Int } }", "'n' is declared twice"),
				error(IssueCodes.DUPLICATE_ENUM_VALUE, "system s component a { enum E { A B §A } }", "listed twice"),
				error(IssueCodes.ROOT_FIELD_COLLISION, "system s component a { entity User { n: String } query §users: [User] }", "'users' would be defined more than once"),
				error(IssueCodes.PLURAL_COLLISION, "system s component a { entity §Sheep { n: String } }", "@plural"),
				error(IssueCodes.PLURAL_COLLISION, "system s component a { entity §Sales @plural(\"sales\") { n: String } }",
						"Make it @plural(\"salesList\")"),
				error(IssueCodes.EVENT_NAME_COLLISION, "system s component a { entity User { n: String } event §UserCreated }", "already generated"),
				error(IssueCodes.DUPLICATE_EVENTS_SETTING, "system s component a { events per-entity events §per-field entity X { n: String } }", "keep one"),
				warning(IssueCodes.EMPTY_ENTITY, "system s component a { entity §X { } }", "no fields"),
				error(IssueCodes.EMPTY_ENUM, "system s component a { enum §E { } }", "at least one"),
				error(IssueCodes.NESTED_LIST, "system s component a { entity X { m: [§[Int]] } }", "Lists of lists"),
				error(IssueCodes.INVALID_INPUT_TYPE, "system s component a { entity User { n: String } query byUser(u: §User): [User] }", "Pass its id instead"),
				error(IssueCodes.UNKNOWN_ANNOTATION, "system s component a { entity X { n: String @§lenght(max: 3) } }", "Did you mean '@length'?"),
				error(IssueCodes.ANNOTATION_TARGET, "system s component a { entity X @§pattern(\"x\") { n: String } }", "applies to entity fields"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X @§unique(n) { n: String } }", "at least two"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X @unique(n, §nn) { n: String m: String } }", "Did you mean 'n'?"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X @unique(n, m, §n) { n: String m: String } }", "named twice"),
				error(IssueCodes.ANNOTATION_TYPE_MISMATCH, "system s component a { entity X @unique(n, §f) { n: String f: Float } }", "unique keys are made of"),
				error(IssueCodes.ANNOTATION_TYPE_MISMATCH, "system s component a { entity X { n: Int @§unique(ignoreCase: true) } }", "compares Strings without case"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X { n: String @unique(§n) } }", "put @unique(n, ...) on the entity"),
				error(IssueCodes.DUPLICATE_ANNOTATION, "system s component a { entity X { n: String @unique @§unique } }", "twice"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X @limit(3, per: §nn) { n: String } }", "Did you mean 'n'?"),
				error(IssueCodes.ANNOTATION_TYPE_MISMATCH, "system s component a { entity X @limit(3, per: §t) { t: [String] } }", "count per a single"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X @limit(§0, per: n) { n: String } }", "at least 1"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X @limit(§capacity, per: n) { n: String } }", "Give a number"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity T { capacity: Int } entity X @limit(§size, per: t) { t: T } }", "Its Int fields: capacity"),
				error(IssueCodes.ANNOTATION_TYPE_MISMATCH, "system s component a { entity T { title: String } entity X @limit(§title, per: t) { t: T } }", "must be an Int field"),
				warning(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity T { capacity: Int } entity X @limit(§capacity, per: t) { t: T } }", "Make it capacity: Int!"),
				error(IssueCodes.DUPLICATE_ANNOTATION, "system s component a { entity X @limit(3, per: n) @limit(5, per: §n) { n: String } }", "Two @limits count per 'n'"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component e { entity T { name: String capacity: Int! } } component a { replicate e.T { name } entity X @limit(§capacity, per: t) { t: e.T } }", "Add it to the fields a replicates: replicate e.T { name, capacity }."),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component e { entity T { name: String capacity: Int! } } component a { entity X @limit(§capacity, per: t) { t: e.T } }", "Add it to the component: replicate e.T { capacity }."),
				warning(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity Event { capacity: Int } entity X @limit(§capacity, per: t) { t: Event } }", "optional: an Event without it"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X @§limit(3) { n: String } }", "e.g. @limit(20, per: talk)"),
				warning(IssueCodes.INVALID_HOOK_KEY, "system s component a { entity X @limit(3, per: n) { n: String m: String } before createX call one by §m }", "key the hooks by n"),
				error(IssueCodes.ANNOTATION_TYPE_MISMATCH, "system s component a { entity X { n: Int @§length(max: 3) } }", "Use @range for numbers"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity X { n: String @length(§mx: 3) } }", "Unknown argument 'mx'"),
				error(IssueCodes.INVALID_PATTERN, "system s component a { entity X { n: String @pattern(§\"[a-z\") } }", "Unclosed character class"),
				error(IssueCodes.EMPTY_RANGE, "system s component a { entity X { n: Int @§range(min: 10, max: 2) } }", "min is greater than max"),
				error(IssueCodes.DEFAULT_TYPE_MISMATCH, "system s component a { entity X { n: Int @default(§\"ten\") } }", "give a whole number"),
				error(IssueCodes.SELF_SUBSCRIPTION, "system s component a { entity User { n: String } on §a.UserCreated call react }", "use 'after <command> call react'"),
				error(IssueCodes.REPLICATE_OWN_ENTITY, "system s component a { entity User { n: String } replicate §a.User }", "cannot replicate it"),
				error(IssueCodes.DUPLICATE_REPLICA, USER + "component b { replicate accounts.User { name } replicate §accounts.User { handle } }", "already replicated"),
				warning(IssueCodes.MISSING_REPLICA, USER + "component b { entity Post { author: §accounts.User! } }", "Add 'replicate accounts.User' to b"),
				error(IssueCodes.REFERENCE_CYCLE, "system s component a { entity A { b: §B! } entity B { a: A! } }", "a.A.b → a.B.a → a.A"),
				warning(IssueCodes.DUPLICATE_HOOK, USER.replace("  }\n}", "  }\n  before createUser call check\n  §before createUser call check\n}"), "run twice"),
				error(IssueCodes.UNKNOWN_SETTING, "deployment { §replica: 2 }", "Did you mean 'replicas'?"),
				error(IssueCodes.SETTING_TYPE, "deployment { replicas: §\"two\" }", "whole number"),
				error(IssueCodes.DUPLICATE_SETTING, "deployment { replicas: 1 §replicas: 2 }", "set twice"),
				error(IssueCodes.INVALID_QUANTITY, "deployment { memory: §\"lots\" }", "256Mi"),
				error(IssueCodes.SECRET_IN_CONFIG, "deployment { §mongoPassword: \"x\" }", "credentials.byron"),
				error(IssueCodes.SETTING_TYPE, "deployment { gateway { §auth { audience: \"s\" } } }", "needs the issuer"),
				error(IssueCodes.ANNOTATION_TARGET, "system s component a { enum E @§auth(\"admin\") { A } }", "@auth"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity Note @owner(§auther) { author: String } }", "e.g. @owner(author)"),
				error(IssueCodes.ANNOTATION_ARGUMENT, "system s component a { entity Note @owner(§n) { n: Int } }", "holds one id"));
	}

	private static Arguments error(String code, String model, String message) {
		return Arguments.of(code, Severity.ERROR, model, message);
	}

	private static Arguments warning(String code, String model, String message) {
		return Arguments.of(code, Severity.WARNING, model, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void reportsRuleWithPositionCodeAndMessage(String code, Severity severity, String marked, String message) {
		int marker = marked.indexOf('§');
		assertThat(marker).as("case needs a § marker").isNotNegative();
		String text = marked.substring(0, marker) + marked.substring(marker + 1);
		int file = marked.substring(0, marker).split("\n---\n", -1).length - 1;
		String before = marked.substring(0, marker).split("\n---\n", -1)[file];
		int line = before.split("\n", -1).length;
		int column = before.length() - before.lastIndexOf('\n');

		LoadResult result = TestModels.load(text);

		List<ModelDiagnostic> matching = result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
		assertThat(matching).as("diagnostics: %s", result.diagnostics()).isNotEmpty();
		assertThat(matching).as("diagnostics: %s", result.diagnostics())
				.anySatisfy(d -> {
					assertThat(d.file()).isEqualTo(Path.of("model" + file + ".byron"));
					assertThat(d.line()).isEqualTo(line);
					assertThat(d.column()).isEqualTo(column);
					assertThat(d.severity()).isEqualTo(severity);
					assertThat(d.message()).contains(message);
				});
	}

	@Test
	void everyRuleHasACase() {
		Set<String> withCase = new LinkedHashSet<>();
		cases().forEach(a -> withCase.add((String) a.get()[0]));
		assertThat(withCase).containsExactlyInAnyOrderElementsOf(IssueCodes.CATALOG.keySet());
		assertThat(IssueCodes.CATALOG).hasSizeGreaterThanOrEqualTo(25);
	}

	@Test
	void theFieldsOfAReplicaOfAnUnknownEntityAreNotReportedOnTopOfIt() {
		LoadResult result = TestModels.load(USER + "component b { replicate accounts.Customer { handle, name } }");
		assertThat(result.diagnostics()).extracting(ModelDiagnostic::code).containsExactly(IssueCodes.UNKNOWN_ENTITY);
	}

	@Test
	void anUnknownEventIsExplainedWithAnEventOfTheModelItself() {
		LoadResult result = TestModels.load(USER + "component b { on accounts.Arrived call react }");
		assertThat(result.diagnostics()).filteredOn(d -> d.code().equals(IssueCodes.UNKNOWN_EVENT)).singleElement()
				.satisfies(d -> assertThat(d.message()).contains("such as 'accounts.UserCreated'").doesNotContain("posts."));
	}

	@Test
	void validModelHasNoDiagnostics() {
		LoadResult result = TestModels.load(USER + "component b { entity Post { author: accounts.User! } replicate accounts.User { handle } }");
		assertThat(result.diagnostics()).isEmpty();
	}
}
