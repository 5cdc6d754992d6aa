package dev.byron.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.ConfigBlock;
import dev.byron.dsl.api.model.EntityDef;
import dev.byron.dsl.api.model.EnumLiteral;
import dev.byron.dsl.api.model.EnvRef;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.FieldDef;
import dev.byron.dsl.api.model.HookDef;
import dev.byron.dsl.api.model.OperationDef;
import dev.byron.dsl.api.model.TypeDef;

/** Every construct of the language, read through the loader into the model other modules use. */
class ParserTest {
	private static final String MODEL = """
			system demo

			component accounts {
			  entity Person @plural("people") {
			    handle: String! @unique @pattern("^[a-z]+$") @length(min: 3, max: 15)
			    age: Int @range(min: 0, max: 150) @default(18)
			    score: Float @range(min: -1.5, max: 1.5)
			    admin: Boolean! @default(false)
			    born: DateTime @default("now")
			    external: ID
			    tags: [String!]! @default([])
			    status: Status! @default(ACTIVE)
			    old: String @deprecated("use handle")
			  }
			  enum Status { ACTIVE, BANNED @deprecated }
			  event PersonBanned { person: ID! reason: String @length(max: 200) }
			  query search(text: String!, first: Int = 10): [Person!]!
			  mutation ban(id: ID!, reason: String = "spam"): Person!
			  before createPerson call checkHandle
			  after ban call notify
			}
			---
			component posts {
			  events per-field
			  entity Post {
			    author: accounts.Person!
			    text: String!
			  }
			  replicate accounts.Person { handle, status }
			  on accounts.PersonBanned call hidePosts
			  on accounts.PersonDeleted call deletePosts
			}
			component audit {
			  events per-entity
			  entity Trail { what: String! }
			  replicate accounts.Person
			  on posts.PostTextChanged call record
			}
			---
			deployment {
			  namespace: "demo"
			  replicas: 2
			  ingress { host: "demo.example.com" tls: true }
			  component posts { replicas: 3 autoscale { min: 2 max: 5 } }
			}
			credentials {
			  registry { username: "ci" password: env("REGISTRY_PASSWORD") }
			  mongo posts { uri: env("POSTS_MONGO_URI") }
			}
			""";

	private final LoadResult result = TestModels.load(MODEL);
	private final ByronModel model = result.model();

	@Test
	void theWholeLanguageIsValid() {
		assertThat(result.diagnostics()).isEmpty();
		assertThat(model.system()).isEqualTo("demo");
		assertThat(model.components()).extracting(ComponentDef::name).containsExactly("accounts", "posts", "audit");
	}

	@Test
	void entitiesFieldsTypesAndAnnotations() {
		EntityDef person = model.component("accounts").orElseThrow().entity("Person").orElseThrow();
		assertThat(person.plural()).isEqualTo("people");
		assertThat(person.fields()).extracting(FieldDef::name)
				.containsExactly("handle", "age", "score", "admin", "born", "external", "tags", "status", "old");
		assertThat(person.fields()).extracting(f -> f.type().sdl())
				.containsExactly("String!", "Int", "Float", "Boolean!", "DateTime", "ID", "[String!]!", "Status!", "String");
		FieldDef handle = person.fields().get(0);
		assertThat(handle.annotation("unique")).isPresent();
		assertThat(handle.annotation("pattern").orElseThrow().arguments()).containsEntry("regex", "^[a-z]+$");
		assertThat(handle.annotation("length").orElseThrow().arguments()).containsEntry("min", 3L).containsEntry("max", 15L);
		assertThat(person.fields().get(2).annotation("range").orElseThrow().arguments())
				.containsEntry("min", new BigDecimal("-1.5")).containsEntry("max", new BigDecimal("1.5"));
		assertThat(person.fields().get(3).annotation("default").orElseThrow().arguments()).containsEntry("value", false);
		assertThat(person.fields().get(6).annotation("default").orElseThrow().arguments()).containsEntry("value", List.of());
		assertThat(person.fields().get(7).annotation("default").orElseThrow().arguments())
				.containsEntry("value", new EnumLiteral("ACTIVE"));
		assertThat(person.fields().get(7).type()).isEqualTo(new TypeDef(TypeDef.Kind.ENUM, "Status", "accounts", true, null));
		assertThat(handle.range().line()).isEqualTo(5);
		assertThat(handle.range().column()).isEqualTo(5);
	}

