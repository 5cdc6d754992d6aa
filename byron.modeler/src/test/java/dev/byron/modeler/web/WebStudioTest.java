package dev.byron.modeler.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.modeler.studio.Project;

/** Byron Studio in a real headless Chromium, driven as a person would, and closed to anyone else. */
class WebStudioTest {
	private static final Path EXAMPLES = Path.of(System.getProperty("byron.examples", "../examples"));
	private static final Path SCREENSHOTS = Path.of(System.getProperty("byron.screenshots", "target/screenshots"));

	@org.junit.jupiter.api.BeforeAll
	static void aFolderForTheScreenshots() throws IOException {
		Files.createDirectories(SCREENSHOTS); // whichever check runs first writes into it
	}
	private static final Path BROWSER = Path.of("src/test/browser");

	@TempDir
	Path project;

	private void copyMicroblog() throws IOException {
		copy("microblog");
	}

	private void copy(String example) throws IOException {
		try (var files = Files.walk(EXAMPLES.resolve(example))) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = project.resolve(EXAMPLES.resolve(example).relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else {
					Files.copy(source, target);
				}
			}
		}
	}

	@Test
	void inChromiumATypedComponentGetsItsBoxAnErrorIsUnderlinedAndFixedCompletionHoverAndRenameWorkABoxShowsItsTextAndCtrlSSaves() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		copyMicroblog();
		npmPackages();
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			Path screenshot = SCREENSHOTS.resolve("web-studio.png").toAbsolutePath();
			String output = run(List.of("node", "studio.mjs", studio.url(), screenshot.toString(), project.toString()));
			if (output.contains("\"renameTriedAgain\":[\"")) {
				System.out.println("F2's rename was left unapplied once and pressed again (known intermittent): " + output.lines().reduce((a, b) -> b).orElse(""));
			}
			JsonNode seen = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
			assertThat(seen.path("files").toString()).contains("accounts.byron", "posts.byron", "hooks/PostsHooksImpl.java");
			assertThat(seen.path("typed").asBoolean()).isTrue();
			assertThat(seen.path("caretMarked").asBoolean()).as("the box of what the text cursor stands in is marked").isTrue();
			assertThat(seen.path("fitLabel").asText()).as("once fitted, the button offers the full size").isEqualTo("Full size");
			assertThat(seen.path("modifiedMarked").asBoolean()).isTrue();
			assertThat(seen.path("problem").asText()).startsWith("posts.byron:").contains("Unknown type 'accounts.Usr'", "[unknown-type]");
			assertThat(seen.path("underlined").asText()).as("the language server's diagnostic, underlined").isEqualTo("accounts.Usr");
			assertThat(seen.path("fixOffered").toString()).as("its tooltip offers its fix").isEqualTo("[\"Quick fix…\"]");
			assertThat(seen.path("syntaxFixOffered").toString()).as("a syntax error's, none: it has no fix").isEqualTo("[]");
			assertThat(seen.path("problemSelection").asText()).isEqualTo("accounts.Usr");
			assertThat(seen.path("fixes").toString()).as("the server's quick fixes at the cursor").contains("Change to 'accounts.User'");
			assertThat(seen.path("completions").toString()).contains("DateTime");
			assertThat(seen.path("completed").asBoolean()).as("the chosen completion is inserted").isTrue();
			assertThat(seen.path("hover").asText()).as("the server's hover on the entity").contains("Post");
			assertThat(seen.path("renamedElsewhere").toString()).as("F2 renames in every file that names the entity")
					.contains("social.byron", "timeline.byron");
			assertThat(seen.path("undoneEverywhere").asBoolean()).as("one Ctrl+Z undoes F2's rename in every file").isTrue();
			assertThat(seen.path("redoneEverywhere").asBoolean()).as("one Ctrl+Y makes it again in every file").isTrue();
			assertThat(seen.path("renamedBack").asBoolean()).isTrue();
			assertThat(seen.path("renameProblemAsTyped").asText()).as("F2's name checked as it is typed, with the checks' reason")
					.contains("Bad Name");
			assertThat(seen.path("refusedNameKeptInTheField").asText()).as("Enter does not take a refused name").isEqualTo("Bad Name");
			assertThat(seen.path("refusedNameNotApplied").asBoolean()).isTrue();
			assertThat(seen.path("renameRefused").asText()).as("a rename the checks refuse says why").startsWith("Rename request failed: ")
					.contains("Worse Name");
			assertThat(seen.path("refusalClosedByAKey").asBoolean()).as("and the next key closes it").isTrue();
			assertThat(seen.path("restoredNotModified").asBoolean()).as("typed back to the disk's text").isTrue();
			for (JsonNode header : seen.path("askedFor")) { // a dialog's example is never a name the model has already
				java.util.regex.Matcher example = java.util.regex.Pattern.compile("e\\.g\\. (\\w+)").matcher(header.asText());
				if (!example.find()) {
					continue; // a rename's dialog: no example
				}
				String name = example.group(1);
				try (var files = Files.list(project)) {
					assertThat(files.filter(f -> f.toString().endsWith(".byron")).map(f -> {
						try {
							return Files.readString(f);
						} catch (IOException e) {
							throw new java.io.UncheckedIOException(e);
						}
					}).anyMatch(text -> text.matches("(?s).*\\b(component|entity) " + name + "\\b.*"))).as(header.asText()).isFalse();
				}
			}
			assertThat(seen.path("keysFollowF12").asBoolean()).as("after F12 into another file, what is typed goes into it").isTrue();
			assertThat(seen.path("definitionFollowed").toString()).as("F12 into another file: the page's current file and its list follow")
					.isEqualTo("{\"current\":\"accounts.byron\",\"listed\":\"accounts.byron\"}");
			assertThat(seen.path("boxSelection").asText()).isEqualTo("component posts ");
			assertThat(seen.path("boxClickFocusedText").asBoolean()).as("a box clicked leaves the keyboard out of the text").isFalse();
			assertThat(seen.path("boxClickTextKept").asBoolean()).as("so a key typed then does not replace the declaration").isTrue();
			assertThat(seen.path("doubleClick").toString()).as("a double-click: the keyboard in the text, at the declaration")
					.isEqualTo("{\"focused\":true,\"selected\":0,\"at\":\"component posts \"}");
			assertThat(seen.path("componentLevelOn").path("chosen").asText()).as("the Component level opens on the cursor's component")
					.isEqualTo("posts");
			assertThat(seen.path("fileShown").asText()).isEqualTo("posts.byron");
			assertThat(seen.path("pictureKept").asBoolean()).as("a line that changes nothing drawn leaves the picture as it is").isTrue();
			assertThat(seen.path("boxSelectionAfterNote").asText()).as("its boxes select their declarations where they are now")
					.isEqualTo("component posts ");
			assertThat(seen.path("saved").asText()).startsWith("Saved ");
			assertThat(seen.path("savedBeforeCtrlS").asText()).as("what was typed just before Ctrl+S is saved with the rest")
					.endsWith("// typed just before Ctrl+S\n");
			assertThat(project.resolve("audit.byron")).content().as("and a teammate's change to that line on disk stays")
					.endsWith("// the teammate's line\n");
			assertThat(seen.path("errors").toString()).as("the page's script raised nothing").isEqualTo("[]");
			assertThat(seen.path("subscribeHeader").asText()).isEqualTo("social subscribes to an event of posts");
			assertThat(seen.path("events").toString()).contains("PostCreated", "PostUpdated", "PostDeleted");
			assertThat(seen.path("renameOpens").toString()).as("a rename dialog opens on the current name without calling it an error")
					.isEqualTo("{\"rule\":\"\",\"okDisabled\":true}");
			assertThat(seen.path("eventsAgain").toString()).as("dropped again: what it reacts to already is not offered")
					.contains("PostCreated").doesNotContain("PostDeleted");
			assertThat(seen.path("subscribedIn").asText()).startsWith("social.byron");
			assertThat(seen.path("undone").asBoolean()).as("Ctrl+Z takes the subscription back").isTrue();
			assertThat(seen.path("menu").toString()).contains("Add entity to likes…", "Rename likes…", "Delete likes");
			assertThat(seen.path("backgroundMenu").toString()).contains("Add component…");
			assertThat(seen.path("addedFile").asText()).as("a new component in a file of its own").startsWith("audit.byron");
			assertThat(seen.path("reactionsAt").asDouble()).as("likes, dragged, then renamed reactions: where it was put")
					.isEqualTo(seen.path("likesAt").asDouble());
			assertThat(seen.path("shownAfterRename").asText()).as("the renamed component's own file in view").isEqualTo("social.byron");
			assertThat(seen.path("placedWhereTheMenuWas").asBoolean()).as("the new component's box where the menu was opened: "
					+ seen.path("placed")).isTrue();
			assertThat(seen.path("refusedAsTyped").asText()).as("a bad name refused as it is typed, with the rule")
					.startsWith("'Audit Log' cannot be a component name");
			assertThat(seen.path("menuClosed").asBoolean()).as("the menu goes once its item is chosen").isTrue();
			assertThat(seen.path("entityAdded").asBoolean()).isTrue();
			assertThat(project.resolve("audit.byron")).content().contains("component audit {", "entity Ledger {");
			assertThat(seen.path("renamedInPosts").asBoolean()).as("posts' subscription follows the rename").isTrue();
			assertThat(seen.path("menuRenameUndone").asBoolean()).as("one Ctrl+Z undoes the menu's rename in both files").isTrue();
			assertThat(seen.path("reloaded").asBoolean()).as("a file changed on disk only is read again").isTrue();
			assertThat(seen.path("diskChangeNotUndone").asBoolean()).as("and Ctrl+Z there does not take the disk's change back").isTrue();
			assertThat(seen.path("savedLineReplacedOnDiskKept").asBoolean())
					.as("a saved line replaced on disk is not brought back by Ctrl+Z (a save would then overwrite the disk's change)").isTrue();
			assertThat(seen.path("appearedFileChecked").asText()).as("a file that appeared on disk gets the language server's warning")
					.isEqualTo("thing");
			List<String> listed = new ArrayList<>();
			seen.path("listedFiles").forEach(f -> listed.add(f.asText()));
			assertThat(listed).as("a file that appeared on disk is listed in its place: a folder's files (hooks/) first, then the others by name")
					.contains("extra.byron").isSortedAccordingTo(java.util.Comparator
							.comparing((String f) -> !f.contains("/")).thenComparing(java.util.Comparator.naturalOrder()));
			assertThat(seen.path("deletedGone").asBoolean()).as("a file deleted on disk leaves the page and the diagram").isTrue();
			assertThat(seen.path("emptiedDeleted").toString()).as("a model file emptied here and saved is deleted, and leaves the page")
					.contains("\"onDisk\":false", "emptied, so deleted: emptied.byron").doesNotContain("\"shown\":\"emptied.byron\"");
			assertThat(seen.path("mergedFromDisk").asBoolean()).as("a change on disk to other lines than edited here joins them, unasked")
					.isTrue();
			assertThat(seen.path("asked").asText()).startsWith("social.byron changed on disk, on lines changed here and not saved.");
			assertThat(seen.path("askedDetail").asText()).as("the bar shows where the two texts differ, each side's lines")
					.contains("  disk:  // the disk ends here\n  yours: // typed at the end").contains("  yours: // typed at the top")
					.doesNotContain("component social");
			assertThat(seen.path("keptByKey").asBoolean()).as("Alt+K in the question's bar keeps the edit made here").isTrue();
			assertThat(seen.path("typedWhileAsked").asBoolean()).as("the question leaves the keyboard in the editor: what is typed"
					+ " while it shows goes into the text").isTrue();
			assertThat(seen.path("tookDisk").asBoolean()).as("OK takes the disk's text").isTrue();
			assertThat(seen.path("askedGone").asText()).startsWith("doomed.byron was deleted on disk, and it has changes made here");
			assertThat(seen.path("goneAfterUndo").toString()).as("its edit undone while asked: the question withdrawn, the file gone")
					.isEqualTo("{\"asking\":false,\"listed\":false}");
			assertThat(project.resolve("social.byron")).content().contains("// the disk wins").doesNotContain("// typed once more");
			assertThat(seen.path("movedBy").asInt()).as("the dragged box stays where it was dropped").isLessThan(-50);
			assertThat(project.resolve("byron-layout.json")).content().as("the places kept: likes, dragged, renamed reactions since;"
					+ " audit, added from the menu").contains("\"component:reactions\"", "\"component:audit\"");
			assertThat(Files.readString(project.resolve("accounts.byron"))).contains("component billing {");
			assertThat(Files.size(screenshot)).isGreaterThan(20_000);
		}
	}

	@Test
	void inChromiumTheShopOpensWithoutProblemsAndAMovedBoxIsWhereItWasPutAfterAReload() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		copy("shop");
		npmPackages();
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			Path screenshot = SCREENSHOTS.resolve("web-studio-shop.png").toAbsolutePath();
			String output = run(List.of("node", "reload.mjs", studio.url(), screenshot.toString(), project.toString()));
			JsonNode seen = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
			assertThat(seen.path("components").toString()).contains("component:orders", "component:inventory", "component:payments");
			assertThat(seen.path("problems").asInt()).isZero();
			assertThat(seen.path("movedBy").asInt()).isGreaterThan(50);
			assertThat(seen.path("moveUndone").toString()).as("Ctrl+Z: the box back where it stood")
					.isEqualTo("{\"movedBy\":0,\"said\":\"orders moved back (Ctrl+Y moves it again)\"}");
			assertThat(seen.path("moveRedone").toString()).as("Ctrl+Y: moved again").isEqualTo("{\"movedBy\":"
					+ seen.path("movedBy").asInt() + ",\"said\":\"orders moved again (Ctrl+Z takes it back)\"}");
			assertThat(seen.path("afterReload").asInt()).as("the box where it was put, after a reload").isEqualTo(seen.path("movedBy").asInt());
			assertThat(seen.path("typedKept").asBoolean()).as("a line typed before a reload is there after it").isTrue();
			assertThat(seen.path("shownAfterReload").asText()).as("the file shown before a reload is shown after it").isEqualTo("config.byron");
			assertThat(seen.path("undoneAfterReload").asBoolean()).as("and Ctrl+Z after the reload takes it back").isTrue();
			assertThat(seen.path("keptOverTheClose").asBoolean()).as("a line typed before the tab was closed is there in a new tab").isTrue();
			assertThat(seen.path("lastKeysKept").asBoolean()).as("and the keys typed as it was closed").isTrue();
			assertThat(seen.path("undoneInANewTab").asBoolean()).as("and Ctrl+Z there takes it back").isTrue();
			assertThat(seen.path("relayoutOffered").asBoolean()).isTrue();
			assertThat(seen.path("zoomedIn").asInt()).as("two presses of +").isEqualTo(156);
			assertThat(seen.path("zoomLabel").asText()).isEqualTo("156%");
			assertThat(seen.path("wheeledOut").asInt()).as("Ctrl+wheel down").isEqualTo(125);
			assertThat(seen.path("panned").toString()).as("a drag on the background moves the picture with the pointer").isEqualTo("[60,40]");
			assertThat(seen.path("markedOutOfView").asBoolean()).as("looked away from the box of the text cursor").isTrue();
			assertThat(seen.path("lookKept").path("after").toString())
					.as("the zoom and the scroll kept over a reload, not brought back to the text cursor's box")
					.isEqualTo(seen.path("lookKept").path("before").toString());
			assertThat(seen.path("lookKept").path("before").path("label").asText()).isEqualTo("125%");
			assertThat(seen.path("fittedAfterZoom").asBoolean()).as("Fit shows the whole picture again after a zoom").isTrue();
			assertThat(seen.path("syntaxSaid").asText()).as("a syntax error said in the header")
					.containsPattern("\\(a syntax error at schema\\.byron:\\d+: the picture may lack what follows it\\)");
			JsonNode divider = seen.path("divider");
			int text = divider.path("first").path("text").asInt();
			int picture = divider.path("first").path("picture").asInt();
			assertThat(text).isGreaterThan(200);
			assertThat(divider.path("dragged").path("text").asInt()).as("dragged 150 px left").isBetween(text - 152, text - 148);
			assertThat(divider.path("dragged").path("picture").asInt()).isBetween(picture + 148, picture + 152);
			assertThat(divider.path("reloaded")).as("the widths kept over a reload").isEqualTo(divider.path("dragged"));
			assertThat(divider.path("hidden").path("text").asInt()).as("Home: no text").isZero();
			assertThat(divider.path("hidden").path("picture").asInt()).isBetween(picture + text - 2, picture + text + 2);
			assertThat(divider.path("reset")).as("a double-click: the first widths").isEqualTo(divider.path("first"));
			assertThat(seen.path("addedWhileNoPageWasOpen").asBoolean()).as("a file added on disk while no page was open").isTrue();
			assertThat(seen.path("errors").toString()).isEqualTo("[]");
		}
	}

	@Test
	void inChromiumTwoTabsOnOneStudioSeeEachOthersChangesAndTheSecondOfTwoChangesAtOnceIsAskedNotLost() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		copy("shop");
		npmPackages();
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			String output = run(List.of("node", "tabs.mjs", studio.url(), "schema.byron", project.toString()));
			JsonNode seen = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
			assertThat(seen.path("followed").asBoolean()).as("a change sent from one tab shows in the other").isTrue();
			System.out.println("A change sent from one tab showed in the other, in the background, after " + seen.path("followedAfter") + " ms");
			assertThat(seen.path("followerMarkedModified").asBoolean()).as("and is marked modified there too").isTrue();
			assertThat(seen.path("fastTyped").asBoolean()).as("fast typing on a slow connection is sent whole, and asks nothing").isTrue();
			assertThat(seen.path("merged").asBoolean()).as("changes to different lines at once are both kept, nobody asked").isTrue();
			assertThat(seen.path("mergeNoticed").toString()).as("and the tab whose text changed says so").contains("another tab");
			assertThat(seen.path("undoneOwnOnly").asBoolean()).as("Ctrl+Z after a merge takes back the tab's own line only").isTrue();
			assertThat(seen.path("movedInOther").asInt()).as("a box moved in one tab moves in the other").isNotZero();
			assertThat(seen.path("keptAsked")).as("of two changes at once, the second is asked about").hasSize(1);
			assertThat(seen.path("asked").findValuesAsText("focusKept")).as("asked without taking the keyboard").containsOnly("true");
			assertThat(seen.path("asked").get(0).path("detail").asText()).as("showing where the two tabs' texts differ")
					.containsPattern("  other: // [AB] at once\n  yours: // [AB] at once");
			assertThat(seen.path("kept").asBoolean()).as("Keep keeps the asking tab's text, in both tabs and the server").isTrue();
			assertThat(seen.path("keptNoticed").asText()).as("and says so, not that it merged")
					.isEqualTo("schema.byron: this tab's text kept; the other tab's change to the same lines is replaced (Ctrl+Z there brings it back)");
			assertThat(seen.path("undoneReplaced").asBoolean())
					.as("Ctrl+Z in the tab whose text the other's replaced brings its own text back, whole: " + seen.path("undoneReplacedText"))
					.isTrue();
			assertThat(seen.path("undoneOwnLine").asBoolean()).as("and then takes back its own line").isTrue();
			assertThat(seen.path("takenAsked")).hasSize(1);
			assertThat(seen.path("taken").asBoolean()).as("Take takes the other tab's text, in both tabs and the server").isTrue();
			assertThat(seen.path("takenNoticed").asText()).isEqualTo("schema.byron: the other tab's text taken (Ctrl+Z brings yours back)");
			assertThat(seen.path("message").asText()).startsWith("schema.byron was changed in another tab of this studio");
			assertThat(seen.path("otherUndone").asBoolean())
					.as("Ctrl+Z in one tab takes back its own line only: " + seen.path("otherUndoneText")).isTrue();
			assertThat(seen.path("ownUndoneAfterOther").asBoolean())
					.as("Ctrl+Z after the other tab undid its line takes back this tab's own line, and never brings the other's back: "
							+ seen.path("ownUndoneAfterOtherText"))
					.isTrue();
			assertThat(seen.path("nothingSavedUnasked").asBoolean()).as("nothing is saved without Ctrl+S").isTrue();
			assertThat(seen.path("diskAsked").toString()).as("a change on disk to lines one tab edited is asked there only")
					.isEqualTo("[\"B\"]");
			assertThat(seen.path("diskKeptTheEdit").asBoolean()).as("and its answer, keep, stands in both tabs").isTrue();
			assertThat(seen.path("askedAgainAfterReload").asBoolean()).as("a tab reloaded while it was asked is asked again: " + seen.path("reloadSeen")).isTrue();
			assertThat(seen.path("reloadKeptTheText").asBoolean()).as("and the text it typed before the reload is kept").isTrue();
			assertThat(seen.path("askedInClosingTab").toString()).as("a change on disk to lines B edited is asked in B, which holds the question")
					.isEqualTo("{\"asked\":[\"B\"],\"heldBeforeClose\":[\"schema.byron\"]}");
			assertThat(seen.path("heldAfterClose").toString()).as("B closed unanswered: the question is let go at once").isEqualTo("[]");
			assertThat(seen.path("askedAfterClose").toString()).as("and the other tab asks it").isEqualTo("[\"B\",\"A\"]");
			assertThat(seen.path("errors").toString()).isEqualTo("[]");
		}
	}

	@Test
	void inChromiumALargePictureOpensOnABoxAndTheBoxOfTheTextCursorIsBroughtIntoViewAlsoAfterFit() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		npmPackages();
		StringBuilder model = new StringBuilder("system large\n");
		for (int i = 0; i < 70; i++) { // 70 components in a tree, each replicating the one above: wider and taller than the page
			model.append("component c").append(i).append(" {\n  entity E").append(i).append(" { n: String }\n");
			if (i > 0) {
				int parent = (i - 1) / 3;
				model.append("  replicate c").append(parent).append(".E").append(parent).append(" { n }\n");
			}
			model.append("}\n");
		}
		Files.writeString(project.resolve("model.byron"), model);
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			String output = run(List.of("node", "large.mjs", studio.url(), "c50",
					SCREENSHOTS.resolve("web-studio-overview.png").toAbsolutePath().toString()));
			JsonNode seen = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
			assertThat(seen.path("pictureLarger").asBoolean()).as("the picture is larger than its pane").isTrue();
			assertThat(seen.path("openedOnABox").asBoolean()).as("it opens with a box in view, not its empty corner").isTrue();
			assertThat(seen.path("openedFromTheCorner").path("ok").asBoolean())
					.as("scrolled from the picture's corner only as far as that box needs, its top in view: " + seen.path("openedFromTheCorner"))
					.isTrue();
			assertThat(seen.path("markedInView").asBoolean()).as("the box of the component the cursor is in, in view").isTrue();
			assertThat(seen.path("backOnTheMarkedBox").asBoolean()).as("Fit, then Full size: the marked box in view again").isTrue();
			assertThat(seen.path("found").path("marked").toString()).as("found by its name").isEqualTo("[\"component:c3\"]");
			assertThat(seen.path("found").path("inView").asBoolean()).as("and brought into view").isTrue();
			assertThat(seen.path("found").path("textKept").asBoolean()).as("the Enter that found it did not type over the selected declaration")
					.isTrue();
			assertThat(seen.path("found").path("missingMarked").asBoolean()).as("a name no box has: the field says so").isTrue();
			JsonNode lit = seen.path("lit");
			assertThat(lit.path("own").asInt()).as("the marked component's arrows: the gateway's, the broker's, its flows").isGreaterThanOrEqualTo(3);
			assertThat(lit.path("ownLit").asBoolean()).as("a pointer on a box lights its arrows").isTrue();
			assertThat(lit.path("lit").asInt()).as("and only those").isEqualTo(lit.path("own").asInt());
			assertThat(lit.path("othersDimmed").asBoolean()).as("the other arrows are dimmed").isTrue();
			assertThat(lit.path("titles").toString()).as("an arrow's title says where it runs").contains("c50 \u2192 ").contains(" \u2192 c50");
			assertThat(seen.path("unlitAfter").asInt()).as("nothing lit once the pointer left the box").isZero();
			assertThat(seen.path("sharedStretch").path("sharedBy").asInt()).as("arrows into one box share a stretch").isGreaterThan(1);
			assertThat(seen.path("sharedStretch").path("litOfThem").asInt()).as("a pointer there lights every one of them")
					.isEqualTo(seen.path("sharedStretch").path("sharedBy").asInt());
			assertThat(seen.path("boxTitle").asText()).as("a box names itself on hover, legible at any zoom")
					.startsWith("c50\n[Container: API + Sink + Cache]\nowns E50");
			JsonNode overview = seen.path("overview");
			assertThat(overview.path("shown").asBoolean()).as("an overview while part of the picture is out of view").isTrue();
			assertThat(overview.path("boxes").asInt()).as("every box of the picture in the overview")
					.isEqualTo(overview.path("pictureBoxes").asInt()).isGreaterThan(70);
			assertThat(seen.path("afterPress").path("left").asDouble()).as("a press on the overview's lower right corner looks there")
					.isPositive();
			assertThat(seen.path("pressedPointInView").asBoolean()).as("the pressed point of the picture in view").isTrue();
			assertThat(seen.path("overviewAfterPress").path("view").get(0).asDouble()).as("its outline follows the view")
					.isGreaterThan(overview.path("view").get(0).asDouble());
			assertThat(seen.path("hiddenWhenFitted").asBoolean()).as("no overview when the whole picture is in view").isTrue();
			assertThat(seen.path("fittedLabel").asText()).as("the zoom label says the scale the fitted picture is drawn at")
					.isEqualTo(Math.round(seen.path("fittedScale").asDouble() * 100) + "%");
			assertThat(seen.path("fittedScale").asDouble()).as("a large picture fitted is drawn smaller").isLessThan(1);
			JsonNode afterEdit = seen.path("afterEdit");
			assertThat(afterEdit.path("kept").asInt()).as("a component added: most of the picture's elements are kept, not drawn again (%s)",
					afterEdit).isGreaterThan(afterEdit.path("all").asInt() / 2);
			assertThat(afterEdit.path("newArrows").asInt()).as("its arrows drawn in: the gateway's and the broker's").isGreaterThanOrEqualTo(2);
			assertThat(afterEdit.path("newArrowsHit").asInt()).as("each with the wide line a pointer rests on")
					.isEqualTo(afterEdit.path("newArrows").asInt());
			assertThat(afterEdit.path("oneHitEach").asBoolean()).as("and every arrow with one such line, no more").isTrue();
			assertThat(afterEdit.path("menu").toString()).as("the new box answers a right-click with its menu").contains("Rename added");
			assertThat(seen.path("errors").toString()).isEqualTo("[]");
		}
	}

	@Test
	void inChromiumRunStartsTheSystemItsStateShowsOnTheDiagramADeadLetterIsShownAndDroppedAndStopStopsIt() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		copyMicroblog();
		npmPackages();
		int gateway;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			gateway = socket.getLocalPort();
		}
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			Path screenshot = SCREENSHOTS.resolve("web-studio-running.png").toAbsolutePath();
			Path letters = SCREENSHOTS.resolve("web-studio-dead-letters.png").toAbsolutePath();
			Path seenRunning = project.resolve("seen-running");
			Thread garbage = new Thread(() -> publishGarbageToPostsOnce(studio, seenRunning));
			garbage.start();
			String output;
			try {
				output = run(List.of("node", "run.mjs", studio.url() + "?runPort=" + gateway, screenshot.toString(), letters.toString(),
						seenRunning.toString()));
			} finally {
				garbage.interrupt();
			}
			JsonNode seen = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
			assertThat(seen.path("hookProblem").asText()).as("a Java error in hooks/ is listed once saved")
					.startsWith("hooks/AccountsHooksImpl.java:").contains("javac:");
			assertThat(seen.path("hookProblemGone").asBoolean()).as("and leaves when the file is mended and saved").isTrue();
			assertThat(seen.path("fixOffered").asText()).as("a missing hook's problem offers the fix that writes its stub")
					.contains("'archiveUser' has no implementation", "Quick fix: Add 'archiveUser' to hooks/AccountsHooksImpl.java");
			assertThat(seen.path("fixShown").asText()).as("the stub written is shown where Ctrl+Z takes it back")
					.isEqualTo("hooks/AccountsHooksImpl.java");
			assertThat(seen.path("fixUndone").asBoolean()).isTrue();
			assertThat(seen.path("enterIndent").asText()).as("Enter in a Java file indented with tabs indents with a tab").isEqualTo("\t");
			assertThat(seen.path("runAsked").asText()).as("Run with a change not saved asks first")
					.startsWith("Run builds the system from the files on disk, and accounts.byron has changes not saved.");
			assertThat(seen.path("notRunAfterCancel").asBoolean()).as("Cancel runs nothing").isTrue();
			assertThat(project.resolve("accounts.byron")).content().as("OK saved it before running").endsWith("// saved by Run\n");
			assertThat(seen.path("failing").asText()).isEqualTo("failing, 1 dead letter");
			assertThat(seen.path("timelineMenu").toString()).contains("Dead letters of timeline\u2026");
			assertThat(seen.path("letters").toString()).contains("Undecodable");
			assertThat(seen.path("letterEvent").asText()).isEqualTo("{not an event");
			assertThat(seen.path("afterDrop").asText()).isEqualTo("None: every event was handled.");
			assertThat(seen.path("healed").asBoolean()).isTrue();
			assertThat(seen.path("states").toString()).contains("accounts running", "posts running", "timeline running");
			assertThat(seen.path("rates").toString()).contains("component:posts=>component:timeline 0.0/s");
			assertThat(seen.path("log").asText()).contains("Running: GraphiQL at http://127.0.0.1:" + gateway + "/graphql");
			assertThat(seen.path("menu").toString()).contains("Stop social");
			assertThat(seen.path("menuStopped").toString()).contains("Start social");
			assertThat(seen.path("restarted").asBoolean()).isTrue();
			assertThat(seen.path("stopped").asBoolean()).isTrue();
			assertThat(seen.path("runFailedSaid").asText()).as("a Run that failed says so in the header").contains("failed");
			assertThat(seen.path("veiled").asInt()).as("the stopped component's box is veiled").isEqualTo(1);
			assertThat(seen.path("consoleErrors").toString()).as("the page's console").doesNotContain("NaN");
		}
	}

	@Test
	void itAnswersOnLoopbackOnlyAndOnlyToItsOwnPagesAndFiles() throws Exception {
		copyMicroblog();
		assertThatThrownBy(() -> WebStudio.start(Project.open(project), "0.0.0.0", 0)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("not a loopback address");
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			int port = Integer.parseInt(studio.url().replaceAll(".*:(\\d+)/$", "$1"));
			assertThat(raw(port, "GET /api/project HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n"))
					.startsWith("HTTP/1.1 200");
			assertThat(raw(port, "GET /api/project HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nConnection: close\r\n\r\n"))
					.as("a rebound DNS name").startsWith("HTTP/1.1 403");
			assertThat(raw(port, "PUT /api/file?path=accounts.byron HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nOrigin: http://attacker.example\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")).as("another site's script")
					.startsWith("HTTP/1.1 403");
			assertThat(raw(port, "PUT /api/file?path=../outside.byron HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")).as("a file outside the project").startsWith("HTTP/1.1 404");
			assertThat(project.resolveSibling("outside.byron")).doesNotExist();
			assertThat(raw(port, "PUT /api/file?path=../outside.byron&new=1 HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")).as("nor as a page's new file").startsWith("HTTP/1.1 404");
			assertThat(raw(port, "PUT /api/file?path=.git/hooks.byron&new=1 HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")).as("a new file only where the picture makes them")
					.startsWith("HTTP/1.1 404");
			assertThat(raw(port, "PUT /api/file?path=billing.byron&new=1 HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")).as("a component's own file, held unsaved")
					.startsWith("HTTP/1.1 200");
			assertThat(studio.core().project().text(project.resolve("billing.byron").toAbsolutePath().normalize())).isEqualTo("x");
			assertThat(project.resolve("billing.byron")).doesNotExist();
			String upgrade = "GET /lsp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
			assertThat(raw(port, upgrade + "Origin: http://attacker.example\r\n\r\n")).as("another site's page opening the language server")
					.startsWith("HTTP/1.1 403");
			assertThat(rawHead(port, upgrade + "Origin: http://127.0.0.1:" + port + "\r\n\r\n")).as("the studio's own page")
					.startsWith("HTTP/1.1 101");
		}
	}

	@Test
	void theCatalogueWrittenBesideTheModelIsServedReadOnlyAndAComponentsPageFoundByName() throws Exception {
		copyMicroblog();
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			int port = Integer.parseInt(studio.url().replaceAll(".*:(\\d+)/$", "$1"));
			String get = "GET %s HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
			assertThat(raw(port, get.formatted("/catalogue/?component=posts"))).startsWith("HTTP/1.1 404").contains("byron docs");
			var model = dev.byron.dsl.api.ByronLoader.create().load(project).model();
			dev.byron.generator.docs.DocsSite.write(model, dev.byron.generator.docs.DocsSite.texts(project), project.resolve("site"));
			assertThat(raw(port, get.formatted("/api/project"))).contains("\"catalogue\":true");
			assertThat(raw(port, get.formatted("/catalogue/?component=posts"))).startsWith("HTTP/1.1 302")
					.contains("Location: /catalogue/components/posts.html");
			assertThat(raw(port, get.formatted("/catalogue/components/posts.html"))).startsWith("HTTP/1.1 200").contains("Component posts");
			assertThat(raw(port, get.formatted("/catalogue/../accounts.byron"))).as("nothing outside the catalogue").doesNotStartWith("HTTP/1.1 200");
		}
	}

	@Test
	void generateWritesTheGeneratedCodeToOutAndSaysWhatItWroteInTheLog() throws Exception {
		copyMicroblog();
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			int port = Integer.parseInt(studio.url().replaceAll(".*:(\\d+)/$", "$1"));
			String post = "POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:" + port
					+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
			assertThat(raw(port, post)).startsWith("HTTP/1.1 202");
			String get = "GET /api/live?logAfter=0 HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (!raw(port, get).contains(" written, ") && System.nanoTime() < end) {
				Thread.sleep(100);
			}
			assertThat(raw(port, get)).contains(" written, ");
			try (var written = Files.walk(project.resolve("out"))) {
				assertThat(written.filter(Files::isRegularFile).count()).as("code and manifests in out/").isGreaterThan(20);
			}
		}
	}

	/** The first line of the answer, for a connection that stays open after it (an accepted WebSocket). */
	private static String rawHead(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
		}
	}

	private static String raw(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Once the page has seen the system run ({@code signal} written), an event the timeline cannot read, published on
	 * the posts stream as a broken producer would.
	 */
	private static void publishGarbageToPostsOnce(WebStudio studio, Path signal) {
		try {
			while (!Files.exists(signal)) {
				Thread.sleep(100);
			}
			var broker = studio.core().running().broker("posts");
			broker.jetStream().publish(broker.names().entitySubject("posts", "Post", "garbage"), "{not an event".getBytes(StandardCharsets.UTF_8));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static void npmPackages() throws Exception {
		boolean npm = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
				.anyMatch(dir -> Files.isExecutable(Path.of(dir, "npm")));
		Assumptions.assumeTrue(npm, "npm is needed for the browser checks");
		if (!Files.isDirectory(BROWSER.resolve("node_modules/puppeteer-core"))) {
			run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
		}
	}

	@Test
	void inChromiumANarrowWindowNeverScrollsSidewaysAndThePictureTheFilesAndTheMenusWorkByKeyboard() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		copyMicroblog();
		npmPackages();
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			Path screenshot = SCREENSHOTS.resolve("web-studio-700px.png").toAbsolutePath();
			String output = run(List.of("node", "keyboard.mjs", studio.url(), screenshot.toString()));
			JsonNode seen = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
			assertThat(seen.path("wider700").asInt()).as("the page at 700 px is no wider than the window").isLessThanOrEqualTo(0);
			assertThat(seen.path("wider900").asInt()).isLessThanOrEqualTo(0);
			assertThat(seen.path("scrolled700").asInt()).isZero();
			for (String width : List.of("700", "900")) {
				JsonNode overview = seen.path("overview" + width);
				assertThat(overview.path("shown").asBoolean()).as("at %s px the picture is larger than its pane: an overview", width).isTrue();
				assertThat(overview.path("share").asDouble()).as("at %s px the overview is small beside the picture: %s", width, overview)
						.isLessThan(0.07);
				assertThat(overview.path("coversLegend").asBoolean()).as("and clear of the legend: %s", overview).isFalse();
			}
			assertThat(seen.path("pictureReached").asBoolean()).as("Tab reaches the picture").isTrue();
			assertThat(seen.path("boxes").toString()).as("the arrows select its boxes, a component's among them").contains("component:");
			assertThat(seen.path("textSelected").asText()).as("and its declaration beside").startsWith("component ");
			assertThat(seen.path("keyboardStaysOnThePicture").asBoolean()).isTrue();
			assertThat(seen.path("selectionOnEntering").asInt()).as("entering the text, a key adds at the declaration and replaces"
					+ " nothing").isZero();
			assertThat(seen.path("menu").path("shown").asBoolean()).as("Shift+F10 opens the box's menu").isTrue();
			assertThat(seen.path("menu").path("inWindow").asBoolean()).as("whole in the window").isTrue();
			assertThat(seen.path("menu").path("focused").asBoolean()).as("with the keyboard in it").isTrue();
			assertThat(seen.path("menuClosed").asBoolean()).as("Escape closes it, back to the picture").isTrue();
			assertThat(seen.path("afterMenuEdit").path("focus").asText()).as("after an edit from the menu, the keyboard is the picture's")
					.isEqualTo("diagram");
			assertThat(seen.path("afterMenuEdit").path("unchanged").asBoolean()).as("and a key pressed then types over nothing").isTrue();
			assertThat(seen.path("menuEditUndone").asBoolean()).as("Ctrl+Z on the picture takes the menu's edit back").isTrue();
			assertThat(seen.path("menuEditRedone").asBoolean()).as("and Ctrl+Y makes it again").isTrue();
			assertThat(seen.path("enterOpens").asBoolean()).as("Enter puts the keyboard at the box's declaration").isTrue();
			assertThat(seen.path("listMoved").path("after").asText()).as("the arrows go through the file list")
					.isNotEqualTo(seen.path("listMoved").path("before").asText());
			assertThat(seen.path("listMoved").path("focused").asText()).isEqualTo(seen.path("listMoved").path("after").asText());
			assertThat(seen.path("deleted").path("gone").asBoolean()).as("a component deleted from its menu, asked nothing: " + seen.path("deleted"))
					.isTrue();
			assertThat(seen.path("deleted").path("notice").asText()).endsWith("deleted; what referred to it is listed in Problems (Ctrl+Z brings it back)");
			assertThat(seen.path("deleted").path("focus").asText()).isEqualTo("diagram");
			assertThat(seen.path("deletionUndone").asBoolean()).as("Ctrl+Z on the picture brings it back").isTrue();
			assertThat(seen.path("errors").toString()).isEqualTo("[]");
		}
	}

	@Test
	void inChromiumAModelFileIsMadeRenamedIntoAFolderAndDeletedFromTheFileListsMenuAndTheSavesDoItOnDisk() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		copyMicroblog();
		npmPackages();
		try (WebStudio studio = WebStudio.start(Project.open(project), "127.0.0.1", 0)) {
			String output = run(List.of("node", "files.mjs", studio.url(), project.toAbsolutePath().toString(),
					SCREENSHOTS.resolve("web-studio-files.png").toAbsolutePath().toString()));
			JsonNode seen = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
			assertThat(seen.path("menu").toString()).as("the list's menu on a model file")
					.isEqualTo("[\"New file…\",\"Rename posts.byron…\",\"Delete posts.byron\"]");
			assertThat(seen.path("refused").path("rule").asText()).as("a name outside the project refused as it is typed").contains("'..'");
			assertThat(seen.path("refused").path("ok").asBoolean()).isFalse();
			assertThat(seen.path("keyboardInTheNewFile").asBoolean()).as("the new file shown, the keyboard in it").isTrue();
			assertThat(seen.path("newOnDisk").asBoolean()).as("saved once it has text").isTrue();
			assertThat(seen.path("renameOffered").asText()).isEqualTo("billing.byron");
			assertThat(seen.path("moved").path("old").asText()).as("renamed: the old file emptied").isEmpty();
			assertThat(seen.path("moved").path("shown").asText()).isEqualTo("finance/billing.byron");
			assertThat(seen.path("renamedOnDisk").toString()).as("the save writes the new file and deletes the old one")
					.isEqualTo("{\"old\":false,\"moved\":true}");
			assertThat(seen.path("movedText").asText()).contains("component billing {", "entity Invoice");
			assertThat(seen.path("listedAfterRename").toString()).contains("finance/billing.byron").doesNotContain("\"billing.byron\"");
			assertThat(seen.path("treeAfterRename").toString()).as("folders first, each file under its folder by its name")
					.isEqualTo("[\"1 finance/\",\"2 billing.byron\",\"1 hooks/\",\"2 AccountsHooksImpl.java\",\"2 PostsHooksImpl.java\","
							+ "\"2 SocialHooksImpl.java\",\"2 TimelineHooksImpl.java\",\"1 accounts.byron\",\"1 config.byron\","
							+ "\"1 credentials.byron\",\"1 posts.byron\",\"1 schema.byron\",\"1 social.byron\",\"1 timeline.byron\"]");
			assertThat(seen.path("treeClosed").toString()).as("a folder closed: its files not listed")
					.startsWith("[\"1 finance/\",\"1 hooks/\",");
			assertThat(seen.path("treeOpened")).as("and opened again by keyboard").isEqualTo(seen.path("treeAfterRename"));
			assertThat(seen.path("madeWhileLooking").toString()).as("a file made while a look at the studio was on its way stays, shown")
					.isEqualTo("{\"listed\":true,\"shown\":\"racing.byron\"}");
			assertThat(seen.path("deleteUndone").asBoolean()).as("a deleted file's text comes back with Ctrl+Z").isTrue();
			assertThat(seen.path("savedDelete").asText()).contains("emptied, so deleted: finance/billing.byron");
			assertThat(seen.path("deletedOnDisk").asBoolean()).isTrue();
			assertThat(seen.path("listedAfterDelete").toString()).doesNotContain("billing.byron");
			assertThat(seen.path("errors").toString()).isEqualTo("[]");
		}
	}

	@Test
	void inChromiumAPageKeepsItsEditsWhileTheStudioIsStoppedAndHandsThemToItWhenItIsStartedAgain() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed here (.ci/run installs it)");
		copy("shop");
		npmPackages();
		Path schema = project.resolve("schema.byron").toAbsolutePath().normalize();
		Path config = project.resolve("config.byron").toAbsolutePath().normalize();
		String onDisk = Files.readString(schema);
		String configOnDisk = Files.readString(config);
		WebStudio first = WebStudio.start(Project.open(project), "127.0.0.1", 0);
		WebStudio second = null;
		int port = java.net.URI.create(first.url()).getPort();
		Process node = new ProcessBuilder("node", "restart.mjs", first.url()).directory(BROWSER.toFile()).redirectErrorStream(true).start();
		try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
				var in = new java.io.PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8)) {
			List<String> lines = new ArrayList<>();
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				lines.add(line);
				if (line.equals("stop")) {
					first.close();
					// while no studio runs, another editor changes the files: another line of one, the typed lines' place of the other
					Files.writeString(schema, "// changed on disk while the studio was stopped\n" + onDisk);
					Files.writeString(config, configOnDisk + "// config changed on disk while the studio was stopped\n");
					in.println("stopped");
				} else if (line.equals("start")) {
					second = WebStudio.start(Project.open(project), "127.0.0.1", port);
					in.println("started");
				}
			}
			assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(node.exitValue()).as(String.join("\n", lines)).isZero();
			JsonNode seen = new ObjectMapper().readTree(lines.get(lines.size() - 1));
			assertThat(seen.path("down").asText()).as("said while the studio is stopped").startsWith("Byron Studio is not answering: this page keeps your edits.");
			assertThat(seen.path("saved").asText()).as("a save says why it saved nothing").startsWith("Not saved: Byron Studio is not answering");
			assertThat(seen.path("notice").asText()).startsWith("Byron Studio was started again: the edits not saved in")
					.contains("schema.byron changed on disk meanwhile, on other lines: both kept");
			assertThat(seen.path("completion").asBoolean()).as("the page loaded again: its editor's completion answers").isTrue();
			assertThat(seen.path("text").asText()).as("the page's text as typed, with the disk's change made meanwhile")
					.isEqualTo("// changed on disk while the studio was stopped\n" + onDisk
							+ "// typed before the studio stopped\n// typed while it was stopped\n");
			assertThat(seen.path("modified").asBoolean()).isTrue();
			assertThat(second.core().project().text(schema)).as("the studio started again has the page's edits").isEqualTo(seen.path("text").asText());
			assertThat(schema).as("not saved: nothing written").hasContent("// changed on disk while the studio was stopped\n" + onDisk);
			assertThat(seen.path("asked").asText()).as("the same lines changed on disk meanwhile: asked, not overwritten")
					.startsWith("config.byron changed on disk, on lines changed here and not saved.");
			assertThat(seen.path("configText").asText()).as("Keep yours keeps the page's text")
					.isEqualTo(configOnDisk + "// config typed before the studio stopped\n");
			assertThat(seen.path("madeText").asText()).as("a file made in the page and never saved is handed over too, as typed: " + seen.path("notice") + seen.path("madeListed"))
					.isEqualTo("component refunds {\n  entity Refund {\n    amount: Int!\n  }\n}\n// refunds typed while it was stopped\n");
			assertThat(seen.path("madeListed").asText()).as("listed, modified").isEqualTo("true");
			assertThat(second.core().project().text(project.resolve("refunds/refunds.byron").toAbsolutePath().normalize()))
					.isEqualTo(seen.path("madeText").asText());
			assertThat(config).as("not saved yet: the disk's text stands").hasContent(configOnDisk
					+ "// config changed on disk while the studio was stopped\n");
			assertThat(seen.path("errors").toString()).isEqualTo("[]");
		} finally {
			first.close();
			if (second != null) {
				second.close();
			}
			node.destroyForcibly();
		}
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(new ArrayList<>(command)).directory(BROWSER.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command + " finished").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}
}
