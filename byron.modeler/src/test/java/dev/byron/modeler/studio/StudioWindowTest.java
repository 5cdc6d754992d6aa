package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.diagram.C4Level;
import dev.byron.diagram.DiagramNode;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** Byron Studio's real window, driven headless (Monocle) the way a user drives it. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
	private static final Path EXAMPLES = Path.of(System.getProperty("byron.examples", "../examples"));
	private static final Path SCREENSHOTS = Path.of(System.getProperty("byron.screenshots", "target/screenshots"));

	@TempDir
	static Path workspace;

	private StudioWindow window;
	private Stage stage;
	private Path project;
	private final List<String> opened = new CopyOnWriteArrayList<>();

	@Start
	void start(Stage stage) throws Exception {
		project = Files.createTempDirectory(workspace, "microblog");
		copy(EXAMPLES.resolve("microblog"), project);
		window = new StudioWindow(Project.open(project), opened::add);
		stage.setScene(StudioApp.scene(window));
		StudioApp.guardClose(stage, window);
		this.stage = stage;
		stage.show();
	}

	@BeforeEach
	void drawn() {
		waitFor(() -> window.analysis() != null && shows("component:timeline"));
	}

	@AfterEach
	void dispose() {
		window.dispose();
	}

	@Test
	void opensTheProjectWithItsDiagramAndNoProblems(FxRobot robot) {
		assertThat(window.analysis().diagram().diagram().nodes()).extracting(DiagramNode::id).contains("gateway", "broker",
				"component:accounts", "component:posts", "component:social", "component:likes", "component:timeline");
		assertThat(window.analysis().result().hasErrors()).isFalse();
		assertThat(robot.lookup(".tree-cell").queryAll()).extracting(n -> ((javafx.scene.control.TreeCell<?>) n).getText())
				.contains("accounts.byron", "posts.byron", "timeline.byron", "config.byron");
	}

	@Test
	void typingAComponentAddsItToTheDiagram(FxRobot robot) {
		CodeArea area = window.editor().area(window.editor().current());
		robot.interact(() -> {
			area.moveTo(area.getLength());
			area.requestFocus();
		});
		robot.write("\ncomponent billing {\n  entity Invoice {\n    total: Float\n");
		waitFor(() -> shows("component:billing"));
		assertThat(window.analysis().diagram().diagram().node("component:billing").orElseThrow().details())
				.containsExactly("owns Invoice");
	}

	@Test
	void clickingABoxSelectsItsText(FxRobot robot) {
		robot.clickOn(node(robot, "component:posts"));
		waitFor(() -> window.editor().current() != null && window.editor().current().endsWith("posts.byron"));
		CodeArea area = window.editor().area(window.editor().current());
		assertThat(area.getSelectedText()).startsWith("component posts {").endsWith("}");
		assertThat(window.diagramView().selectedId()).isEqualTo("component:posts");

		assertThat(area.getCaretPosition()).as("the caret, which the view follows, at the start").isEqualTo(area.getSelection().getStart());

		String text = area.getText();
		assertThat(area.isFocused()).as("the keyboard stays out of the text").isFalse();
		robot.write("x");
		assertThat(area.getText()).as("so a key typed does not replace the selected declaration").isEqualTo(text);

		robot.doubleClickOn(node(robot, "component:posts"));
		waitFor(area::isFocused);
		assertThat(area.getSelectedText()).as("a double-click: the keyboard in the text, at the declaration").isEmpty();
		assertThat(text.substring(area.getCaretPosition())).startsWith("component posts {");
	}

	@Test
	void theBoxOfWhatTheCursorStandsInIsMarkedInTheDiagram(FxRobot robot) {
		Path timeline = project.resolve("timeline.byron").toAbsolutePath().normalize();
		robot.interact(() -> window.editor().show(timeline));
		CodeArea area = window.editor().area(timeline);
		robot.interact(() -> area.moveTo(area.getText().indexOf("component timeline") + 12));
		waitFor(() -> "component:timeline".equals(window.diagramView().selectedId()));
	}

	@Test
	void aSmallWindowKeepsTheBottomPanelInView(FxRobot robot) throws IOException {
		robot.interact(() -> {
			stage.setWidth(1024);
			stage.setHeight(700);
		});
		WaitForAsyncUtils.waitForFxEvents();
		javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
		assertThat(tabs.getHeight()).isGreaterThanOrEqualTo(120);
		assertThat(window.diagramView().scale()).isGreaterThanOrEqualTo(DiagramView.LEGIBLE_SCALE);
		assertThat(window.diagramView().offset().getX() + window.diagramView().diagram().width() / 2).as("placed again, centred")
				.isCloseTo(window.diagramView().getWidth() / 2, org.assertj.core.api.Assertions.within(1.0));
		screenshot(robot, window, "studio-1024x700.png");
	}

	@Test
	void draggingFromOneComponentToAnotherSubscribesToItsEventAndUndoTakesItBack(FxRobot robot) throws Exception {
		Path social = project.resolve("social.byron");
		String before = window.editor().area(social).getText();
		robot.clickOn("Fit"); // both boxes in view
		Node from = robot.lookup(n -> "node:component:social".equals(n.getId())).query();
		Node to = robot.lookup(n -> "node:component:posts".equals(n.getId())).query();
		robot.drag(from).dropTo(to);
		waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
		DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
		assertThat(dialog.getHeaderText()).isEqualTo("social subscribes to an event of posts");
		ComboBox<String> events = robot.from(dialog).lookup(".combo-box").queryComboBox();
		assertThat(events.getItems()).containsExactly("PostCreated", "PostUpdated", "PostDeleted");
		robot.interact(() -> events.setValue("PostDeleted"));
		robot.clickOn("OK");
		String after = window.editor().area(social).getText();
		assertThat(after).contains("/** Who follows whom. */", "before createFollow call refuseSelfFollow\n"
				+ "  on posts.PostDeleted call onPostDeleted\n}");
		waitFor(() -> window.analysis().diagram().diagram().edges().stream()
				.anyMatch(e -> e.id().equals("component:posts=>component:social")));

		robot.clickOn("Undo");
		assertThat(window.editor().area(social).getText()).isEqualTo(before);
		waitFor(() -> window.analysis().diagram().diagram().edges().stream()
				.noneMatch(e -> e.id().equals("component:posts=>component:social")));
		robot.clickOn("Redo");
		assertThat(window.editor().area(social).getText()).isEqualTo(after);
	}

	@Test
	void aBoxsMenuOpensItsComponentsPageWhenTheCatalogueLiesBesideTheModel(FxRobot robot) throws Exception {
		robot.rightClickOn(node(robot, "component:likes"));
		robot.lookup("Add entity to likes\u2026").query(); // the menu is open
		assertThat(robot.lookup("Open the catalogue page of likes").tryQuery()).as("no catalogue yet").isEmpty();
		robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
		var model = dev.byron.dsl.api.ByronLoader.create().load(project).model();
		dev.byron.generator.docs.DocsSite.write(model, dev.byron.generator.docs.DocsSite.texts(project), project.resolve("site"));
		robot.rightClickOn(node(robot, "component:likes"));
		robot.clickOn("Open the catalogue page of likes");
		waitFor(() -> opened.stream().anyMatch(url -> url.equals(project.resolve("site/components/likes.html").toUri().toString())),
				opened::toString);
	}

	@Test
	void theContextMenuAddsAnEntityAndRenamesAComponentEverywhere(FxRobot robot) {
		robot.rightClickOn(node(robot, "component:likes"));
		robot.clickOn("Add entity to likes\u2026");
		robot.clickOn(".dialog-pane .text-field").write("Reaction");
		robot.clickOn("OK");
		waitFor(() -> window.editor().area(project.resolve("social.byron")).getText()
				.contains("  entity Reaction {\n    name: String!\n  }\n}"), window::logText);
		waitFor(() -> window.analysis().diagram().diagram().node("component:likes").orElseThrow().details()
				.contains("owns Reaction"));
		WaitForAsyncUtils.waitForFxEvents();

		robot.rightClickOn(node(robot, "component:posts"));
		robot.clickOn("Rename posts\u2026");
		robot.doubleClickOn(".dialog-pane .text-field").write("articles");
		robot.clickOn("OK");
		waitFor(() -> shows("component:articles"));
		assertThat(window.editor().area(project.resolve("timeline.byron")).getText())
				.contains("post: articles.Post!", "replicate articles.Post", "on articles.PostCreated call fanOut");
		assertThat(window.analysis().result().hasErrors()).isFalse();

		robot.clickOn("Undo");
		waitFor(() -> shows("component:posts") && !shows("component:articles"));
		assertThat(window.editor().area(project.resolve("timeline.byron")).getText())
				.as("one undo takes the rename back in every file").doesNotContain("articles").contains("replicate posts.Post");
		assertThat(window.editor().area(project.resolve("posts.byron")).getText()).contains("component posts {");
		waitFor(() -> !window.analysis().result().hasErrors(), () -> window.analysis().result().diagnostics().toString());
		robot.clickOn("Redo");
		waitFor(() -> shows("component:articles"));
		assertThat(window.editor().area(project.resolve("timeline.byron")).getText()).contains("replicate articles.Post");
	}

	@Test
	void deletingAComponentFromTheDiagramRemovesItsTextAndReportsWhatBreaks(FxRobot robot) {
		robot.rightClickOn(node(robot, "component:likes"));
		robot.clickOn("Delete likes");
		waitFor(() -> !shows("component:likes"));
		assertThat(window.editor().area(project.resolve("social.byron")).getText()).doesNotContain("component likes")
				.contains("/** Who follows whom. */", "before createFollow call refuseSelfFollow\n}");
		assertThat(window.analysis().result().errors()).extracting(d -> d.code()).contains("unknown-event");
	}

	private Path typeAtTheEndOf(FxRobot robot, String file, String text) {
		Path path = project.resolve(file).toAbsolutePath().normalize();
		robot.interact(() -> window.editor().show(path));
		CodeArea area = window.editor().area(path);
		robot.interact(() -> {
			area.moveTo(area.getLength());
			area.requestFocus();
		});
		robot.write(text);
		return path;
	}

	/** The tree's label of a file given by its path in the project (scrolled to first), or "" when it is not listed. */
	private String treeLabel(FxRobot robot, String file) {
		var tree = window.filesTree();
		Path path = tree.getRoot().getValue().resolve(file);
		robot.interact(() -> treeItems(tree.getRoot()).filter(i -> i.getValue().equals(path)).findFirst()
				.ifPresent(i -> tree.scrollTo(tree.getRow(i))));
		return robot.lookup(".tree-cell").queryAll().stream().filter(Node::isVisible).map(n -> (javafx.scene.control.TreeCell<?>) n)
				.filter(cell -> cell.getTreeItem() != null && path.equals(cell.getTreeItem().getValue())).map(cell -> cell.getText())
				.findFirst().orElse("");
	}

	private static java.util.stream.Stream<javafx.scene.control.TreeItem<Path>> treeItems(javafx.scene.control.TreeItem<Path> from) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(from), from.getChildren().stream().flatMap(StudioWindowTest::treeItems));
	}

	@Test
	void aFileEditedHereIsMarkedInTheTreeUntilCtrlSSavesIt(FxRobot robot) throws Exception {
		Path accounts = typeAtTheEndOf(robot, "accounts.byron", "\n// noted\n");
		waitFor(() -> treeLabel(robot, "accounts.byron").equals("accounts.byron \u2022"));
		assertThat(treeLabel(robot, "posts.byron")).isEqualTo("posts.byron");
		screenshot(robot, window, "studio-modified-marker.png");

		robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S).release(javafx.scene.input.KeyCode.S,
				javafx.scene.input.KeyCode.CONTROL);
		waitFor(() -> treeLabel(robot, "accounts.byron").equals("accounts.byron"));
		assertThat(Files.readString(accounts)).endsWith("// noted\n");
	}

	@Test
	void theTreesMenuMakesRenamesAndDeletesModelFilesAndTheSavesDoItOnDisk(FxRobot robot) throws Exception {
		treeLabel(robot, "posts.byron"); // scrolled into view: a small window shows a few rows
		robot.rightClickOn(robot.lookup(".tree-cell").match((javafx.scene.control.TreeCell<?> cell) -> "posts.byron".equals(cell.getText()))
				.<javafx.scene.control.TreeCell<?>>query());
		// the menu opens once the click has selected its row (after the release)
		waitFor(() -> robot.lookup("Rename posts.byron\u2026").tryQuery().isPresent());
		robot.lookup("Rename posts.byron\u2026").query(); // the menu is open, on the file clicked
		assertThat(robot.lookup("New file\u2026").tryQuery()).isPresent();
		assertThat(robot.lookup("Delete posts.byron").tryQuery()).isPresent();
		robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
		robot.interact(() -> window.filesTree().requestFocus());
		robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT); // and by keyboard, on the selected file
		robot.lookup("Rename posts.byron\u2026").query();
		robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

		Path[] made = new Path[1];
		robot.interact(() -> made[0] = window.newFile("billing"));
		Path billing = project.resolve("billing.byron").toAbsolutePath().normalize();
		assertThat(made[0]).isEqualTo(billing);
		robot.interact(() -> window.editor().area(billing).replaceText("component billing {\n  entity Invoice {\n    total: Int!\n  }\n}\n"));
		waitFor(() -> shows("component:billing"));
		robot.interact(window::save);
		assertThat(billing).content().contains("entity Invoice");

		robot.interact(() -> window.renameFile(billing, "finance/billing"));
		Path moved = project.resolve("finance/billing.byron").toAbsolutePath().normalize();
		assertThat(window.editor().area(billing).getText()).as("the old file emptied").isEmpty();
		robot.interact(window::save);
		assertThat(billing).as("the save deletes the emptied file").doesNotExist();
		assertThat(moved).content().contains("component billing {");
		assertThat(treeLabel(robot, "finance/billing.byron")).as("listed by its name in its folder").isEqualTo("billing.byron");
		robot.interact(() -> {
			var root = window.filesTree().getRoot();
			assertThat(root.getChildren()).extracting(item -> root.getValue().relativize(item.getValue()).toString())
					.as("folders first, then the files").startsWith("finance", "hooks").contains("posts.byron");
			assertThat(root.getChildren().get(0).getChildren()).extracting(item -> item.getValue().getFileName().toString())
					.containsExactly("billing.byron");
		});

		robot.interact(() -> window.deleteFile(moved));
		waitFor(() -> !shows("component:billing"));
		robot.interact(() -> window.editor().area(moved).undo());
		waitFor(() -> shows("component:billing"));
		robot.interact(() -> window.deleteFile(moved));
		robot.interact(window::save);
		assertThat(moved).as("deleted again and saved: gone").doesNotExist();
		waitFor(() -> !shows("component:billing"));
	}

	@Test
	void closingWithUnsavedChangesAsksAndCancelKeepsTheWindowWhileSaveWritesAndCloses(FxRobot robot) throws Exception {
		Path posts = typeAtTheEndOf(robot, "posts.byron", "\n// unsaved\n");
		String before = Files.readString(posts);
		javafx.application.Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
		waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
		javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
		assertThat(dialog.getHeaderText()).isEqualTo("posts.byron has unsaved changes.");
		screenshotOf(robot, dialog, "studio-close-unsaved.png");
		robot.clickOn("Cancel");
		waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
		assertThat(stage.isShowing()).isTrue();
		assertThat(Files.readString(posts)).isEqualTo(before);

		javafx.application.Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
		waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
		robot.clickOn(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).lookupButton(UnsavedChanges.SAVE));
		waitFor(() -> !stage.isShowing(), () -> window.logText() + " / saved: " + read(posts).endsWith("// unsaved\n"));
		assertThat(Files.readString(posts)).endsWith("// unsaved\n");
	}

	@Test
	void runWithUnsavedChangesAsksToSaveFirstAndCancelRunsNothing(FxRobot robot) {
		typeAtTheEndOf(robot, "timeline.byron", "\n// before running\n");
		robot.clickOn("Run");
		waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
		assertThat(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText())
				.contains("It uses the files on disk");
		robot.clickOn("Cancel");
		assertThat(window.isRunning()).isFalse();
		assertThat(window.logText()).doesNotContain("Running");
	}

	@Test
	void aFileChangedOnDiskIsShownAnewWhenItHasNoEditsHere(FxRobot robot) throws Exception {
		Path social = project.resolve("social.byron").toAbsolutePath().normalize();
		robot.interact(() -> window.editor().show(social));
		String changed = Files.readString(social) + "\n// written by another editor\n";
		Files.writeString(social, changed);
		waitFor(() -> window.editor().area(social).getText().equals(changed), window::logText);
		assertThat(treeLabel(robot, "social.byron")).isEqualTo("social.byron");
		waitFor(() -> window.logText().contains("Read again, changed on disk: [social.byron]"), window::logText);
	}

	@Test
	void aSavedLineReplacedOnDiskIsNotBroughtBackByCtrlZ(FxRobot robot) throws Exception {
		Path social = typeAtTheEndOf(robot, "social.byron", "\n// my line\n");
		robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
		waitFor(() -> read(social).endsWith("// my line\n"), window::logText);
		String teammates = read(social).replace("// my line\n", "// the teammate's line\n");
		Files.writeString(social, teammates);
		CodeArea area = window.editor().area(social);
		waitFor(() -> area.getText().equals(teammates), window::logText);
		robot.interact(area::requestFocus);
		robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
		WaitForAsyncUtils.waitForFxEvents();
		assertThat(area.getText()).as("Ctrl+Z after the disk's change: the teammate's line stays").isEqualTo(teammates);
		assertThat(treeLabel(robot, "social.byron")).as("nothing unsaved to write over it").isEqualTo("social.byron");
	}

	@Test
	void aFileAddedOnDiskJoinsTheTreeAndTheDiagramAndLeavesBothWhenItIsDeleted(FxRobot robot) throws Exception {
		Path extra = project.resolve("extra.byron").toAbsolutePath().normalize();
		Files.writeString(extra, "component extra {\n  entity Thing {\n    name: String!\n  }\n}\n");
		waitFor(() -> window.analysis() != null && window.analysis().diagram().boxes().containsKey("component:extra"), window::logText);
		robot.interact(() -> window.editor().show(extra));
		Files.delete(extra);
		waitFor(() -> window.logText().contains("Deleted on disk, no longer part of the model: [extra.byron]"), window::logText);
		waitFor(() -> !window.analysis().diagram().boxes().containsKey("component:extra"), window::logText);
		robot.interact(() -> {
			assertThat(treeItems(window.filesTree().getRoot())).noneMatch(item -> item.getValue().equals(extra));
			assertThat(window.editor().current()).as("another file is shown").isNotEqualTo(extra);
		});
	}

	@Test
	void aFileChangedOnDiskAndHereAsksWhichToKeepAndTakingTheDisksDropsTheEdits(FxRobot robot) throws Exception {
		Path social = typeAtTheEndOf(robot, "social.byron", "\n// mine\n");
		String disk = Files.readString(social) + "\n// theirs\n";
		Files.writeString(social, disk);
		waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent(), window::logText);
		javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
		assertThat(dialog.getHeaderText()).isEqualTo("social.byron changed on disk, and it has unsaved changes here.");
		screenshotOf(robot, dialog, "studio-changed-on-disk.png");
		robot.clickOn("Take the disk's");
		waitFor(() -> window.editor().area(social).getText().equals(disk));
		assertThat(treeLabel(robot, "social.byron")).isEqualTo("social.byron");
	}

	@Test
	void aRunThatFailsSaysWhyInTheStatusBarAndBringsTheLogToTheFront(FxRobot robot) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			robot.interact(() -> window.setRunPort(taken.getLocalPort()));
			robot.clickOn("Run");
			waitFor(60, () -> window.statusText().startsWith("Run failed: "));
		}
		assertThat(window.statusText()).contains(" in use").endsWith("(details in Log)");
		javafx.scene.control.TabPane bottom = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
		// the status is polled from this thread while the FX thread brings the Log forward
		waitFor(() -> "Log".equals(bottom.getSelectionModel().getSelectedItem().getText()));
		assertThat(window.isRunning()).isFalse();
		screenshot(robot, window, "studio-run-failed.png");
	}

	@Test
	void aHookTheJavaCodeLacksIsAProblemWhoseQuickFixWritesItsStubIntoTheHooksClass(FxRobot robot) throws IOException {
		Path posts = project.resolve("posts.byron").toAbsolutePath().normalize();
		Path hooks = project.resolve("hooks/PostsHooksImpl.java").toAbsolutePath().normalize();
		assertThat(treeLabel(robot, "hooks/PostsHooksImpl.java")).as("the Java code is in the tree, in its folder").isEqualTo("PostsHooksImpl.java");
		CodeArea area = window.editor().area(posts);
		robot.interact(() -> area.insertText(area.getText().indexOf("  on likes.LikeCreated"), "  after createPost call announcePost\n"));
		waitFor(() -> !window.analysis().gaps().isEmpty());
		ModelDiagnostic missing = window.problemsList().getItems().get(0);
		assertThat(missing.format(project)).startsWith("posts.byron:").contains(": error: 'announcePost' has no implementation",
				"PostsHooksImpl");
		assertThat(window.statusText()).contains("1 error,");
		robot.interact(() -> window.problemsList().getSelectionModel().select(missing));
		robot.rightClickOn(robot.lookup(".problem-error").<Node>query());
		waitFor(() -> window.problemMenu().isShowing());
		assertThat(window.problemMenu().getItems()).extracting(MenuItem::getText)
				.containsExactly("Add 'announcePost' to hooks/PostsHooksImpl.java");
		screenshot(robot, window, "studio-missing-hook.png");
		robot.interact(() -> window.problemMenu().getItems().get(0).fire());
		waitFor(() -> window.analysis().gaps().isEmpty());
		assertThat(window.problemsList().getItems()).isEmpty();
		assertThat(window.editor().area(hooks).getText()).contains("public void announcePost(Post state, CommandHookContext context) {");
		waitFor(() -> treeLabel(robot, "hooks/PostsHooksImpl.java").endsWith("\u2022")); // written on save, like any edit
		assertThat(Files.readString(hooks)).doesNotContain("announcePost");
	}

	@Test
	void aBoxDraggedToAnEmptySpotStaysThereAfterAnEditAndAfterReopeningAndTheLayoutCanBeReset(FxRobot robot) throws Exception {
		var before = window.analysis().diagram().boxes().get("component:likes");
		robot.drag(node(robot, "component:likes")).dropTo(emptyDiagramSpot(robot));
		waitFor(() -> !window.analysis().diagram().boxes().get("component:likes").equals(before));
		var placed = window.analysis().diagram().boxes().get("component:likes");
		assertThat(placed.x()).isLessThan(before.x());
		assertThat(project.resolve("byron-layout.json")).content().contains("\"microblog: Containers\"", "\"component:likes\"");
		assertThat(window.editor().area(project.resolve("social.byron").toAbsolutePath().normalize()).getText())
				.as("moving is not an edit of the model").isEqualTo(Files.readString(project.resolve("social.byron")));
		screenshot(robot, window, "studio-moved-box.png");
		robot.clickOn("Undo"); // nothing typed since: Undo takes the move back, Redo makes it again
		waitFor(() -> Math.abs(window.analysis().diagram().boxes().get("component:likes").x() - before.x()) <= 0.5); // kept in whole units
		assertThat(window.analysis().diagram().boxes().get("component:likes").y()).isCloseTo(before.y(), within(0.5));
		robot.clickOn("Redo");
		waitFor(() -> window.analysis().diagram().boxes().get("component:likes").equals(placed));

		CodeArea accounts = window.editor().area(project.resolve("accounts.byron").toAbsolutePath().normalize());
		robot.interact(() -> accounts.appendText("\ncomponent billing {\n  entity Invoice {\n    total: Float\n  }\n}\n"));
		waitFor(() -> shows("component:billing"));
		assertThat(window.analysis().diagram().boxes().get("component:likes")).as("an edit leaves it where it was put")
				.isEqualTo(placed);
		assertNoOverlaps(window.analysis().diagram());

		StudioWindow reopened = new StudioWindow(Project.open(project), url -> { });
		try {
			robot.interact(() -> reopened.analyse());
			waitFor(() -> reopened.analysis() != null);
			assertThat(reopened.analysis().diagram().boxes().get("component:likes")).as("kept for the next session").isEqualTo(placed);
		} finally {
			reopened.dispose();
		}

		robot.interact(() -> window.diagramView().fit());
		robot.rightClickOn(window.diagramView().screenPointOf(8, 8)); // the picture's margin, beside its title
		robot.clickOn("Lay out this view again");
		robot.clickOn("Cancel"); // asked first: nothing forgotten
		assertThat(project.resolve("byron-layout.json")).exists();
		robot.rightClickOn(window.diagramView().screenPointOf(8, 8));
		robot.clickOn("Lay out this view again");
		robot.clickOn("OK");
		waitFor(() -> window.analysis().diagram().boxes().get("component:likes").x() != placed.x());
		assertThat(project.resolve("byron-layout.json")).doesNotExist();
	}

	private static void assertNoOverlaps(dev.byron.diagram.LaidOutDiagram laidOut) {
		var boxes = List.copyOf(laidOut.boxes().values());
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				var a = boxes.get(i);
				var b = boxes.get(j);
				assertThat(a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x() || a.y() + a.height() <= b.y()
						|| b.y() + b.height() <= a.y()).as("%s and %s do not overlap", a, b).isTrue();
			}
		}
	}

	@Test
	void f2RenamesTheNameAtTheCaretInEveryFileAndCtrlZTakesItBackEverywhere(FxRobot robot) {
		Path accounts = project.resolve("accounts.byron").toAbsolutePath().normalize();
		Path posts = project.resolve("posts.byron").toAbsolutePath().normalize();
		CodeArea area = window.editor().area(accounts);
		String postsBefore = window.editor().area(posts).getText();
		robot.interact(() -> {
			window.editor().show(accounts);
			area.moveTo(area.getText().indexOf("User {") + 1);
			area.requestFocus();
		});
		robot.push(KeyCode.F2);
		waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
		DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
		assertThat(dialog.getHeaderText()).isEqualTo("Rename User and every reference to it");
		robot.interact(() -> ((javafx.scene.control.TextField) dialog.lookup(".text-field")).setText("Member"));
		robot.clickOn("OK");
		waitFor(() -> window.editor().area(posts).getText().contains("author: accounts.Member!"));
		assertThat(area.getText()).contains("entity Member {", "before createMember call normalizeHandle");
		waitFor(() -> !window.analysis().result().hasErrors() && shows("component:accounts")
				&& window.analysis().diagram().diagram().node("component:accounts").orElseThrow().details().contains("owns Member"));

		robot.interact(area::requestFocus);
		robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
		assertThat(window.editor().area(posts).getText()).as("one Ctrl+Z, every file").isEqualTo(postsBefore);
		assertThat(area.getText()).contains("entity User {");
	}

	@Test
	void aRunThatFailsToCompileTheHooksListsTheCompilersErrorsInProblemsAtTheirLines(FxRobot robot) throws Exception {
		Path hooks = project.resolve("hooks/PostsHooksImpl.java").toAbsolutePath().normalize();
		String broken = Files.readString(hooks).replaceFirst("return ", "return nonsense + ");
		Files.writeString(hooks, broken);
		waitFor(() -> window.editor().area(hooks).getText().equals(broken), window::logText);
		robot.clickOn("Run");
		waitFor(60, () -> window.problemsList().getItems().stream().anyMatch(d -> d.code().equals("hook-compile-error")));
		ModelDiagnostic error = window.problemsList().getItems().stream().filter(d -> d.code().equals("hook-compile-error"))
				.findFirst().orElseThrow();
		assertThat(error.file()).isEqualTo(hooks);
		assertThat(broken.lines().toList().get(error.line() - 1)).contains("nonsense");
		assertThat(error.message()).isEqualTo("javac: cannot find symbol (variable nonsense)");
		// the status is set right after Problems, in the same step of the JavaFX thread, which this thread may overtake
		waitFor(() -> window.statusText().startsWith("Run failed: "), window::statusText);
		assertThat(window.statusText()).startsWith("Run failed: ").endsWith("(see Problems)");
		robot.interact(() -> window.problemsList().getSelectionModel().select(error));
		robot.clickOn(robot.lookup(".problem-error").<Node>match(n -> String.valueOf(((javafx.scene.control.ListCell<?>) n).getText())
				.contains("hook-compile-error")).<Node>query());
		waitFor(() -> hooks.equals(window.editor().current()));
		assertThat(window.editor().area(hooks).getSelectedText()).contains("nonsense");
		screenshot(robot, window, "studio-compile-error.png");
	}

	@Test
	void savingAModelThatBreaksTheHooksJavaListsTheCompilersErrorsAndTheTreeFollowsTheEditor(FxRobot robot) throws Exception {
		Path posts = project.resolve("posts.byron").toAbsolutePath().normalize();
		CodeArea area = window.editor().area(posts);
		robot.interact(() -> window.editor().show(posts));
		waitFor(() -> "posts.byron".equals(String.valueOf(window.filesTree().getSelectionModel().getSelectedItem().getValue().getFileName())));
		String before = area.getText();
		boolean[] renamed = { true };
		robot.interact(() -> renamed[0] = window.editor().rename(posts, before.indexOf("Post {") + 1, "Bad Name"));
		assertThat(renamed[0]).as("a rename to a name the checks refuse is not made").isFalse();
		assertThat(area.getText()).isEqualTo(before);
		robot.interact(() -> window.editor().rename(posts, area.getText().indexOf("Post {") + 1, "Article"));
		waitFor(() -> !window.analysis().result().hasErrors() && area.getText().contains("entity Article {"));
		robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
		waitFor(60, () -> window.problemsList().getItems().stream().anyMatch(d -> d.code().equals("hook-compile-error")
				&& d.file().endsWith("hooks/PostsHooksImpl.java")));
		assertThat(window.problemsList().getItems()).filteredOn(d -> d.code().equals("hook-compile-error"))
				.anySatisfy(d -> assertThat(d.message()).contains("Post"));
	}

	@Test
	void enterStartsTheNewLineAtTheIndentationOfTheLineAboveAndOneDeeperAfterABrace(FxRobot robot) {
		Path posts = project.resolve("posts.byron").toAbsolutePath().normalize();
		CodeArea area = window.editor().area(posts);
		robot.interact(() -> {
			window.editor().show(posts);
			area.moveTo(area.getText().indexOf("  entity Post {") + "  entity Post {".length());
			area.requestFocus();
		});
		robot.push(KeyCode.ENTER);
		robot.write("id2: ID");
		assertThat(area.getText()).contains("  entity Post {\n    id2: ID\n    author: accounts.User!");
		robot.push(KeyCode.ENTER);
		robot.write("x: Int");
		assertThat(area.getText()).contains("    id2: ID\n    x: Int\n");
	}

	@Test
	void generateListsTheFilesItWrites(FxRobot robot) {
		robot.clickOn("Generate");
		waitFor(() -> window.logText().contains(" written, "), window::logText);
		assertThat(window.logText()).contains("written: out/components/posts/schema.graphql", "written: out/gateway.json");
		assertThat(project.resolve("out/components/timeline/asyncapi.json")).exists();
	}

	@Test
	void theDefaultViewShowsTheDiagramsTextLegiblyScrollingZoomsAndFitShowsTheWholePicture(FxRobot robot) throws IOException {
		javafx.scene.text.Text details = robot.from(node(robot, "component:posts")).lookup((Node n) -> n instanceof javafx.scene.text.Text t
				&& t.getText().startsWith("owns Post")).query();
		double onScreen = details.getFont().getSize() * details.localToScene(details.getBoundsInLocal()).getWidth()
				/ details.getBoundsInLocal().getWidth();
		assertThat(onScreen).as("font size on screen, in pixels").isGreaterThanOrEqualTo(9.0);
		screenshot(robot, window, "studio-default-zoom.png");
		double legible = window.diagramView().scale();
		robot.moveTo(node(robot, "component:posts")).scroll(3, javafx.geometry.VerticalDirection.UP);
		assertThat(window.diagramView().scale()).isNotEqualTo(legible);
		robot.clickOn("Fit");
		var picture = window.diagramView().diagram();
		assertThat(picture.width() * window.diagramView().scale()).isLessThanOrEqualTo(window.diagramView().getWidth() + 0.5);
		assertThat(picture.height() * window.diagramView().scale()).isLessThanOrEqualTo(window.diagramView().getHeight() + 0.5);
	}

	@Test
	void aPointerOnABoxLightsItsArrowsAndFadesTheOthersUntilItLeaves(FxRobot robot) throws IOException {
		var edges = window.diagramView().diagram().diagram().edges();
		String own = dev.byron.diagram.C4Diagrams.eventFlowId("accounts", "posts");
		String other = edges.stream().filter(e -> !e.from().equals("component:posts") && !e.to().equals("component:posts"))
				.findFirst().orElseThrow().id();
		robot.moveTo(node(robot, "component:posts"));
		waitFor(() -> window.diagramView().lit(own));
		screenshot(robot, window, "studio-lit-arrows.png");
		assertThat(window.diagramView().opacityOf(other)).as("an arrow of other boxes, faded").isLessThan(0.5);
		assertThat(window.diagramView().lit(other)).isFalse();
		robot.moveTo(window.diagramView().localToScreen(3, 3)); // the view's corner: the picture's title, away from every arrow
		waitFor(() -> !window.diagramView().lit(own));
		assertThat(window.diagramView().opacityOf(other)).isEqualTo(1.0);

		robot.moveTo(window.diagramView().onArrow(own)); // one tooltip for every arrow, telling the one under the pointer
		waitFor(() -> window.diagramView().arrowTip().isShowing());
		assertThat(window.diagramView().arrowTip().getText()).isEqualTo("accounts \u2192 posts\nUser (replica)");
		robot.moveTo(window.diagramView().onArrow(dev.byron.diagram.C4Diagrams.eventFlowId("posts", "timeline")));
		waitFor(() -> window.diagramView().arrowTip().isShowing()
				&& window.diagramView().arrowTip().getText().startsWith("posts \u2192 timeline\nPost (replica)"));
	}

	@Test
	void aPointerOnAStretchTwoArrowsShareLightsBothAndItsTooltipTellsBoth(FxRobot robot) {
		List<dev.byron.diagram.DiagramNode> nodes = java.util.stream.Stream.of("a", "b", "c")
				.map(id -> new dev.byron.diagram.DiagramNode("component:" + id, dev.byron.diagram.NodeKind.COMPONENT, id, "component",
						List.of(), null)).toList();
		var intoC = List.of(new dev.byron.diagram.DiagramEdge("a=>c", "component:a", "component:c", List.of(), dev.byron.diagram.EdgeKind.EVENTS, null),
				new dev.byron.diagram.DiagramEdge("b=>c", "component:b", "component:c", List.of(), dev.byron.diagram.EdgeKind.EVENTS, null));
		var box = (java.util.function.BiFunction<Double, Double, dev.byron.diagram.LaidOutDiagram.Box>) (x, y)
				-> new dev.byron.diagram.LaidOutDiagram.Box(x, y, 160, 60);
		var p = (java.util.function.BiFunction<Double, Double, dev.byron.diagram.LaidOutDiagram.Point>) dev.byron.diagram.LaidOutDiagram.Point::new;
		dev.byron.diagram.LaidOutDiagram shared = new dev.byron.diagram.LaidOutDiagram(
				new dev.byron.diagram.Diagram(dev.byron.diagram.C4Level.CONTAINERS, "shared", nodes, intoC),
				Map.of("component:a", box.apply(40.0, 40.0), "component:b", box.apply(440.0, 40.0), "component:c", box.apply(240.0, 320.0)),
				Map.of("a=>c", new dev.byron.diagram.LaidOutDiagram.Route(List.of(p.apply(120.0, 100.0), p.apply(120.0, 200.0),
						p.apply(320.0, 200.0), p.apply(320.0, 320.0)), null),
						"b=>c", new dev.byron.diagram.LaidOutDiagram.Route(List.of(p.apply(520.0, 100.0), p.apply(520.0, 200.0),
								p.apply(320.0, 200.0), p.apply(320.0, 320.0)), null)),
				700, 420);
		waitFor(() -> window.analysis() != null); // the project's own picture drawn first, not after this one
		robot.interact(() -> window.diagramView().show(shared));
		robot.moveTo(window.diagramView().onArrow("a=>c")); // the last stretch, down into c: both arrows run there
		waitFor(() -> window.diagramView().lit("a=>c") && window.diagramView().lit("b=>c"));
		// what the arrows' tooltip will show (that it shows at all: aPointerOnABoxLightsItsArrows...)
		assertThat(window.diagramView().arrowTip().getText()).contains("a \u2192 c", "b \u2192 c");
	}

	@Test
	void theEditorHighlightsTheLanguage(FxRobot robot) {
		CodeArea area = window.editor().area(project.resolve("posts.byron"));
		String text = area.getText();
		assertThat(area.getStyleAtPosition(text.indexOf("component posts") + 1)).contains("token-keyword");
		assertThat(area.getStyleAtPosition(text.indexOf("String!") + 1)).contains("token-scalar");
		assertThat(area.getStyleAtPosition(text.indexOf("@length") + 1)).contains("token-annotation");
		assertThat(area.getStyleAtPosition(text.indexOf("/**") + 1)).contains("token-comment");
	}

	@Test
	void theBackgroundMenuAddsAComponentWhereItWasOpenedAndValidateReportsTheModel(FxRobot robot) throws IOException {
		javafx.geometry.Point2D spot = roomForABox(robot);
		dev.byron.diagram.LaidOutDiagram.Point expected = window.diagramView().pictureAt(spot.getX(), spot.getY());
		robot.moveTo(spot);
		robot.clickOn(javafx.scene.input.MouseButton.SECONDARY);
		robot.clickOn("Add component\u2026");
		robot.clickOn(".dialog-pane .text-field").write("Billing");
		javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
		assertThat(dialog.lookupButton(javafx.scene.control.ButtonType.OK).isDisabled()).as("OK with a wrong name").isTrue();
		assertThat(robot.lookup(".input-problem").queryLabeled().getText())
				.isEqualTo("'Billing' cannot be a component name: use lower-case letters and digits, starting with a letter, at most 50"
						+ " characters.");
		screenshotOf(robot, dialog, "studio-name-refused.png");
		robot.interact(() -> robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class).setText("billing"));
		assertThat(robot.lookup(".input-problem").queryLabeled().getText()).isEmpty();
		robot.clickOn("OK");
		waitFor(() -> shows("component:billing"));
		var box = window.analysis().diagram().boxes().get("component:billing"); // drawn first with its middle where the menu was
		assertThat(box.x() + box.width() / 2).as(box + " for " + expected).isCloseTo(expected.x(), org.assertj.core.api.Assertions.within(1.0));
		assertThat(box.y() + box.height() / 2).as(box + " for " + expected).isCloseTo(expected.y(), org.assertj.core.api.Assertions.within(1.0));
		Path billing = window.editor().current();
		assertThat(billing.getFileName()).as("a new component gets a file of its own").hasToString("billing.byron");
		assertThat(window.editor().area(billing).getText()).isEqualTo("component billing {\n}\n");
		robot.clickOn("Validate");
		waitFor(() -> window.logText().contains("system microblog: 8 files, 6 components"), window::logText);
		assertThat(billing).as("written on Save, not before").doesNotExist();
		robot.interact(() -> window.save());
		assertThat(billing).hasContent("component billing {\n}");
	}

	@Test
	void draggingTheBackgroundPans(FxRobot robot) {
		javafx.geometry.Point2D before = window.diagramView().offset();
		robot.moveTo(emptyDiagramSpot(robot));
		robot.drag(javafx.scene.input.MouseButton.PRIMARY).moveBy(-120, -80).release(javafx.scene.input.MouseButton.PRIMARY);
		javafx.geometry.Point2D after = window.diagramView().offset();
		assertThat(after.getX()).isLessThan(before.getX() - 50);
		assertThat(after.getY()).isLessThan(before.getY() - 30);
	}

	/** Turns {@code author: accounts.User!} into {@code accounts.Usr!} and waits for the error it makes. */
	private CodeArea misspellThePostsAuthorsType(FxRobot robot) {
		Path posts = project.resolve("posts.byron").toAbsolutePath().normalize();
		CodeArea area = window.editor().area(posts);
		robot.interact(() -> {
			window.editor().show(posts);
			int at = area.getText().indexOf("accounts.User!");
			area.replaceText(at, at + "accounts.User".length(), "accounts.Usr");
		});
		waitFor(() -> window.analysis().result().hasErrors());
		return area;
	}

	@Test
	void hoveringAnUnderlinedErrorShowsItsMessage(FxRobot robot) throws Exception {
		CodeArea area = misspellThePostsAuthorsType(robot);
		int offset = area.getText().indexOf("accounts.Usr") + 4;
		assertThat(area.getStyleAtPosition(offset + 1)).contains("diagnostic-error");
		javafx.geometry.Bounds bounds = WaitForAsyncUtils.asyncFx(() -> area.getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow()).get();
		robot.moveTo(new javafx.geometry.Point2D(bounds.getMinX() + 2, bounds.getMinY() + bounds.getHeight() / 2));
		waitFor(() -> window.editor().hover().isShowing());
		assertThat(window.editor().hover().getText()).contains("Did you mean 'accounts.User'?").contains("Alt+Enter: quick fix");
	}

	@Test
	void altEnterOffersTheLanguageServersQuickFixAndApplyingItRepairsTheModelInOneUndoableEdit(FxRobot robot) throws Exception {
		CodeArea area = misspellThePostsAuthorsType(robot);
		robot.interact(() -> {
			area.moveTo(area.getText().indexOf("accounts.Usr") + 4);
			area.requestFocus();
		});
		robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER,
				javafx.scene.input.KeyCode.ALT);
		waitFor(() -> window.editor().fixMenu().isShowing());
		assertThat(window.editor().fixMenu().getItems()).extracting(i -> ((javafx.scene.control.Label) ((javafx.scene.control.CustomMenuItem) i).getContent()).getText())
				.as("the fix says what it writes").containsExactly("Change to 'accounts.User'");
		screenshot(robot, window, "studio-quick-fix.png");
		robot.push(KeyCode.ENTER); // the first fix is chosen already
		waitFor(() -> !window.analysis().result().hasErrors(), () -> window.analysis().result().diagnostics().toString());
		assertThat(area.getText()).contains("accounts.User!").doesNotContain("accounts.Usr");
	}

	@Test
	void f12AndCtrlClickOnAReferenceShowItsDeclarationInItsOwnFile(FxRobot robot) throws Exception {
		Path posts = project.resolve("posts.byron");
		CodeArea area = window.editor().area(posts);
		int reference = area.getText().indexOf("accounts.User") + "accounts.".length() + 1;
		robot.interact(() -> {
			window.editor().show(posts);
			area.moveTo(reference);
			area.requestFocus();
		});
		robot.push(KeyCode.F12);
		Path accounts = project.resolve("accounts.byron");
		waitFor(() -> accounts.equals(window.editor().current()));
		CodeArea declared = window.editor().area(accounts);
		assertThat(declared.getSelectedText()).isEqualTo("User");
		assertThat(declared.getText().substring(0, declared.getSelection().getStart())).endsWith("entity ");

		robot.interact(() -> window.editor().show(posts));
		javafx.geometry.Bounds bounds = WaitForAsyncUtils.asyncFx(() -> area.getCharacterBoundsOnScreen(reference, reference + 1).orElseThrow()).get();
		robot.interact(() -> declared.selectRange(0, 0));
		robot.moveTo(new javafx.geometry.Point2D(bounds.getMinX() + 2, bounds.getMinY() + bounds.getHeight() / 2));
		robot.press(KeyCode.CONTROL).clickOn(javafx.scene.input.MouseButton.PRIMARY).release(KeyCode.CONTROL);
		waitFor(() -> accounts.equals(window.editor().current()) && "User".equals(declared.getSelectedText()));
	}

	@Test
	void ctrlFFindsTextInTheFileShownAndEnterGoesToTheNextMatch(FxRobot robot) throws IOException {
		Path posts = project.resolve("posts.byron");
		CodeArea area = window.editor().area(posts);
		robot.interact(() -> {
			window.editor().show(posts);
			area.moveTo(0);
			area.requestFocus();
		});
		robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
		waitFor(() -> window.editor().findBar().field().isFocused());
		robot.write("likecount");
		waitFor(() -> "likeCount".equals(area.getSelectedText()));
		int first = area.getSelection().getStart();
		assertThat(first).isEqualTo(area.getText().indexOf("likeCount"));
		screenshot(robot, window, "studio-find.png");
		robot.write(": ");
		waitFor(() -> "likeCount: ".equals(area.getSelectedText()));
		robot.interact(() -> window.editor().findBar().field().setText("like"));
		robot.push(KeyCode.ENTER);
		waitFor(() -> area.getSelection().getStart() > first);
		assertThat(area.getSelectedText()).isEqualToIgnoringCase("like");
		robot.push(KeyCode.ESCAPE);
		waitFor(() -> !window.editor().findBar().isVisible() && area.isFocused());
	}

	@Test
	void theOutlineListsEachComponentsDeclarationsAndClickingOneShowsIt(FxRobot robot) {
		waitFor(() -> window.outline().getRoot().getChildren().size() == 5);
		var posts = window.outline().getRoot().getChildren().stream()
				.filter(item -> item.getValue().label().equals("component posts")).findFirst().orElseThrow();
		assertThat(posts.getChildren()).extracting(item -> item.getValue().label()).containsExactly("entity Post",
				"replicate accounts.User", "on likes.LikeCreated call countLike", "on likes.LikeDeleted call uncountLike",
				"query postsByAuthor");
		robot.interact(() -> {
			posts.setExpanded(true);
			window.outline().getSelectionModel().select(posts.getChildren().get(4));
		});
		Path file = project.resolve("posts.byron");
		waitFor(() -> file.equals(window.editor().current()));
		assertThat(window.editor().area(file).getSelectedText()).startsWith("query postsByAuthor(").doesNotContain("\n");

		typeAtTheEndOf(robot, "posts.byron", "\n// a comment\n");
		waitFor(() -> window.outline().getRoot().getChildren().stream()
				.anyMatch(item -> item.getValue().label().equals("component posts") && item.isExpanded()));
	}

	@Test
	void completesOnCtrlSpaceWithTheLanguageServersProposals(FxRobot robot) {
		Path posts = project.resolve("posts.byron");
		CodeArea area = window.editor().area(posts);
		robot.interact(() -> {
			window.editor().show(posts);
			area.moveTo(area.getText().indexOf("  replicate"));
		});
		robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
		waitFor(() -> window.editor().completionMenu().isShowing());
		assertThat(window.editor().completionMenu().getItems()).extracting(i -> ((javafx.scene.control.Label)
				((javafx.scene.control.CustomMenuItem) i).getContent()).getText().split(" ")[0])
				.contains("entity", "replicate", "on", "query");
		String first = ((javafx.scene.control.Label) ((javafx.scene.control.CustomMenuItem) window.editor().completionMenu().getItems()
				.get(0)).getContent()).getText().split(" ")[0];
		String before = area.getText();
		robot.push(KeyCode.ENTER);
		waitFor(() -> !area.getText().equals(before));
		assertThat(area.getText()).as("Enter takes the first proposal, chosen already").contains("\n" + first + "  replicate");
	}

	@Test
	void diagnosticsAreListedAndExplainedOnHover(FxRobot robot) {
		Path posts = project.resolve("posts.byron");
		CodeArea area = window.editor().area(posts);
		robot.interact(() -> area.replaceText(area.getText().indexOf("accounts.User!"),
				area.getText().indexOf("accounts.User!") + "accounts.User".length(), "accounts.Usr"));
		waitFor(() -> window.analysis().result().hasErrors());
		int offset = area.getText().indexOf("accounts.Usr");
		assertThat(window.editor().messageAt(posts, offset + 3)).contains("Unknown type 'accounts.Usr'. Did you mean 'accounts.User'?",
				"[unknown-type]");
		waitFor(() -> robot.lookup(".list-cell").<Node>queryAll().stream()
				.anyMatch(cell -> cell.getStyleClass().contains("problem-error")));
	}

	@Test
	void theComponentLevelOpensOnTheComponentTheCaretIsIn(FxRobot robot) {
		Path posts = project.resolve("posts.byron").toAbsolutePath().normalize();
		waitFor(() -> window.analysis() != null);
		robot.interact(() -> {
			String text = window.editor().area(posts).getText();
			window.editor().select(posts, text.indexOf("entity Post"), 0);
		});
		robot.interact(() -> window.levelChoice().setValue(C4Level.COMPONENT));
		waitFor(() -> window.analysis().diagram().diagram().level() == C4Level.COMPONENT);
		assertThat(window.analysis().diagram().diagram().title()).as("posts, not accounts, the first by name").endsWith("component posts");
	}

	@Test
	void exportsTheDiagramAndShowsEachLevel(FxRobot robot) throws Exception {
		window.export(SCREENSHOTS.resolve("studio-export.svg"));
		window.export(SCREENSHOTS.resolve("studio-export.png"));
		assertThat(Files.readString(SCREENSHOTS.resolve("studio-export.svg"))).contains("microblog: Containers");
		assertThat(ImageIO.read(SCREENSHOTS.resolve("studio-export.png").toFile()).getWidth()).isGreaterThan(500);
		for (C4Level level : C4Level.values()) {
			robot.interact(() -> window.levelChoice().setValue(level));
			waitFor(() -> window.analysis().diagram().diagram().level() == level);
			robot.interact(() -> window.diagramView().fit());
			WaitForAsyncUtils.waitForFxEvents();
			screenshot(robot, window, "studio-" + level.name().toLowerCase() + ".png");
		}
	}

	@Test
	void runStartsTheSystemShowsItsServicesAndStops(FxRobot robot) throws Exception {
		int port = runOnAFreePort(robot);
		waitFor(60, () -> window.isRunning() && window.servicesList().getItems().size() == 6 && !opened.isEmpty());
		assertThat(window.servicesList().getItems()).contains("timeline   running");
		assertThat(opened).containsExactly("http://127.0.0.1:" + port + "/graphql");
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(opened.get(0)))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ users { nodes { id } } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.body()).contains("\"users\"");
		robot.clickOn("Stop");
		waitFor(30, () -> !window.isRunning() && window.servicesList().getItems().isEmpty());
		waitFor(() -> !window.statusText().contains("running at"));
		assertThat(robot.lookup("Deploy").queryButton().isFocused()).as("a stray Enter starts no deploy").isFalse();
	}

	@Test
	void whileRunningEachBoxShowsItsStateEachFlowItsRateAndABoxStopsItsComponentAndShowsItsDeadLetters(FxRobot robot)
			throws Exception {
		robot.interact(() -> {
			stage.setWidth(1500); // the size of the picture in docs/studio.md, whatever an earlier test left
			stage.setHeight(920);
		});
		int port = runOnAFreePort(robot);
		waitFor(60, () -> "running".equals(window.diagramView().liveText("live:component:timeline")));
		String flow = "rate:component:posts=>component:timeline";
		waitFor(() -> "0.0/s".equals(window.diagramView().liveText(flow)));

		String user = graphql(port, "mutation { createUser(input: {handle: \"ada\", name: \"Ada\"}) { id } }")
				.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
		java.util.concurrent.atomic.AtomicBoolean posting = new java.util.concurrent.atomic.AtomicBoolean(true);
		Thread poster = new Thread(() -> {
			while (posting.get()) {
				try {
					graphql(port, "mutation { createPost(input: {author: \"" + user + "\", text: \"hi\"}) { id } }");
				} catch (Exception e) {
					return;
				}
			}
		});
		poster.start();
		try {
			waitFor(30, () -> {
				String rate = window.diagramView().liveText(flow);
				return rate != null && !rate.equals("0.0/s");
			});
			robot.clickOn("Fit");
			screenshot(robot, window, "studio-live.png");
		} finally {
			posting.set(false);
			poster.join();
		}

		var broker = window.runningSystem().broker("posts");
		broker.jetStream().publish(broker.names().entitySubject("posts", "Post", "garbage"), "{not an event".getBytes());
		waitFor(30, () -> String.valueOf(window.diagramView().liveText("live:component:timeline")).equals("failing, 1 dead letter"));
		robot.rightClickOn(node(robot, "component:timeline"));
		robot.clickOn("Dead letters of timeline\u2026");
		waitFor(() -> robot.lookup(".dead-letter-event").tryQuery().isPresent());
		Node letter = robot.lookup(".list-cell").<Node>match(n -> String.valueOf(((javafx.scene.control.ListCell<?>) n).getText())
				.contains("Undecodable")).query();
		robot.clickOn(letter);
		assertThat(robot.lookup(".dead-letter-event").queryAs(javafx.scene.control.TextArea.class).getText()).isEqualTo("{not an event");
		robot.clickOn("Drop");
		robot.clickOn("Close");
		waitFor(30, () -> "running".equals(window.diagramView().liveText("live:component:timeline")));

		robot.rightClickOn(node(robot, "component:social"));
		robot.clickOn("Stop social");
		waitFor(30, () -> "stopped".equals(window.diagramView().liveText("live:component:social")));
		assertThat(window.servicesList().getItems()).contains("social   stopped");
		robot.rightClickOn(node(robot, "component:social"));
		robot.clickOn("Start social");
		waitFor(30, () -> "running".equals(window.diagramView().liveText("live:component:social")));
		robot.clickOn("Stop");
		waitFor(30, () -> !window.isRunning() && window.diagramView().liveText("live:component:social") == null);
	}

	/** Clicks Run with the gateway on a port free a moment ago; returns the port. */
	private int runOnAFreePort(FxRobot robot) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		robot.interact(() -> window.setRunPort(port));
		robot.clickOn("Run");
		return port;
	}

	private static String graphql(int port, String query) throws Exception {
		String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("query", query));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	/** A point of the diagram view left of the picture, where there is no box. */
	/** A point of the diagram in view, on the screen, with room for a box around it (and away from the picture's edge). */
	private javafx.geometry.Point2D roomForABox(FxRobot robot) {
		javafx.geometry.Bounds view = window.diagramView().localToScreen(window.diagramView().getBoundsInLocal());
		var boxes = window.analysis().diagram().boxes().values();
		for (double y = view.getMinY() + 80; y < view.getMaxY() - 80; y += 20) {
			for (double x = view.getMinX() + 140; x < view.getMaxX() - 140; x += 20) {
				var at = window.diagramView().pictureAt(x, y);
				if (at.x() > 180 && at.y() > 100 && boxes.stream().noneMatch(b -> at.x() > b.x() - 140 && at.x() < b.x() + b.width() + 140
						&& at.y() > b.y() - 80 && at.y() < b.y() + b.height() + 80)) {
					return new javafx.geometry.Point2D(x, y);
				}
			}
		}
		throw new AssertionError("no room for a box in view");
	}

	private javafx.geometry.Point2D emptyDiagramSpot(FxRobot robot) {
		return robot.point(window.diagramView()).atPosition(javafx.geometry.Pos.TOP_LEFT)
				.atOffset(new javafx.geometry.Point2D(12, 150)).query();
	}

	/** Whether the window's current analysis, which it publishes once fully shown, has this box. */
	private boolean shows(String id) {
		Analysis analysis = window.analysis();
		return analysis != null && analysis.diagram().diagram().node(id).isPresent();
	}

	/** A box of the diagram, brought into view first (the default zoom shows the top of a tall picture). */
	private Node node(FxRobot robot, String id) {
		robot.interact(() -> window.diagramView().reveal(id));
		return robot.lookup(n -> ("node:" + id).equals(n.getId())).query();
	}

	private static void screenshot(FxRobot robot, StudioWindow window, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
		robot.interact(() -> image[0] = window.getScene().snapshot(null));
		BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
		ImageIO.write(buffered, "png", SCREENSHOTS.resolve(name).toFile());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			return e.toString();
		}
	}

	private static void screenshotOf(FxRobot robot, javafx.scene.Node node, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
		robot.interact(() -> image[0] = node.getScene().snapshot(null));
		ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", SCREENSHOTS.resolve(name).toFile());
	}

	private static void waitFor(BooleanSupplier condition) {
		waitFor(20, condition);
	}

	private static void waitFor(BooleanSupplier condition, java.util.function.Supplier<String> explain) {
		try {
			waitFor(20, condition);
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + ": " + explain.get(), e);
		}
	}

	private static void waitFor(int seconds, BooleanSupplier condition) {
		try {
			WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
		} catch (java.util.concurrent.TimeoutException e) {
			throw new AssertionError("condition not met within " + seconds + " s", e);
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
			for (Path source : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else {
					Files.copy(source, target);
				}
			}
		}
	}
}