	@Test
	void crossFileReferencesResolve() {
		EntityDef post = model.component("posts").orElseThrow().entity("Post").orElseThrow();
		assertThat(post.fields().get(0).type()).isEqualTo(new TypeDef(TypeDef.Kind.ENTITY, "Person", "accounts", true, null));
		assertThat(post.range().file().toString()).isEqualTo("model1.byron");
	}

	@Test
	void aSyntaxErrorIsListedBeforeTheErrorsItCausesInFilesBeforeIt() {
		var result = TestModels.load("""
				system s
				component a {
				  entity A {
				    b: z.Zed!
				  }
				}
				---
				component z {
				  entity Zed
				    name: String!
				  }
				}
				""");
		assertThat(result.diagnostics()).as("what the syntax error causes in the file before it")
				.anyMatch(d -> d.file().toString().equals("model0.byron"));
		assertThat(result.diagnostics().get(0).code()).as(result.diagnostics().toString()).isEqualTo("syntax-error");
		assertThat(result.diagnostics().get(0).file().toString()).isEqualTo("model1.byron");
	}

	@Test
	void aFileThatDoesNotParseGetsItsErrorsButNoWarningsUntilItDoes() {
		String model = """
				system s
				component a {
				  entity thing {
				    name: String!
				  }
				  entity Other {
				    n: String!
				  }
				}
				""";
		assertThat(TestModels.load(model).diagnostics()).as("the name's warning, while the file parses")
				.anyMatch(d -> d.severity() == dev.byron.dsl.api.Severity.WARNING);
		var broken = TestModels.load(model.replace("entity Other {", "entity Other"));
		assertThat(broken.diagnostics()).anyMatch(d -> "syntax-error".equals(d.code()))
				.noneMatch(d -> d.severity() == dev.byron.dsl.api.Severity.WARNING);
	}

	@Test
	void aReplicaWhoseOpeningBraceIsMissingIsToldToPutItsFieldsInBraces() {
		var result = TestModels.load("""
				system s
				component a {
				  entity User { handle: String! name: String }
				}
				component b {
				  replicate a.User handle, name }
				}
				""");
		var first = result.diagnostics().get(0);
		assertThat(first.code()).isEqualTo("syntax-error");
		assertThat(first.line()).isEqualTo(6);
		assertThat(first.message()).as("not ANTLR's \"expected '}'\"")
				.isEqualTo("A replica's fields go in braces: write 'replicate a.User { handle, ... }', or end the line after a.User"
						+ " to keep all of its fields.");
	}

	@Test
	void aSystemLineBelowADeclarationIsToldToMoveUpNotToGo() {
		var below = TestModels.load("""
				component a {
				  entity Loan { due: DateTime }
				}
				system s
				""");
		assertThat(below.diagnostics()).extracting(d -> d.message())
				.contains("'system' comes first in its file, once: move the system line above every declaration (and keep one).");
	}

