package dev.byron.dsl.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.byron.dsl.api.ModelFiles;

/**
 * The language server jar in its own process, over stdio, on a workspace of both examples and a draft
 * folder without a system: every capability with concrete expectations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageServerIT {
	private static final long TIMEOUT = 60;

	private Path workspace;
	private LanguageServerProcess ls;
	private TextDocumentService documents;
	private Path microblog;
	private Path shop;
	private Path draft;

	@BeforeAll
	void start() throws Exception {
		Path examples = Path.of(System.getProperty("byron.examples"));
		workspace = Files.createTempDirectory("byron-lsp-");
		microblog = workspace.resolve("microblog");
		shop = workspace.resolve("shop");
		draft = workspace.resolve("draft");
		LanguageServerProcess.copyTree(examples.resolve("microblog"), microblog);
		LanguageServerProcess.copyTree(examples.resolve("shop"), shop);
		plantFilesThatAreNoModel(microblog);
		Files.createDirectories(draft);
		Files.writeString(draft.resolve("draft.byron"), "component drafts {\n  entity Note {\n    text: String\n  }\n}\n");
		ls = LanguageServerProcess.start(List.of(microblog, shop, draft));
		documents = ls.server().getTextDocumentService();
	}

	/**
	 * What a project gathers beside its model: a run's data (binary files, in .byron-data/ and in the .byron/
	 * of older versions, a folder named like a model file), build output and a folder named *.byron. Copies
	 * of the model among them would clash with it if the server took them for model files.
	 */
	private static void plantFilesThatAreNoModel(Path project) throws Exception {
		for (String folder : List.of(".byron-data/backup", ".byron/nats", "target", "out")) {
			Files.createDirectories(project.resolve(folder));
			Files.copy(project.resolve("accounts.byron"), project.resolve(folder).resolve("accounts.byron"));
		}
		byte[] binary = { 0, (byte) 0xFF, (byte) 0xFE, 0x13 };
		Files.write(project.resolve(".byron/mongo.mv"), binary);
		Files.createDirectories(project.resolve("snapshots.byron"));
		Files.write(project.resolve("snapshots.byron/mongo.mv"), binary);
	}

	@AfterAll
	void stop() throws Exception {
		ls.close();
		org.eclipse.xtext.util.Files.sweepFolder(workspace.toFile());
		Files.deleteIfExists(workspace);
	}

	private String uri(Path file) {
		return LanguageServerProcess.uri(file);
	}

	private static com.google.gson.JsonObject get(java.util.concurrent.CompletableFuture<com.google.gson.JsonObject> answer) throws Exception {
		try {
			return answer.get(TIMEOUT, TimeUnit.SECONDS);
		} catch (java.util.concurrent.ExecutionException e) {
			throw e.getCause() instanceof Exception cause ? cause : e;
		}
	}

	@Test
	void laysOutTheWorkspacesDiagramAsTheStudioDoesFromTheEditorsUnsavedText() throws Exception {
		var page = get(ls.byron().diagram(Map.of("uri", uri(microblog.resolve("accounts.byron")), "level", "containers")));
		assertThat(page.get("system").getAsString()).isEqualTo("microblog");
		assertThat(page.get("svg").getAsString()).startsWith("<svg").contains("id=\"component:posts\"", "id=\"component:timeline\"");
		assertThat(page.get("nodes").toString()).contains(uri(microblog.resolve("posts.byron")));
		assertThat(page.getAsJsonObject("events").get("posts").toString()).contains("PostCreated", "PostDeleted");

		String draftUri = uri(draft.resolve("draft.byron"));
		String text = Files.readString(draft.resolve("draft.byron")) + "component billing {\n  entity Invoice { total: Float }\n}\n";
		documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(draftUri, "byron", 1, text)));
		try {
			var unsaved = get(ls.byron().diagram(Map.of("uri", draftUri)));
			assertThat(unsaved.get("svg").getAsString()).as("the open document's text, not the disk's").contains("id=\"component:billing\"");
		} finally {
			documents.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(draftUri)));
		}
	}

	@Test
	void keepsABoxWhereTheDiagramDroppedItAndForgetsTheViewsOfComponentsTheModelNoLongerHas() throws Exception {
		Files.writeString(draft.resolve("byron-layout.json"), "{ \"version\" : 1, \"views\" : { \"draft: component gone\" : { \"cache\" : "
				+ "{ \"x\" : 10, \"y\" : 20 } } } }\n"); // a deleted component's view, kept when its box was moved
		var page = get(ls.byron().move(Map.of("uri", uri(draft.resolve("draft.byron")), "id", "component:drafts", "x", 640, "y", 480)));
		assertThat(page.getAsJsonObject("boxes").getAsJsonObject("component:drafts").get("x").getAsDouble()).isEqualTo(640);
		assertThat(page.get("kept").getAsBoolean()).isTrue();
		assertThat(draft.resolve("byron-layout.json")).content().contains("component:drafts").doesNotContain("component gone");
		Files.delete(draft.resolve("byron-layout.json"));
	}

	@Test
	void answersTheEditThatSubscribesOneComponentToAnothersEvent() throws Exception {
		var edit = get(ls.byron().subscribe(Map.of("uri", uri(microblog.resolve("social.byron")), "subscriber", "social",
				"publisher", "posts", "event", "PostDeleted")));
		var changes = edit.getAsJsonObject("changes");
		assertThat(changes.keySet()).containsExactly(uri(microblog.resolve("social.byron")));
		assertThat(changes.toString()).contains("on posts.PostDeleted call onPostDeleted");
		assertThatThrownBy(() -> get(ls.byron().subscribe(Map.of("uri", uri(microblog.resolve("social.byron")),
				"subscriber", "social", "publisher", "posts", "event", "NoSuchEvent")))).hasMessageContaining("no event NoSuchEvent of posts");
	}

	@Test
	void advertisesEveryCapability() {
		var caps = ls.initializeResult.getCapabilities();
		assertThat(caps.getCompletionProvider()).isNotNull();
		assertThat(caps.getHoverProvider()).isNotNull();
		assertThat(caps.getDefinitionProvider().getLeft()).isTrue();
		assertThat(caps.getReferencesProvider().getLeft()).isTrue();
		assertThat(caps.getDocumentSymbolProvider().getLeft()).isTrue();
		assertThat(caps.getWorkspaceSymbolProvider().getLeft()).isTrue();
		assertThat(caps.getDocumentFormattingProvider().getLeft()).isTrue();
		assertThat(caps.getCodeActionProvider()).isNotNull();
		assertThat(caps.getRenameProvider()).isNotNull();
		assertThat(caps.getFoldingRangeProvider()).isNotNull();
	}

	@Test
	void examplesHaveNoErrorsAndTheDraftGetsItsWarnings() throws Exception {
		for (Path folder : List.of(microblog, shop)) {
			for (Path file : ModelFiles.below(folder)) {
				assertThat(ls.diagnostics(uri(file))).as(file.toString())
						.noneMatch(d -> d.getSeverity() == DiagnosticSeverity.Error);
			}
		}
		List<Diagnostic> draftDiagnostics = ls.diagnostics(uri(draft.resolve("draft.byron")));
		assertThat(draftDiagnostics).extracting(d -> d.getCode().getLeft()).contains("missing-system");
	}

	@Test
	void everyValidationRuleReportsItsCode() throws Exception {
		String file = uri(microblog.resolve("scratch-diagnostics.byron"));
		ls.open(file, """
				component scratch {
				  entity item {
				    name: Strin
				    name: String @lenght(max: 3)
				  }
				}
				""");
		List<Diagnostic> found = ls.diagnostics(file);
		assertThat(found).extracting(d -> d.getCode().getLeft())
				.contains("type-name-style", "unknown-type", "duplicate-field", "unknown-annotation");
		Diagnostic unknownType = found.stream().filter(d -> d.getCode().getLeft().equals("unknown-type")).findFirst()
				.orElseThrow();
		assertThat(unknownType.getRange().getStart()).isEqualTo(new Position(2, 10));
		assertThat(unknownType.getMessage().getLeft()).contains("Did you mean 'String'?");
		close(file);
	}

	@Test
	void completesTheSettingsAndSectionsOfAConfigBlockThatAreNotSetYet() throws Exception {
		assertThat(completionLabels(microblog.resolve("scratch-config.byron"), "deployment {\n  namespace: \"x\"\n  |\n}\n"))
				.contains("registry", "replicas", "readYourWrites", "ingress", "gateway", "component").doesNotContain("namespace", "host");
		assertThat(lastItems).filteredOn(item -> item.getLabel().equals("replicas")).extracting(item -> item.getDocumentation().isRight()
				? item.getDocumentation().getRight().getValue() : item.getDocumentation().getLeft()).containsExactly("a whole number, 0 or more");
		assertThat(completionLabels(microblog.resolve("scratch-config2.byron"), "deployment {\n  ingress {\n    tls: true\n    |\n  }\n}\n"))
				.contains("host", "className").doesNotContain("tls", "namespace", "ingress");
		assertThat(completionLabels(microblog.resolve("scratch-credentials.byron"), "credentials {\n  |\n}\n"))
				.contains("registry", "nats", "mongo", "jwt").doesNotContain("namespace");
	}

	@Test
	void completesKeywordsInAComponent() throws Exception {
		List<String> labels = completionLabels(microblog.resolve("scratch-keywords.byron"), "component scratch {\n  |\n}\n");
		assertThat(labels).contains("entity", "enum", "event", "events", "replicate", "on", "before", "after",
				"query", "mutation").doesNotContain("system", "deployment", "credentials");
		assertThat(completionLabels(microblog.resolve("scratch-comment.byron"), "component scratch {\n  // a note about wards|\n}\n"))
				.as("nothing inside a comment: Enter there ends the line").isEmpty();
		assertThat(completionLabels(microblog.resolve("scratch-comment2.byron"), "component scratch {\n  /** the ward| */\n}\n")).isEmpty();
		assertThat(completionLabels(microblog.resolve("scratch-string.byron"), "component scratch {\n  entity A { n: String @pattern(\"ab|\") }\n}\n"))
				.as("nor inside a string").isEmpty();
		assertThat(completionLabels(microblog.resolve("scratch-after-comment.byron"), "component scratch {\n  // a note\n  |\n}\n"))
				.as("the line after a comment is code again").contains("entity");
		assertThat(completionLabels(microblog.resolve("scratch-punctuation.byron"), "component scratch {\n  entity A {\n    n: String|\n  }\n}\n"))
				.as("punctuation is typed, not proposed").noneMatch(label -> !Character.isLetter(label.charAt(0)));
	}

	@Test
	void completesTypesWithQualifiedReferencesAcrossFiles() throws Exception {
		List<String> labels = completionLabels(microblog.resolve("scratch-types.byron"),
				"component scratch {\n  entity Bookmark {\n    post: |\n  }\n}\n");
		assertThat(labels).contains("String", "Int", "Float", "Boolean", "ID", "DateTime", "accounts.User",
				"posts.Post", "accounts.AccountStatus", "Bookmark");
	}

	@Test
	void completesTheAnnotationsThatApplyAndTheirArguments() throws Exception {
		List<String> onField = completionLabels(microblog.resolve("scratch-annotations.byron"),
				"component scratch {\n  entity Bookmark {\n    title: String @|\n  }\n}\n");
		assertThat(onField).as("what applies to a String").containsExactlyInAnyOrder("unique", "pattern", "length", "default", "deprecated", "auth");
		assertThat(lastItems).filteredOn(item -> item.getLabel().equals("auth")).singleElement()
				.satisfies(item -> assertThat(item.getDocumentation().getRight()).as("Markdown, as hovers are")
						.satisfies(doc -> assertThat(doc.getKind()).isEqualTo("markdown")).satisfies(doc -> assertThat(doc.getValue()).contains("**@auth")));
		assertThat(completionLabels(microblog.resolve("scratch-annotations3.byron"), "component scratch {\n  entity Bookmark {\n    rank: Float @|\n  }\n}\n"))
				.as("what applies to a Float").contains("range", "default").doesNotContain("length", "pattern", "unique");
		List<String> onEntity = completionLabels(microblog.resolve("scratch-annotations2.byron"),
				"component scratch {\n  entity Bookmark @| {\n    title: String\n  }\n}\n");
		assertThat(onEntity).containsExactlyInAnyOrder("plural", "auth", "owner", "unique", "limit");
		List<String> arguments = completionLabels(microblog.resolve("scratch-arguments.byron"),
				"component scratch {\n  entity Bookmark {\n    title: String @length(|)\n  }\n}\n");
		assertThat(arguments).contains("min", "max");
		List<String> enumDefault = completionLabels(microblog.resolve("scratch-default.byron"),
				"component scratch {\n  entity Flag {\n    status: accounts.AccountStatus @default(|)\n  }\n}\n");
		assertThat(enumDefault).contains("ACTIVE", "SUSPENDED");
	}

	@Test
	void completesEventsOfOtherComponents() throws Exception {
		List<String> labels = completionLabels(microblog.resolve("scratch-events.byron"),
				"component scratch {\n  on posts.|\n}\n");
		assertThat(labels).contains("posts.PostCreated", "posts.PostUpdated", "posts.PostDeleted");
		assertThat(lastItems).filteredOn(item -> item.getLabel().equals("posts.PostCreated")).extracting(CompletionItem::getDetail)
				.as("a generated event is described as an event, not as the entity it comes from").containsExactly("created event of Post");
		assertThat(completionLabels(microblog.resolve("scratch-events2.byron"), "component scratch {\n  entity Note { n: String }\n  on |\n}\n"))
				.as("not its own events: a component does not subscribe to itself").contains("posts.PostCreated")
				.noneMatch(label -> label.startsWith("scratch.") || label.startsWith("Note"));
		assertThat(completionLabels(microblog.resolve("scratch-replica.byron"), "component scratch {\n  entity Note { n: String }\n  replicate |\n}\n"))
				.as("not its own entities").contains("accounts.User").noneMatch(label -> label.startsWith("scratch.") || label.equals("Note"));
	}

	@Test
	void hoverShowsTheLanguageReferenceAndDeclarations() throws Exception {
		Path posts = microblog.resolve("posts.byron");
		assertThat(hover(posts, "replicate accounts", 2)).contains("read-only copy");
		assertThat(hover(posts, "@length", 2)).contains("**@length(min: int?, max: int?)**", "number of characters");
		assertThat(documents.hover(new HoverParams(id(posts), positionOf(posts, "}", 0))).get(TIMEOUT, TimeUnit.SECONDS))
				.as("nothing to say on a brace: no hover at all, not an empty one").isNull();
		assertThat(hover(posts, "DateTime!", 2)).contains("ISO-8601");
		assertThat(hover(posts, "accounts.User!", 10)).contains("**entity** `accounts.User`", "handle: String!",
				"joinedAt: DateTime! @default(\"now\")");
		assertThat(hover(microblog.resolve("accounts.byron"), "accounts {", 2)).contains("**component** `accounts`",
				"- entities: User", "- declared events: UserSuspended", "---", "Who is who");
		assertThat(hover(posts, "likes.LikeCreated", 8)).contains("**event** `likes.LikeCreated` (generated)",
				"`Like` is created");
	}

	@Test
	void hoverLeadsToTheDeclarationsPageWhenTheCatalogueWasWrittenBesideTheModel() throws Exception {
		Path accounts = microblog.resolve("accounts.byron");
		assertThat(hover(accounts, "accounts {", 2)).as("no catalogue yet").doesNotContain("catalogue");
		Path site = Files.createDirectories(microblog.resolve("site"));
		Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><head><meta name=\"generator\" content=\""
				+ dev.byron.dsl.api.CataloguePages.GENERATOR + "\"></head><body></body></html>");
		try {
			assertThat(hover(accounts, "accounts {", 2)).contains("[Its page in the system's catalogue]("
					+ site.resolve("components/accounts.html").toUri() + ")");
			assertThat(hover(accounts, "User {", 2)).contains(site.resolve("components/accounts.html").toUri() + "#entity-User");
			assertThat(hover(accounts, "UserSuspended {", 2)).contains(site.resolve("events/accounts.UserSuspended.html").toUri().toString());
		} finally {
			Files.delete(site.resolve("index.html"));
			Files.delete(site);
		}
	}

	@Test
	void goesToTheDefinitionInAnotherFile() throws Exception {
		Path posts = microblog.resolve("posts.byron");
		List<? extends Location> locations = documents
				.definition(new DefinitionParams(id(posts), positionOf(posts, "accounts.User!", 10)))
				.get(TIMEOUT, TimeUnit.SECONDS).getLeft();
		assertThat(locations).hasSize(1);
		assertThat(locations.get(0).getUri()).isEqualTo(uri(microblog.resolve("accounts.byron")));
		assertThat(locations.get(0).getRange().getStart()).isEqualTo(new Position(2, 9));
	}

	@Test
	void afterAnEditAboveAnEntityAnotherFileStillGoesToItsDeclarationWhereItIsNow() throws Exception {
		Path accounts = microblog.resolve("accounts.byron");
		Path posts = microblog.resolve("posts.byron");
		DefinitionParams toUser = new DefinitionParams(id(posts), positionOf(posts, "accounts.User!", 10));
		assertThat(documents.definition(toUser).get(TIMEOUT, TimeUnit.SECONDS).getLeft().get(0).getRange().getStart())
				.isEqualTo(new Position(2, 9));
		String accountsUri = uri(accounts);
		documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(accountsUri, "byron", 1, Files.readString(accounts))));
		try {
			// two lines above it: posts.byron names no new name, so it is not read again and keeps its reference
			documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(accountsUri, 2),
					List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)), "// one\n// two\n"))));
			List<? extends Location> locations = documents.definition(toUser).get(TIMEOUT, TimeUnit.SECONDS).getLeft();
			assertThat(locations).hasSize(1);
			assertThat(locations.get(0).getUri()).isEqualTo(accountsUri);
			assertThat(locations.get(0).getRange().getStart()).as("the entity as the edited text has it").isEqualTo(new Position(4, 9));
		} finally {
			close(accountsUri);
		}
	}

	@Test
	void findsReferencesAcrossFiles() throws Exception {
		Path accounts = microblog.resolve("accounts.byron");
		List<? extends Location> references = documents.references(new ReferenceParams(id(accounts),
				positionOf(accounts, "User {", 1), new ReferenceContext(false))).get(TIMEOUT, TimeUnit.SECONDS);
		Map<String, Long> perFile = references.stream().collect(Collectors.groupingBy(
				l -> l.getUri().substring(l.getUri().lastIndexOf('/') + 1), Collectors.counting()));
		assertThat(perFile).containsEntry("posts.byron", 2L).containsEntry("social.byron", 5L)
				.containsEntry("timeline.byron", 2L);
	}

	@Test
	void renamesAnEntityInEveryFileIncludingGeneratedNames() throws Exception {
		Path accounts = microblog.resolve("accounts.byron");
		WorkspaceEdit edit = documents.rename(new RenameParams(id(accounts), positionOf(accounts, "User {", 1),
				"Account")).get(TIMEOUT, TimeUnit.SECONDS);
		Map<String, String> after = applied(edit);
		assertThat(after.get("accounts.byron")).contains("entity Account {", "before createAccount call normalizeHandle",
				"): Account!");
		assertThat(after.get("posts.byron")).contains("author: accounts.Account!", "replicate accounts.Account {");
		assertThat(after.get("social.byron")).contains("follower: accounts.Account!", "replicate accounts.Account {");
		assertThat(after.values()).noneMatch(text -> text.contains("accounts.User"));
	}

	@Test
	void renamingAnEntityKeepsWhichOfItsGeneratedEventsEachSubscriptionNames() throws Exception {
		Path posts = microblog.resolve("posts.byron");
		WorkspaceEdit edit = documents.rename(new RenameParams(id(posts), positionOf(posts, "Post {", 1), "Article"))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(applied(edit).get("timeline.byron")).contains("on posts.ArticleCreated call fanOut",
				"on posts.ArticleDeleted call removeEntries");
	}

	@Test
	void theCursorOnTheComponentOfAQualifiedReferenceRenamesTheComponentNotTheEntity() throws Exception {
		Path posts = microblog.resolve("posts.byron");
		WorkspaceEdit edit = documents.rename(new RenameParams(id(posts), positionOf(posts, "accounts.User!", 3), "people"))
				.get(TIMEOUT, TimeUnit.SECONDS);
		Map<String, String> after = applied(edit);
		assertThat(after.get("accounts.byron")).contains("component people {", "entity User {");
		assertThat(after.get("posts.byron")).contains("author: people.User!");
	}

	@Test
	void renamingAFieldKeepsTheSubscriptionsToItsPerFieldEvent() throws Exception {
		Path schema = shop.resolve("schema.byron");
		WorkspaceEdit edit = documents.rename(new RenameParams(id(schema), positionOf(schema, "    status: ShipmentStatus!", 5), "state"))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(applied(edit).get("schema.byron")).contains("    state: ShipmentStatus!",
				"on shipping.ShipmentStateChanged call markShipped", "on shipping.ShipmentStateChanged call notifyShipment");
	}

	@Test
	void theSystemLineMovedToAnotherFileTakesTheOtherFilesWarningsAboutItAlong() throws Exception {
		onAFreshServer((fresh, copy) -> {
			Path schema = copy.resolve("schema.byron");
			Path posts = copy.resolve("posts.byron");
			String accounts = uri(copy.resolve("accounts.byron"));
			String schemaText = Files.readString(schema);
			fresh.open(uri(schema), schemaText);
			fresh.diagnostics(uri(schema));
			var service = fresh.server().getTextDocumentService();
			fresh.expectDiagnostics(accounts);
			service.didChange(new DidChangeTextDocumentParams(new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri(schema), 2),
					List.of(new TextDocumentContentChangeEvent(schemaText.replace("system microblog", "")))));
			assertThat(fresh.diagnostics(accounts)).extracting(d -> d.getCode().getLeft()).contains("missing-system");
			fresh.open(uri(posts), Files.readString(posts));
			fresh.diagnostics(uri(posts));
			fresh.expectDiagnostics(accounts);
			service.didChange(new DidChangeTextDocumentParams(new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri(posts), 2),
					List.of(new TextDocumentContentChangeEvent("system microblog\n" + Files.readString(posts)))));
			assertThat(fresh.diagnostics(accounts)).as("accounts.byron checked again: a file of the model declares the system")
					.extracting(d -> d.getCode().getLeft()).doesNotContain("missing-system");
		});
	}

	@Test
	void aRenameAskedWhileChangesArriveIsAnsweredAndTheServerGoesOn() throws Exception {
		onAFreshServer((fresh, copy) -> {
			Path posts = copy.resolve("posts.byron");
			Path timeline = copy.resolve("timeline.byron");
			String timelineText = Files.readString(timeline);
			fresh.open(uri(posts), Files.readString(posts));
			fresh.open(uri(timeline), timelineText);
			fresh.diagnostics(uri(timeline));
			var service = fresh.server().getTextDocumentService();
			int answered = 0;
			for (int i = 0; i < 20; i++) {
				var renamed = service.rename(new RenameParams(new TextDocumentIdentifier(uri(posts)), positionOf(posts, "Post {", 1), "Note" + i));
				// a change to another file right behind it, as an editor sends one while the rename is worked out
				service.didChange(new DidChangeTextDocumentParams(new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri(timeline), i + 2),
						List.of(new TextDocumentContentChangeEvent(timelineText + "\n// " + i + "\n"))));
				try {
					if (renamed.get(TIMEOUT, TimeUnit.SECONDS) != null) {
						answered++;
					}
				} catch (java.util.concurrent.ExecutionException cancelled) {
					// a change that reached the server before the rename began cancels it: the editor asks again
				}
			}
			assertThat(answered).as("renames carried through once begun (they were all cancelled)").isGreaterThan(10);
			assertThat(service.hover(new HoverParams(new TextDocumentIdentifier(uri(posts)), positionOf(posts, "Post {", 1)))
					.get(TIMEOUT, TimeUnit.SECONDS)).as("the server still answers").isNotNull();
		});
	}

	@Test
	void aGeneratedNameIsNotRenamedEvenForAnEditorThatDoesNotAskPrepareRenameFirst() throws Exception {
		onAFreshServer((fresh, copy) -> {
			Path timeline = copy.resolve("timeline.byron");
			fresh.open(uri(timeline), Files.readString(timeline));
			fresh.diagnostics(uri(timeline));
			assertThat(fresh.initializeResult.getCapabilities().getRenameProvider().isLeft()).as("no prepareRename announced").isTrue();
			assertThatThrownBy(() -> fresh.server().getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri(timeline)),
					positionOf(timeline, "PostCreated call", 2), "ArticleCreated")).get(TIMEOUT, TimeUnit.SECONDS))
					.as("it renamed the entity Post to ArticleCreated").rootCause().hasMessageStartingWith("Nothing to rename here");
		}, false);
	}

	@Test
	void prepareRenameAnswersTheNamesRangeAlsoWhenAnEditCancelledTheFirstBuild() throws Exception {
		onAFreshServer((fresh, copy) -> {
			Path accounts = copy.resolve("accounts.byron");
			fresh.open(uri(accounts), Files.readString(accounts)); // at once: the build of the workspace is still running
			var prepared = fresh.server().getTextDocumentService().prepareRename(new org.eclipse.lsp4j.PrepareRenameParams(
					new TextDocumentIdentifier(uri(accounts)), positionOf(accounts, "User {", 1))).get(TIMEOUT, TimeUnit.SECONDS);
			assertThat(prepared).as("VS Code reads no answer as 'The element can't be renamed'").isNotNull();
			Range range = prepared.isFirst() ? prepared.getFirst() : prepared.getSecond().getRange();
			assertThat(range).isEqualTo(new Range(positionOf(accounts, "User {", 0), positionOf(accounts, " {\n    handle", 0)));
		});
	}

	private interface OnServer {
		void check(LanguageServerProcess server, Path project) throws Exception;
	}

	/** A check on a server of its own, started on a copy of the microblog (one it may leave hung or busy). */
	private void onAFreshServer(OnServer check) throws Exception {
		onAFreshServer(check, true);
	}

	/** As above, for a client that declares prepareRename or not (the web studio's editor does not). */
	private void onAFreshServer(OnServer check, boolean preparesRename) throws Exception {
		Path copy = Files.createTempDirectory("byron-lsp-own-");
		LanguageServerProcess.copyTree(microblog, copy);
		try (LanguageServerProcess fresh = LanguageServerProcess.start(List.of(copy), preparesRename)) {
			check.check(fresh, copy);
		} finally {
			org.eclipse.xtext.util.Files.sweepFolder(copy.toFile());
			Files.deleteIfExists(copy);
		}
	}

	@Test
	void renamesAnEnumValueAndTheDefaultsThatNameIt() throws Exception {
		Path accounts = microblog.resolve("accounts.byron");
		WorkspaceEdit edit = documents.rename(new RenameParams(id(accounts), positionOf(accounts, "    ACTIVE", 6), "CURRENT"))
				.get(TIMEOUT, TimeUnit.SECONDS);
		// (Xtext writes the renamed value's line again indented with tabs: not yet mended)
		assertThat(applied(edit).get("accounts.byron")).contains("status: AccountStatus! @default(CURRENT)").containsPattern("\\s+CURRENT\n")
				.doesNotContain("ACTIVE");
	}

	@Test
	void renamesAComponentInEveryQualifiedReference() throws Exception {
		Path posts = microblog.resolve("posts.byron");
		WorkspaceEdit edit = documents.rename(new RenameParams(id(posts), positionOf(posts, "posts {", 1),
				"articles")).get(TIMEOUT, TimeUnit.SECONDS);
		Map<String, String> after = applied(edit);
		assertThat(after.get("posts.byron")).contains("component articles {");
		assertThat(after.get("timeline.byron")).contains("post: articles.Post!", "replicate articles.Post {",
				"on articles.PostCreated call fanOut");
		assertThat(after.get("social.byron")).contains("post: articles.Post!");
	}

	@Test
	void definitionAndReferencesInAFileWithoutDeclarationsFindNothingWithoutAnError() throws Exception {
		for (String text : List.of("", "\n  \n", "// a note\n", "/** doc */")) {
			String file = uri(microblog.resolve("scratch-nothing.byron"));
			ls.open(file, text);
			ls.diagnostics(file);
			for (int offset : new int[] { 0, text.length() }) {
				Position at = position(text, offset);
				var definitions = documents.definition(new DefinitionParams(new TextDocumentIdentifier(file), at)).get(TIMEOUT, TimeUnit.SECONDS);
				assertThat(definitions.isLeft() ? definitions.getLeft() : definitions.getRight()).as("definition in %s at %d", text, offset).isEmpty();
				assertThat(documents.references(new ReferenceParams(new TextDocumentIdentifier(file), at, new ReferenceContext(true)))
						.get(TIMEOUT, TimeUnit.SECONDS)).as("references in %s at %d", text, offset).isEmpty();
			}
			close(file);
		}
	}

	@Test
	void aRenameThatWouldBreakTheModelIsRefusedSayingWhy() throws Exception {
		Path posts = microblog.resolve("posts.byron");
		assertThatThrownBy(() -> documents.rename(new RenameParams(id(posts), positionOf(posts, "posts {", 1), "Bad Name"))
				.get(TIMEOUT, TimeUnit.SECONDS)).rootCause().isInstanceOf(org.eclipse.lsp4j.jsonrpc.ResponseErrorException.class)
				.hasMessage("Cannot rename to 'Bad Name': it cannot stand here as a name: a name is letters, digits and '_', not starting"
						+ " with a digit, and not a word of the language.");
		assertThatThrownBy(() -> documents.rename(new RenameParams(id(posts), positionOf(posts, "posts {", 1), "accounts"))
				.get(TIMEOUT, TimeUnit.SECONDS)).rootCause().hasMessageStartingWith("Cannot rename to 'accounts': Component 'accounts' is"
						+ " declared 2 times");
		for (String[] nothing : new String[][] { { "What people", "2" }, { "component posts", "3" }, { "@length", "2" },
				{ "max: 280", "1" } }) {
			assertThatThrownBy(() -> documents.rename(new RenameParams(id(posts), positionOf(posts, nothing[0], Integer.parseInt(nothing[1])),
					"foo")).get(TIMEOUT, TimeUnit.SECONDS)).as("in a comment, on a keyword, on an annotation or its argument (the language's words)")
					.rootCause().hasMessageStartingWith("Nothing to rename here: put the cursor on a name where it is declared");
		}
		assertThat(Files.readString(posts)).as("nothing written").contains("component posts {", "@length");
	}

	@Test
	void formatsADocument() throws Exception {
		String file = uri(microblog.resolve("scratch-format.byron"));
		String messy = "component scratch{entity Note{text:String! @length(max:10)\n\n\n  size :Int}}";
		ls.open(file, messy);
		ls.diagnostics(file);
		List<? extends TextEdit> edits = documents.formatting(new DocumentFormattingParams(new TextDocumentIdentifier(file),
				new FormattingOptions(2, true))).get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(TextEdits.apply(messy, edits)).isEqualTo("""
				component scratch {
				  entity Note {
				    text: String! @length(max: 10)

				    size: Int
				  }
				}
				""");
		close(file);
	}

	@Test
	void outlinesComponentsEntitiesAndEvents() throws Exception {
		List<DocumentSymbol> symbols = documents
				.documentSymbol(new DocumentSymbolParams(id(microblog.resolve("accounts.byron"))))
				.get(TIMEOUT, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
		assertThat(symbols).extracting(DocumentSymbol::getName, DocumentSymbol::getKind)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("accounts", SymbolKind.Module));
		DocumentSymbol component = symbols.get(0);
		assertThat(component.getChildren()).extracting(DocumentSymbol::getName, DocumentSymbol::getKind).containsExactly(
				org.assertj.core.groups.Tuple.tuple("User", SymbolKind.Struct),
				org.assertj.core.groups.Tuple.tuple("AccountStatus", SymbolKind.Enum),
				org.assertj.core.groups.Tuple.tuple("UserSuspended", SymbolKind.Event),
				org.assertj.core.groups.Tuple.tuple("suspendUser", SymbolKind.Method));
		assertThat(component.getChildren().get(0).getChildren()).extracting(DocumentSymbol::getName)
				.containsExactly("handle", "name", "bio", "status", "joinedAt");
	}

	@Test
	void findsSymbolsInTheWholeWorkspace() throws Exception {
		Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>> result = ls.server()
				.getWorkspaceService().symbol(new WorkspaceSymbolParams("Order")).get(TIMEOUT, TimeUnit.SECONDS);
		List<String> names = result.isLeft() ? result.getLeft().stream().map(SymbolInformation::getName).toList()
				: result.getRight().stream().map(WorkspaceSymbol::getName).toList();
		assertThat(names).contains("orders.Order", "orders.OrderStatus", "orders.OrderPlaced");
	}

	@Test
	void foldsBlocksAndComments() throws Exception {
		List<FoldingRange> ranges = documents.foldingRange(new FoldingRangeRequestParams(id(microblog.resolve("accounts.byron"))))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(ranges).extracting(FoldingRange::getStartLine, FoldingRange::getEndLine)
				.contains(org.assertj.core.groups.Tuple.tuple(1, 24), org.assertj.core.groups.Tuple.tuple(2, 8),
						org.assertj.core.groups.Tuple.tuple(10, 13), org.assertj.core.groups.Tuple.tuple(15, 18));
	}

	@Test
	void quickFixesRepairNineKindsOfMistakes() throws Exception {
		assertThat(fixed("scratch-fix-name.byron", "component scratch {\n  entity Item {\n    owner: accounts.Usr\n  }\n  replicate accounts.User\n}\n", "unknown-type"))
				.contains("owner: accounts.User\n");
		assertThat(fixed("scratch-fix-replica.byron", "component scratch {\n  entity Item {\n    post: posts.Post\n  }\n}\n", "missing-replica"))
				.isEqualTo("component scratch {\n  entity Item {\n    post: posts.Post\n  }\n  replicate posts.Post\n}\n");
		assertThat(fixed("scratch-fix-style.byron", "component scratch {\n  entity item {\n    text: String\n  }\n}\n", "type-name-style"))
				.contains("entity Item {");
		assertThat(fixed("scratch-fix-field.byron", "component scratch {\n  entity Item {\n    Text: String\n  }\n}\n", "field-name-style"))
				.contains("    text: String\n");
		assertThat(fixed("scratch-fix-annotation.byron", "component scratch {\n  entity Item {\n    text: String @unique @unique\n  }\n}\n", "duplicate-annotation"))
				.contains("    text: String @unique\n");
		assertThat(fixed("scratch-fix-unknown-annotation.byron", "component scratch {\n  entity Item {\n    text: String @uniqe\n  }\n}\n", "unknown-annotation"))
				.contains("    text: String @unique\n");
		assertThat(fixed("scratch-fix-setting.byron", "deployment {\n  namspace: \"x\"\n}\n", "unknown-setting"))
				.isEqualTo("deployment {\n  namespace: \"x\"\n}\n");
		assertThat(fixed("scratch-fix-self.byron", "component scratch {\n  entity Item { n: String }\n  event Done { item: ID! }\n"
				+ "  on scratch.Done call onDone\n}\n", "self-subscription"))
				.isEqualTo("component scratch {\n  entity Item { n: String }\n  event Done { item: ID! }\n}\n");
		Path draftFile = draft.resolve("draft.byron");
		String draftText = Files.readString(draftFile);
		Diagnostic missingSystem = ls.diagnostics(uri(draftFile)).stream()
				.filter(d -> "missing-system".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		assertThat(TextEdits.apply(draftText, quickFix(uri(draftFile), missingSystem))).startsWith("system draft\n\ncomponent drafts {");
	}

	@Test
	void aNameWithNothingCloseToItIsOfferedNoFixThatWouldChangeNothing() throws Exception {
		String file = uri(microblog.resolve("scratch-fix-none.byron"));
		String text = "component scratch {\n  entity Item {\n    kind: RoomKind!\n  }\n}\n";
		ls.open(file, text);
		Diagnostic unknown = ls.diagnostics(file).stream().filter(d -> "unknown-type".equals(d.getCode().getLeft())).findFirst()
				.orElseThrow(() -> new AssertionError("no unknown-type diagnostic"));
		List<Either<Command, CodeAction>> actions = documents.codeAction(new CodeActionParams(new TextDocumentIdentifier(file),
				unknown.getRange(), new CodeActionContext(List.of(unknown)))).get(TIMEOUT, TimeUnit.SECONDS);
		close(file);
		assertThat(actions).extracting(action -> action.getRight().getTitle()).noneMatch(title -> title.startsWith("Change to"));
	}

	@Test
	void aFixThatWritesASuggestedNameSaysWhichInItsTitle() throws Exception {
		String file = uri(microblog.resolve("scratch-fix-title.byron"));
		String text = "component scratch {\n  entity item {\n    owner: accounts.Usr\n  }\n  replicate accounts.User\n}\n";
		ls.open(file, text);
		List<String> titles = new java.util.ArrayList<>();
		for (Diagnostic diagnostic : ls.diagnostics(file)) {
			documents.codeAction(new CodeActionParams(new TextDocumentIdentifier(file), diagnostic.getRange(),
					new CodeActionContext(List.of(diagnostic)))).get(TIMEOUT, TimeUnit.SECONDS)
					.forEach(action -> titles.add(action.getRight().getTitle()));
		}
		close(file);
		assertThat(titles).contains("Change to 'accounts.User'", "Rename to 'Item'");
	}

	private String fixed(String name, String text, String code) throws Exception {
		String file = uri(microblog.resolve(name));
		ls.open(file, text);
		Diagnostic diagnostic = ls.diagnostics(file).stream().filter(d -> code.equals(d.getCode().getLeft()))
				.findFirst().orElseThrow(() -> new AssertionError("no " + code + " diagnostic"));
		String result = TextEdits.apply(text, quickFix(file, diagnostic));
		close(file);
		return result;
	}

	private List<TextEdit> quickFix(String file, Diagnostic diagnostic) throws Exception {
		List<Either<Command, CodeAction>> actions = documents.codeAction(new CodeActionParams(
				new TextDocumentIdentifier(file), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(actions).as("code actions for " + diagnostic.getCode().getLeft()).isNotEmpty();
		WorkspaceEdit edit = actions.get(0).getRight().getEdit();
		return edit.getChanges() != null ? edit.getChanges().get(file)
				: edit.getDocumentChanges().get(0).getLeft().getEdits().stream().map(e -> e.getLeft()).toList();
	}

	/** The items of the last completion asked for, with their details. */
	private List<CompletionItem> lastItems = List.of();

	private List<String> completionLabels(Path file, String textWithCursor) throws Exception {
		int cursor = textWithCursor.indexOf('|');
		String text = textWithCursor.substring(0, cursor) + textWithCursor.substring(cursor + 1);
		String fileUri = uri(file);
		ls.open(fileUri, text);
		ls.diagnostics(fileUri);
		Either<List<CompletionItem>, CompletionList> result = documents
				.completion(new CompletionParams(new TextDocumentIdentifier(fileUri), position(text, cursor)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		close(fileUri);
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		lastItems = items;
		return items.stream().map(CompletionItem::getLabel).toList();
	}

	private String hover(Path file, String anchor, int offsetInAnchor) throws Exception {
		Hover hover = documents.hover(new HoverParams(id(file), positionOf(file, anchor, offsetInAnchor)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(hover).as("hover at " + anchor).isNotNull();
		return hover.getContents().getRight().getValue();
	}

	private void close(String file) {
		documents.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(file)));
	}

	private TextDocumentIdentifier id(Path file) {
		return new TextDocumentIdentifier(uri(file));
	}

	private static Position positionOf(Path file, String anchor, int offsetInAnchor) throws Exception {
		String text = Files.readString(file);
		int index = text.indexOf(anchor);
		assertThat(index).as(anchor + " in " + file).isNotNegative();
		return position(text, index + offsetInAnchor);
	}

	private static Position position(String text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, offset - lineStart);
	}

	/** The files a workspace edit touches, by file name, with the edits applied. */
	private Map<String, String> applied(WorkspaceEdit edit) throws Exception {
		Map<String, List<TextEdit>> changes = new java.util.TreeMap<>();
		if (edit.getChanges() != null) {
			changes.putAll(edit.getChanges());
		} else {
			for (var change : edit.getDocumentChanges()) {
				changes.put(change.getLeft().getTextDocument().getUri(),
						change.getLeft().getEdits().stream().map(e -> e.getLeft()).collect(Collectors.toList()));
			}
		}
		Map<String, String> result = new java.util.TreeMap<>();
		for (var entry : changes.entrySet()) {
			Path file = Path.of(java.net.URI.create(entry.getKey()));
			result.put(file.getFileName().toString(), TextEdits.apply(Files.readString(file), entry.getValue()));
		}
		return result;
	}

	static final class TextEdits {
		static String apply(String text, List<? extends TextEdit> edits) {
			List<TextEdit> sorted = new ArrayList<>(edits);
			sorted.sort(Comparator.<TextEdit>comparingInt(e -> e.getRange().getStart().getLine())
					.thenComparingInt(e -> e.getRange().getStart().getCharacter()).reversed());
			StringBuilder result = new StringBuilder(text);
			for (TextEdit edit : sorted) {
				result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()),
						edit.getNewText());
			}
			return result.toString();
		}

		private static int offset(String text, Position position) {
			int offset = 0;
			for (int line = 0; line < position.getLine(); line++) {
				offset = text.indexOf('\n', offset) + 1;
			}
			return offset + position.getCharacter();
		}
	}
}