	@Test
	void commasBetweenFieldsAStrayClosingBraceAndAFileThatEndsEarlyAreToldInWords() {
		var commas = TestModels.load("""
				system s
				component a {
				  entity Loan { member: String!, due: DateTime }
				}
				""");
		assertThat(commas.diagnostics().get(0).message()).startsWith("Fields are written one after the other without commas");
		var stray = TestModels.load("""
				system s
				component a {
				  entity Loan { due: DateTime }
				}
				}
				""");
		assertThat(stray.diagnostics()).extracting(d -> d.message()).anyMatch(m -> m.startsWith("Unexpected '}': it closes a block"))
				.noneMatch(m -> m.contains("EOF"));
		var early = TestModels.load("""
				system s
				component a {
				  entity Loan { due: DateTime }
				""");
		assertThat(early.diagnostics().get(0).message()).startsWith("The file ends too early: expected '}' here");
		var string = TestModels.load("""
				system s
				component a {
				  entity Loan { due: String @default("soon) }
				}
				""");
		assertThat(string.diagnostics().get(0).message()).as("not the lexer's \"mismatched character '<EOF>'\"")
				.isEqualTo("A string is not closed: add its closing '\"' (without it, the rest of the file is read as the string).");
	}

	@Test
	void aMistypedKeywordIsNamedWithTheKeywordItIsCloseTo() {
		var typo = TestModels.load("""
				system s
				component a {
				  entty Loan { due: DateTime }
				}
				""");
		assertThat(typo.diagnostics().get(0).message()).isEqualTo("Unknown word 'entty' here: did you mean 'entity'?");
		assertThat(typo.diagnostics().get(0).line()).isEqualTo(3);
	}

	@Test
	void aDeclarationInsideABlockLeftOpenIsNamedOnceWithoutTheErrorsOfItsMisreadName() {
		var open = TestModels.load("""
				system s
				component a {
				  entity Loan {
				    due: DateTime

				component bookings {
				  entity Booking { at: DateTime }
				}
				""");
		assertThat(open.diagnostics()).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
				"6:11 'component bookings' starts inside the block above it, which is still open: add the '}' that closes that"
						+ " block before it.");
		var enumOpen = TestModels.load("""
				system s
				component a {
				  enum Color { RED

				  entity Booking { at: DateTime }
				}
				""");
		assertThat(enumOpen.diagnostics().get(0).message()).startsWith("'entity Booking' starts inside the block above it");
	}

	@Test
	void textAfterABlockLeftOpenIsNotCalledStrayButTheConsequenceOfTheMissingBrace() {
		var open = TestModels.load("""
				system s
				component orders {
				  entity Order {
				    total: Int!

				  enum Status {
				    NEW
				  }
				}
				""");
		assertThat(open.diagnostics()).extracting(d -> d.line() + " " + d.message()).containsExactly(
				"6 'enum Status' starts inside the block above it, which is still open: add the '}' that closes that block before it.",
				"9 Unexpected '}' here: a block above is still open (a '}' is missing, the error before this one says where), so this is"
						+ " read as past the model's end. Add that '}' and this error goes; do not remove this text.");
		var tooMany = TestModels.load("""
				system s
				component orders {
				  entity Order { total: Int! }
				}
				}
				""");
		assertThat(tooMany.diagnostics()).extracting(d -> d.message()).as("a '}' too many is still told to go").containsExactly(
				"Unexpected '}': it closes a block that is closed already (or was never opened); remove it or add the '{' it belongs to.");
	}

	@Test
	void aHyphenatedComponentNameIsToldTheRuleAndTheNameToWrite() {
		var hyphen = TestModels.load("""
				system s
				component warehouse-eu {
				  entity Bin { code: String }
				}
				""");
		assertThat(hyphen.diagnostics().get(0).message()).isEqualTo("A component's name is lower-case letters and digits, starting"
				+ " with a letter, at most 50 characters: 'warehouse-eu' cannot be one. Write 'warehouseeu'.");
	}

	@Test
	void eventsFollowTheGranularityOfTheirComponent() {
		assertThat(model.component("accounts").orElseThrow().events()).extracting(EventDef::name)
				.containsExactly("PersonCreated", "PersonUpdated", "PersonDeleted", "PersonBanned");
		assertThat(model.component("posts").orElseThrow().events()).extracting(EventDef::name)
				.containsExactly("PostCreated", "PostAuthorChanged", "PostTextChanged", "PostDeleted");
		assertThat(model.component("audit").orElseThrow().events()).extracting(EventDef::name).containsExactly("TrailChanged");
		EventDef banned = model.component("accounts").orElseThrow().event("PersonBanned").orElseThrow();
		assertThat(banned.kind()).isEqualTo(EventDef.Kind.DOMAIN);
		assertThat(banned.payload()).extracting(FieldDef::name).containsExactly("person", "reason");
		EventDef textChanged = model.component("posts").orElseThrow().event("PostTextChanged").orElseThrow();
		assertThat(textChanged.kind()).isEqualTo(EventDef.Kind.FIELD_CHANGED);
		assertThat(textChanged.field()).isEqualTo("text");
	}

	@Test
	void subscriptionsAndHooks() {
		ComponentDef posts = model.component("posts").orElseThrow();
		assertThat(posts.replicas()).singleElement().satisfies(r -> {
			assertThat(r.component()).isEqualTo("accounts");
			assertThat(r.entity()).isEqualTo("Person");
			assertThat(r.fields()).containsExactly("handle", "status");
		});
		assertThat(model.component("audit").orElseThrow().replicas().get(0).fields())
				.as("a replica without a field list keeps every field").hasSize(9);
		assertThat(posts.reactions()).extracting(r -> r.component() + "." + r.event() + " -> " + r.hook())
				.containsExactly("accounts.PersonBanned -> hidePosts", "accounts.PersonDeleted -> deletePosts");
		assertThat(model.component("accounts").orElseThrow().hooks())
				.extracting(HookDef::timing, HookDef::command, HookDef::hook)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(HookDef.Timing.BEFORE, "createPerson", "checkHandle"),
						org.assertj.core.groups.Tuple.tuple(HookDef.Timing.AFTER, "ban", "notify"));
	}

	@Test
	void aReplicaOrReactionWhoseTargetIsGoneKeepsTheNameAsWritten() {
		var gone = TestModels.load("""
				system s
				component a {
				  replicate accounts.User { handle }
				  on accounts.UserCreated call welcome
				}
				""");
		ComponentDef a = gone.model().component("a").orElseThrow();
		assertThat(a.replicas()).singleElement().satisfies(r -> {
			assertThat(r.component()).isEqualTo("accounts");
			assertThat(r.entity()).isEqualTo("User");
		});
		assertThat(a.reactions()).singleElement().satisfies(r -> {
			assertThat(r.component()).isEqualTo("accounts");
			assertThat(r.event()).isEqualTo("UserCreated");
		});
	}

	@Test
	void customQueriesAndMutations() {
		List<OperationDef> operations = model.component("accounts").orElseThrow().operations();
		assertThat(operations).extracting(OperationDef::kind, OperationDef::name).containsExactly(
				org.assertj.core.groups.Tuple.tuple(OperationDef.Kind.QUERY, "search"),
				org.assertj.core.groups.Tuple.tuple(OperationDef.Kind.MUTATION, "ban"));
		OperationDef search = operations.get(0);
		assertThat(search.type().sdl()).isEqualTo("[Person!]!");
		assertThat(search.parameters()).extracting(OperationDef.ParameterDef::name, OperationDef.ParameterDef::defaultValue)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("text", null), org.assertj.core.groups.Tuple.tuple("first", 10L));
	}

	@Test
	void deploymentAndCredentials() {
		assertThat(model.deployment().values()).containsEntry("namespace", "demo").containsEntry("replicas", 2L);
		ConfigBlock.Section posts = model.deployment().sections().stream().filter(s -> "component".equals(s.name()))
				.findFirst().orElseThrow();
		assertThat(posts.component()).isEqualTo("posts");
		assertThat(posts.block().values()).containsEntry("replicas", 3L);
		assertThat(posts.block().sections().get(0).block().values()).containsEntry("max", 5L);
		assertThat(model.credentials().sections().get(0).block().values())
				.containsEntry("password", new EnvRef("REGISTRY_PASSWORD"));
		assertThat(model.credentials().sections().get(1).component()).isEqualTo("posts");
	}
}
