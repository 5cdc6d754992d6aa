package dev.byron.modeler.studio;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.byron.deployer.local.LocalOptions;
import dev.byron.deployer.local.LocalSystem;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.ModelEdits;
import dev.byron.dsl.api.Severity;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.generator.kubernetes.DeploymentSettings;
import dev.byron.diagram.C4Level;
import dev.byron.diagram.DiagramExport;
import dev.byron.diagram.DiagramNode;
import dev.byron.diagram.NodeKind;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * Byron Studio's window: the files, the model text, its C4 diagram (live both ways), the problems, the
 * running services and a log; a toolbar for Validate, Generate, Run, Stop and Deploy.
 */
public final class StudioWindow extends BorderPane {
	private final Project project;
	private final StudioCore core;
	private final ModelEditor editor;
	private final DiagramView diagram = new DiagramView();
	private final TreeView<Path> files = new TreeView<>();
	private final Outline outline = new Outline(this::reveal);
	private final ListView<ModelDiagnostic> problems = new ListView<>();
	private final ContextMenu problemMenu = new ContextMenu();
	private final ListView<String> services = new ListView<>();
	private final TextArea log = new TextArea();
	private final Tab logTab = new Tab("Log", log);
	private final TabPane bottom = new TabPane();
	private final Label status = new Label();
	private final ProgressIndicator busy = new ProgressIndicator();
	private final ChoiceBox<C4Level> level = new ChoiceBox<>(FXCollections.observableArrayList(C4Level.values()));
	/**
	 * A combo box, not a choice box: a choice box rebuilds its whole menu for each name added (0.4 s for 200
	 * components at every change of the list) and shows them all at once; a combo box scrolls a list.
	 */
	private final ComboBox<String> component = new ComboBox<>();
	private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
	private final Consumer<String> browser;
	private volatile Analysis analysis;
	/** What the last failed Run said of the project's files (the compiler's errors in hooks/), until the next job. */
	private final javafx.collections.ObservableList<ModelDiagnostic> runProblems = FXCollections.observableArrayList();
	private int runPort = LocalOptions.DEFAULT_PORT;
	private Timeline serviceRefresh;
	final Button validateButton = new Button("Validate");
	final Button generateButton = new Button("Generate");
	final Button runButton = new Button("Run");
	final Button stopButton = new Button("Stop");
	final Button deployButton = new Button("Deploy");

	public StudioWindow(Project project, Consumer<String> browser) {
		this.project = project;
		this.browser = browser;
		this.core = new StudioCore(project, Platform::runLater, new StudioCore.Listener() {
			@Override
			public void log(String line) {
				StudioWindow.this.log(line);
			}

			@Override
			public void busy(boolean going) {
				busy.setVisible(going);
			}

			@Override
			public void failed(String job, String reason) {
				StudioWindow.this.failed(job, reason);
			}
		});
		this.editor = new ModelEditor(project, (file, text) -> {
			files.refresh(); // the modified marker
			runProblems.removeIf(d -> d.file().equals(file)); // what the compiler said of this text is stale now
			debounce.playFromStart();
		});
		getStyleClass().add("studio");
		debounce.setOnFinished(e -> analyse());
		setTop(toolbar());
		setCenter(body());
		setBottom(status);
		status.getStyleClass().add("status");
		editor.setStudioFixes(this::hookFixes);
		diagram.setOnSelect(this::selectText);
		diagram.setOnOpen(this::editText);
		editor.setOnCaret(this::markInDiagram);
		diagram.setOnConnect(this::askToSubscribe);
		diagram.setOnMove(this::moved);
		diagram.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
			if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
				showDiagramMenu(diagram.nodeAt(e.getSceneX(), e.getSceneY()), e.getScreenX(), e.getScreenY());
			}
		});
		level.setConverter(new javafx.util.StringConverter<>() {
			@Override
			public String toString(C4Level value) {
				return value == null ? "" : value.title();
			}

			@Override
			public C4Level fromString(String text) {
				return C4Level.parse(text);
			}
		});
		level.setValue(C4Level.CONTAINERS);
		component.disableProperty().bind(level.valueProperty().isNotEqualTo(C4Level.COMPONENT));
		component.setVisibleRowCount(15);
		component.getProperties().put("comboBoxRowsToMeasureWidth", 30); // not every name: the first 30 set its width
		level.valueProperty().addListener((obs, old, value) -> {
			String holding = value == C4Level.COMPONENT ? componentAtCaret() : null;
			if (holding != null && component.getItems().contains(holding)) {
				component.setValue(holding); // the component the caret is in, rather than the first by name
			}
			analyse();
		});
		component.valueProperty().addListener((obs, old, value) -> {
			if (value != null && level.getValue() == C4Level.COMPONENT) {
				analyse();
			}
		});
		editor.show(project.mainFile());
		sceneProperty().addListener((obs, old, scene) -> {
			if (scene != null) {
				scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.S,
						javafx.scene.input.KeyCombination.SHORTCUT_DOWN), this::save);
				// the text's own keys undo in the text; these reach the window from the picture (a box just moved)
				scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Z,
						javafx.scene.input.KeyCombination.SHORTCUT_DOWN), this::undo);
				scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Y,
						javafx.scene.input.KeyCombination.SHORTCUT_DOWN), this::redo);
			}
		});
		try {
			disk = new DiskWatcher(project.folder(), this::reloadFromDisk);
		} catch (IOException e) {
			log("Changes made outside the studio will not be noticed: " + e.getMessage());
		}
		analyse();
	}

	private DiskWatcher disk;

	/** A box dropped away from the others: the view keeps every box where it is, and this one where it was put. */
	private void moved(DiagramNode node, dev.byron.diagram.LaidOutDiagram.Point to) {
		Analysis shown = analysis;
		if (shown != null) {
			var before = shown.diagram().boxes().get(node.id());
			if (before != null) {
				moves.moved(node.id(), new dev.byron.diagram.LaidOutDiagram.Point(before.x(), before.y()), to, editor.edits());
			}
			core.moved(shown.diagram(), node.id(), to);
			analyse();
		}
	}

	private final MoveHistory moves = new MoveHistory();

	/** Takes back the last move of a box, if nothing was typed since; else the last edit of the text. */
	void undo() {
		moves.undo(editor.edits()).ifPresentOrElse(step -> placeBox(step.id(), step.from()), editor::undo);
	}

	/** Makes the last move taken back again, if nothing was typed since; else the text's redo. */
	void redo() {
		moves.redo(editor.edits()).ifPresentOrElse(step -> placeBox(step.id(), step.to()), editor::redo);
	}

	private void placeBox(String id, dev.byron.diagram.LaidOutDiagram.Point at) {
		Analysis shown = analysis;
		if (shown != null && shown.diagram().boxes().containsKey(id)) {
			core.moved(shown.diagram(), id, at);
			analyse();
		}
	}

	/**
	 * Reads again the files changed on disk: those not modified here are shown anew; for those modified on both
	 * sides, the user keeps theirs or takes the disk's.
	 */
	void reloadFromDisk() {
		try {
			Project.Reloaded reloaded = project.reload();
			reloaded.reloaded().forEach(editor::readAgain);
			if (!reloaded.reloaded().isEmpty()) {
				log("Read again, changed on disk: " + reloaded.reloaded().stream().map(project::relative).toList() + ".");
			}
			reloaded.merged().forEach(editor::reloaded);
			if (!reloaded.merged().isEmpty()) {
				log("Changed on disk on other lines than edited here, both changes kept (the next save writes them): "
						+ reloaded.merged().stream().map(project::relative).toList() + ".");
			}
			for (Path file : reloaded.conflicts()) {
				if (ChangedOnDisk.keepMine(getScene() == null ? null : getScene().getWindow(), project.relative(file))) {
					project.keepMine(file);
					log(project.relative(file) + " changed on disk; kept the studio's text, which the next save writes.");
				} else {
					project.takeDisk(file);
					if (project.files().contains(file)) {
						editor.reloaded(file);
						log(project.relative(file) + " changed on disk; took the disk's text.");
					} else {
						editor.forget(file);
						log(project.relative(file) + " was deleted on disk; let it go, with the edits made here.");
					}
				}
			}
			if (!reloaded.added().isEmpty()) {
				log("New on disk: " + reloaded.added().stream().map(project::relative).toList() + ".");
			}
			if (!reloaded.deleted().isEmpty()) {
				reloaded.deleted().forEach(editor::forget);
				log("Deleted on disk, no longer part of the model: " + reloaded.deleted().stream().map(project::relative).toList() + ".");
			}
			if (!reloaded.added().isEmpty() || !reloaded.deleted().isEmpty()
					|| reloaded.conflicts().stream().anyMatch(file -> !project.files().contains(file))) {
				fillTree();
			}
			files.refresh();
			if (!reloaded.isEmpty()) {
				analyse();
			}
		} catch (IOException e) {
			log("Could not read the changes on disk: " + e.getMessage());
		}
	}

	/**
	 * Before the window closes: true when it may (nothing unsaved, all saved, or the user drops the changes),
	 * false when the user cancels or a file could not be saved.
	 */
	public boolean confirmClose() {
		List<Path> modified = project.modifiedFiles();
		if (modified.isEmpty()) {
			return true;
		}
		return switch (UnsavedChanges.ask(getScene().getWindow(), modified.stream().map(project::relative).toList(),
				"close Byron Studio", true)) {
			case SAVE -> save();
			case DISCARD -> true;
			case CANCEL -> false;
		};
	}

	/** Before an action that reads the files on disk: true when nothing is unsaved or the user saved it all. */
	private boolean savedFirst(String action) {
		List<Path> modified = project.modifiedFiles();
		if (modified.isEmpty()) {
			return true;
		}
		return UnsavedChanges.ask(getScene().getWindow(), modified.stream().map(project::relative).toList(), action,
				false) == UnsavedChanges.Choice.SAVE && save();
	}

	private ToolBar toolbar() {
		validateButton.setOnAction(e -> validate());
		generateButton.setOnAction(e -> generate());
		runButton.setOnAction(e -> run());
		stopButton.setOnAction(e -> stop());
		stopButton.setDisable(true);
		deployButton.setOnAction(e -> deploy());
		Button fit = new Button("Fit");
		fit.setOnAction(e -> diagram.fit());
		Button exportButton = new Button("Export\u2026");
		exportButton.setOnAction(e -> askToExport());
		Button undo = new Button("Undo");
		undo.setOnAction(e -> undo());
		Button redo = new Button("Redo");
		redo.setOnAction(e -> redo());
		Button save = new Button("Save");
		save.setOnAction(e -> save());
		busy.setVisible(false);
		busy.setPrefSize(18, 18);
		Region spacer = new Region();
		HBox.setHgrow(spacer, Priority.ALWAYS);
		return new ToolBar(save, undo, redo, new Separator(), validateButton, generateButton, runButton, stopButton,
				deployButton, busy, spacer, new Label("Level"), level, new Label("Component"), component, fit, exportButton);
	}

	/** The file the editor shows, chosen in the tree (its folders opened): the two never disagree on which file is being edited. */
	private void markInTree(Path file) {
		TreeItem<Path> item = treeItem(files.getRoot(), file);
		if (item != null && files.getSelectionModel().getSelectedItem() != item) {
			for (TreeItem<Path> folder = item.getParent(); folder != null; folder = folder.getParent()) {
				folder.setExpanded(true);
			}
			files.getSelectionModel().select(item);
		}
	}

	/** The tree's item of a file or folder under {@code from}, or null. */
	private static TreeItem<Path> treeItem(TreeItem<Path> from, Path path) {
		if (from == null || from.getValue().equals(path)) {
			return from;
		}
		for (TreeItem<Path> child : from.getChildren()) {
			TreeItem<Path> found = treeItem(child, path);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** The folders of the tree the user closed: closed again when the tree is filled again. */
	private final java.util.Set<Path> closedFolders = new java.util.HashSet<>();

	/**
	 * The project's documents in the tree, as file lists show one (as the web studio's does): in each folder its
	 * sub-folders first, by name, then its files in the project's order (the model's, then the Java files); a folder
	 * holding only one folder is one item (hooks/src/main/java).
	 */
	private void fillTree() {
		TreeItem<Path> rootItem = new TreeItem<>(project.folder());
		rootItem.setExpanded(true);
		java.util.Map<Path, TreeItem<Path>> folders = new java.util.HashMap<>();
		folders.put(project.folder(), rootItem);
		for (Path file : project.files()) {
			folderItem(file.getParent(), folders).getChildren().add(new TreeItem<>(file));
		}
		treeFolders = java.util.Set.copyOf(folders.keySet());
		inTreeOrder(rootItem);
		files.setRoot(rootItem);
		if (editor != null && editor.current() != null) {
			markInTree(editor.current());
		}
	}

	/** The tree's item of a folder, made (closed if the user closed it) with the items of its parents as needed. */
	private TreeItem<Path> folderItem(Path folder, java.util.Map<Path, TreeItem<Path>> folders) {
		TreeItem<Path> item = folders.get(folder);
		if (item == null) {
			item = new TreeItem<>(folder);
			item.setExpanded(!closedFolders.contains(folder));
			item.expandedProperty().addListener((obs, was, open) -> {
				if (open) {
					closedFolders.remove(folder);
				} else {
					closedFolders.add(folder);
				}
			});
			folders.put(folder, item);
			folderItem(folder.getParent(), folders).getChildren().add(item);
		}
		return item;
	}

	/** Sub-folders first, by name, then the files as listed; a folder holding one folder only made one item with it. */
	private void inTreeOrder(TreeItem<Path> folder) {
		for (int i = 0; i < folder.getChildren().size(); i++) {
			TreeItem<Path> child = folder.getChildren().get(i);
			while (isFolder(child) && child.getChildren().size() == 1 && isFolder(child.getChildren().get(0))) {
				TreeItem<Path> only = child.getChildren().get(0);
				folder.getChildren().set(i, only);
				child = only;
			}
			if (isFolder(child)) {
				inTreeOrder(child);
			}
		}
		java.util.List<TreeItem<Path>> ordered = new java.util.ArrayList<>(folder.getChildren());
		ordered.sort(java.util.Comparator.comparing((TreeItem<Path> item) -> !isFolder(item))
				.thenComparing(item -> isFolder(item) ? item.getValue().toString() : ""));
		folder.getChildren().setAll(ordered);
	}

	private java.util.Set<Path> treeFolders = java.util.Set.of();

	private boolean isFolder(TreeItem<Path> item) {
		return treeFolders.contains(item.getValue());
	}

	/** The quick fixes of the selected problem, in a menu (a menu without items would not show: "No quick fix"). */
	private void showProblemMenu(double screenX, double screenY) {
		problemMenu.getItems().clear();
		ModelDiagnostic d = problems.getSelectionModel().getSelectedItem();
		if (d != null) {
			for (QuickFixes.Fix fix : editor.fixesFor(d)) {
				MenuItem item = new MenuItem(fix.title());
				item.setOnAction(a -> editor.apply(fix.edits()));
				problemMenu.getItems().add(item);
			}
		}
		if (problemMenu.getItems().isEmpty()) {
			MenuItem none = new MenuItem("No quick fix");
			none.setDisable(true);
			problemMenu.getItems().add(none);
		}
		problemMenu.show(problems, screenX, screenY);
	}

	private final ContextMenu fileMenu = new ContextMenu();

	/** The tree's menu: a new model file; the selected model file renamed or deleted. */
	private void showFileMenu(double screenX, double screenY) {
		MenuItem made = new MenuItem("New file\u2026");
		made.setOnAction(a -> ask("New file", "Model file (e.g. billing.byron, or orders/billing.byron):", "", this::newFileProblem)
				.ifPresent(this::newFile));
		fileMenu.getItems().setAll(made);
		TreeItem<Path> selected = files.getSelectionModel().getSelectedItem();
		Path file = selected == null ? null : selected.getValue();
		if (file != null && Project.isModel(file) && project.files().contains(file)) {
			String name = project.relative(file);
			MenuItem rename = new MenuItem("Rename " + name + "\u2026");
			rename.setOnAction(a -> ask("Rename file", "Rename " + name + " to:", name, this::newFileProblem)
					.ifPresent(to -> renameFile(file, to)));
			MenuItem delete = new MenuItem("Delete " + name);
			delete.setOnAction(a -> deleteFile(file));
			fileMenu.getItems().addAll(rename, delete);
		}
		fileMenu.show(files, screenX, screenY);
	}

	private java.util.Optional<String> newFileProblem(String name) {
		return java.util.Optional.ofNullable(project.newFile(name).problem());
	}

	/** Makes a new, empty model file, listed and shown (the next save writes it once it has text); null for a refused name. */
	Path newFile(String name) {
		Project.NewFile made = project.newFile(name);
		Path file = made.file();
		if (file == null) {
			log(made.problem());
			return null;
		}
		project.make(file);
		fillTree();
		editor.show(file);
		return file;
	}

	/** Moves a model file's text into a new file, emptying it (the save deletes it): one change, one Ctrl+Z. */
	void renameFile(Path file, String to) {
		String text = project.text(file);
		Path moved = newFile(to);
		if (moved != null) {
			editor.apply(List.of(new dev.byron.dsl.api.TextEdit(moved, 0, 0, text),
					new dev.byron.dsl.api.TextEdit(file, 0, text.length(), "")));
			log(project.relative(file) + " moved to " + project.relative(moved) + "; the next save writes it and deletes "
					+ project.relative(file) + " (Ctrl+Z takes it back).");
		}
	}

	/** Empties a model file (Ctrl+Z brings its text back); the next save deletes it. */
	void deleteFile(Path file) {
		editor.apply(List.of(new dev.byron.dsl.api.TextEdit(file, 0, project.text(file).length(), "")));
		log(project.relative(file) + " emptied: the next save deletes it (Ctrl+Z brings its text back).");
	}

	/** A missing hook's fix: its stub written into the class that lacks it, as one undoable edit. */
	private List<QuickFixes.Fix> hookFixes(ModelDiagnostic diagnostic) {
		return core.hookFixes(analysis, diagnostic);
	}

	private SplitPane body() {
		fillTree();
		files.setCellFactory(tree -> new javafx.scene.control.TreeCell<>() {
			@Override
			protected void updateItem(Path item, boolean empty) {
				super.updateItem(item, empty);
				boolean modified = !empty && item != null && !item.equals(project.folder()) && project.isModified(item);
				TreeItem<Path> parent = empty || getTreeItem() == null ? null : getTreeItem().getParent();
				// a file or folder by its name in its folder (a folder made one with its only folder: both names)
				setText(empty || item == null ? null
						: item.equals(project.folder()) || parent == null ? item.getFileName().toString()
								: parent.getValue().relativize(item).toString().replace('\\', '/') + (modified ? " \u2022" : ""));
				getStyleClass().remove("modified");
				if (modified) {
					getStyleClass().add("modified");
				}
			}
		});
		files.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
			if (item != null && project.files().contains(item.getValue()) && !item.getValue().equals(editor.current())) {
				editor.show(item.getValue());
			}
		});
		editor.setOnShow(this::markInTree);
		files.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> { // as the problems' menu, on the release
			if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
				double x = e.getScreenX();
				double y = e.getScreenY();
				Platform.runLater(() -> showFileMenu(x, y)); // once the click has selected its row
			}
		});
		files.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
			if (e.getCode() == javafx.scene.input.KeyCode.CONTEXT_MENU || e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.F10) {
				javafx.scene.Node cell = files.lookupAll(".tree-cell").stream()
						.filter(n -> n instanceof javafx.scene.control.TreeCell<?> c && c.getTreeItem() != null
								&& c.getTreeItem() == files.getSelectionModel().getSelectedItem())
						.findFirst().orElse(files);
				javafx.geometry.Bounds at = cell.localToScreen(cell.getBoundsInLocal());
				showFileMenu(at.getMinX() + 16, at.getMaxY()); // under the selected file
				e.consume();
			}
		});
		problems.setCellFactory(list -> new ListCell<>() {
			@Override
			protected void updateItem(ModelDiagnostic item, boolean empty) {
				super.updateItem(item, empty);
				setText(empty || item == null ? null : item.format(project.folder()));
				getStyleClass().removeAll("problem-error", "problem-warning");
				if (!empty && item != null) {
					getStyleClass().add(item.severity() == Severity.ERROR ? "problem-error" : "problem-warning");
				}
			}
		});
		problems.setOnMouseClicked(e -> {
			ModelDiagnostic d = problems.getSelectionModel().getSelectedItem();
			if (d != null && d.file() != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
				editor.select(d.file().toAbsolutePath().normalize(), d.offset(), d.length());
			}
		});
		problems.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> { // the cells consume the release
			if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
				double x = e.getScreenX();
				double y = e.getScreenY();
				Platform.runLater(() -> showProblemMenu(x, y)); // once the click has selected its row
			}
		});
		log.setEditable(false);
		log.getStyleClass().add("log");
		bottom.getTabs().setAll(new Tab("Problems", problems), new Tab("Services", services), logTab);
		bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
		SplitPane work = new SplitPane(editor, diagram);
		work.setDividerPositions(0.4);
		bottom.setMinHeight(120); // a small window keeps Problems, Services and Log in view
		SplitPane.setResizableWithParent(bottom, false);
		SplitPane centre = new SplitPane(work, bottom);
		centre.setOrientation(Orientation.VERTICAL);
		centre.setDividerPositions(0.84);
		SplitPane left = new SplitPane(files, outline);
		left.setOrientation(Orientation.VERTICAL);
		left.setDividerPositions(0.35);
		SplitPane all = new SplitPane(left, centre);
		all.setDividerPositions(0.14);
		return all;
	}

	// ---- live analysis -------------------------------------------------------------------------

	/** Re-reads the model from the editors' texts off the UI thread, then shows the newest result. */
	void analyse() {
		analyse(() -> { });
	}

	/** As {@link #analyse()}, then {@code whenShown} on the JavaFX thread once the result is shown. */
	private void analyse(Runnable whenShown) {
		core.analyse(level.getValue(), component.getValue(), result -> {
			show(result);
			whenShown.run();
		});
	}

	/** Shows a declaration's first line, selected, in its file. */
	private void reveal(dev.byron.dsl.api.model.SourceRange range) {
		Path file = range.file().toAbsolutePath().normalize();
		String text = project.text(file);
		if (text == null) {
			return;
		}
		int lineEnd = text.indexOf('\n', range.offset());
		int length = lineEnd < 0 ? range.length() : Math.min(range.length(), lineEnd - range.offset());
		editor.select(file, range.offset(), length);
	}

	Outline outline() {
		return outline;
	}

	private void show(Analysis result) {
		diagram.show(result.diagram());
		outline.show(result.result().model());
		showProblems(result);
		List<String> names = result.result().model().components().stream().map(ComponentDef::name).toList();
		if (!names.equals(component.getItems())) {
			String keep = component.getValue();
			component.getItems().setAll(names);
			component.setValue(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
		}
		if (runProblems.isEmpty()) { // a failure whose errors Problems lists stays said until they are gone
			status.getStyleClass().remove("status-error");
			long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
			long warnings = result.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
			String system = result.result().model().system();
			status.setText((system == null ? "no system declared" : "system " + system) + ": " + count(project.texts().size(), "file") + ", "
					+ count(names.size(), "component") + ", " + count(errors, "error") + ", " + count(warnings, "warning")
					+ (core.running() != null ? "  |  running at " + core.running().gatewayUrl() : ""));
		}
		// Last: whoever sees the new analysis sees the diagram, the problems and the underlines of it.
		analysis = result;
	}

	/** The analysis's diagnostics, then what the last failed job found in the code, listed and underlined. */
	private void showProblems(Analysis result) {
		List<ModelDiagnostic> all = new java.util.ArrayList<>(result == null ? List.of() : result.diagnostics());
		all.addAll(runProblems);
		problems.getItems().setAll(all);
		editor.setDiagnostics(all);
	}

	/** What the window shows now: the last analysis of the text, or null before the first one. */
	public Analysis analysis() {
		return analysis;
	}

	// ---- diagram to text -----------------------------------------------------------------------

	private void selectText(DiagramNode node) {
		if (node.source() != null && node.source().file() != null) {
			editor.select(node.source().file().toAbsolutePath().normalize(), node.source().offset(), node.source().length(), false);
		}
	}

	/** A box double-clicked: the keyboard in its declaration's text, at its start. */
	private void editText(DiagramNode node) {
		if (node.source() != null && node.source().file() != null) {
			editor.select(node.source().file().toAbsolutePath().normalize(), node.source().offset(), 0, true);
		}
	}

	private Path caretFile;
	private int caretOffset;

	/** The component whose declaration holds the caret, or null. */
	private String componentAtCaret() {
		Analysis shown = analysis;
		if (shown == null || caretFile == null) {
			return null;
		}
		for (ComponentDef declared : shown.result().model().components()) {
			var range = declared.range();
			if (range != null && range.file() != null && range.file().toAbsolutePath().normalize().equals(caretFile)
					&& caretOffset >= range.offset() && caretOffset <= range.offset() + range.length()) {
				return declared.name();
			}
		}
		return null;
	}

	/** The innermost box whose text holds the caret (an entity inside its component), marked in the diagram. */
	private void markInDiagram(Path file, int offset) {
		caretFile = file;
		caretOffset = offset;
		Analysis shown = analysis;
		if (shown == null) {
			return;
		}
		DiagramNode inside = null;
		for (DiagramNode node : shown.diagram().diagram().nodes()) {
			var source = node.source();
			if (source != null && source.file() != null && source.file().toAbsolutePath().normalize().equals(file)
					&& offset >= source.offset() && offset <= source.offset() + source.length()
					&& (inside == null || source.length() < inside.source().length())) {
				inside = node;
			}
		}
		diagram.mark(inside == null ? null : inside.id());
	}

	private final ContextMenu diagramMenu = new ContextMenu();

	private void showDiagramMenu(DiagramNode node, double screenX, double screenY) {
		diagramMenu.hide();
		fillDiagramMenu(diagramMenu, node, node == null ? diagram.pictureAt(screenX, screenY) : null);
		diagramMenu.show(diagram, screenX, screenY);
	}

	/** The menu of a box, or of the picture's background ({@code node} null) opened at {@code at} in the picture. */
	private void fillDiagramMenu(ContextMenu menu, DiagramNode node, dev.byron.diagram.LaidOutDiagram.Point at) {
		menu.getItems().clear();
		MenuItem addComponent = new MenuItem("Add component\u2026");
		Analysis shown = analysis;
		addComponent.setOnAction(e -> ask("New component", "Name (lower case, e.g. billing):", "",
				name -> StudioCore.componentNameProblem(shown, name)).ifPresent(name -> {
					if (at != null) { // its box drawn where the menu was opened
						core.placeWhenDrawn(name, at);
					}
					addComponent(name);
				}));
		menu.getItems().add(addComponent);
		if (node == null && shown != null && core.canLayOutAgain(shown.diagram().diagram())) {
			MenuItem reset = new MenuItem("Lay out this view again");
			reset.setOnAction(e -> {
				javafx.scene.control.Alert sure = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
						"Where you put this view's boxes is forgotten (byron-layout.json), and Undo does not bring it back.");
				sure.setHeaderText("Lay this view out afresh?");
				sure.initOwner(getScene().getWindow());
				if (sure.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isPresent()) {
					core.resetLayout(shown.diagram().diagram());
					moves.clear();
					analyse();
				}
			});
			menu.getItems().add(reset);
		}
		String owner = componentOf(node);
		if (owner != null) {
			MenuItem addEntity = new MenuItem("Add entity to " + owner + "\u2026");
			addEntity.setOnAction(e -> ask("New entity", "Name (PascalCase, e.g. Invoice):", "",
					name -> StudioCore.entityNameProblem(shown, owner, name)).ifPresent(name -> addEntity(owner, name)));
			MenuItem rename = new MenuItem("Rename " + owner + "\u2026");
			rename.setOnAction(e -> ask("Rename component", "New name:", owner, name -> StudioCore.componentNameProblem(shown, name))
					.ifPresent(name -> renameComponent(owner, name)));
			MenuItem delete = new MenuItem("Delete " + owner);
			delete.setOnAction(e -> deleteComponent(owner));
			menu.getItems().addAll(addEntity, rename, delete);
			dev.byron.dsl.api.CataloguePages.besides(project.folder()).ifPresent(site -> {
				MenuItem catalogue = new MenuItem("Open the catalogue page of " + owner);
				catalogue.setOnAction(e -> browser.accept(dev.byron.dsl.api.CataloguePages.onDisk(site,
						dev.byron.dsl.api.CataloguePages.PAGES.component(owner))));
				menu.getItems().add(catalogue);
			});
			LocalSystem system = core.running();
			if (system != null && system.components().containsKey(owner)) {
				boolean up = system.components().get(owner);
				MenuItem toggle = new MenuItem((up ? "Stop " : "Start ") + owner);
				toggle.setOnAction(e -> switchComponent(owner, !up));
				menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), toggle);
				core.deadLetters(owner).ifPresent(deadLetters -> {
					MenuItem letters = new MenuItem("Dead letters of " + owner + "\u2026");
					letters.setOnAction(e -> DeadLettersDialog.show(getScene().getWindow(), owner, deadLetters, this::log));
					menu.getItems().add(letters);
				});
			}
		}
	}

	private static String componentOf(DiagramNode node) {
		if (node != null && node.kind() == NodeKind.COMPONENT) {
			return node.title();
		}
		return null;
	}

	/**
	 * A name from the user, checked as they type: OK stays disabled and the dialog says why while {@code problem} has
	 * something to say about it, so a wrong name is corrected in place rather than refused after the dialog closed.
	 */
	private java.util.Optional<String> ask(String title, String prompt, String initial,
			java.util.function.Function<String, java.util.Optional<String>> problem) {
		TextInputDialog dialog = new TextInputDialog(initial);
		dialog.setTitle(title);
		dialog.setHeaderText(null);
		dialog.setContentText(prompt);
		dialog.initOwner(getScene().getWindow());
		Label why = new Label();
		why.getStyleClass().add("input-problem");
		why.setWrapText(true);
		why.setPrefWidth(380);
		why.setMinHeight(Region.USE_PREF_SIZE); // the whole reason, on as many lines as it needs
		((javafx.scene.layout.GridPane) dialog.getDialogPane().getContent()).add(why, 0, 1, 2, 1);
		javafx.scene.Node ok = dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
		Runnable check = () -> {
			String name = dialog.getEditor().getText().trim();
			java.util.Optional<String> wrong = problem.apply(name);
			ok.setDisable(wrong.isPresent());
			why.setText(name.isEmpty() ? "" : wrong.orElse(""));
			if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
				dialog.getDialogPane().getScene().getWindow().sizeToScene();
			}
		};
		dialog.getEditor().textProperty().addListener((obs, old, text) -> check.run());
		check.run();
		return dialog.showAndWait().map(String::trim).filter(name -> problem.apply(name).isEmpty());
	}

	public void addComponent(String name) {
		core.componentAddition(name, editor.current()).ifPresentOrElse(edit -> {
			boolean listed = treeItem(files.getRoot(), edit.file()) != null;
			editor.apply(List.of(edit));
			if (!listed) {
				fillTree();
			}
		}, () -> log("'" + name + "' " + StudioCore.COMPONENT_NAME_RULE));
	}

	public void addEntity(String componentName, String entity) {
		if (!ModelEdits.isTypeName(entity)) {
			log("'" + entity + "' " + StudioCore.ENTITY_NAME_RULE);
			return;
		}
		core.entityAddition(analysis, componentName, entity).ifPresentOrElse(edit -> editor.apply(List.of(edit)),
				() -> log("No component '" + componentName + "' in the model as last read."));
	}

	public void subscribe(String subscriber, String publisher, String event) {
		core.subscription(analysis, subscriber, publisher, event).ifPresentOrElse(edit -> editor.apply(List.of(edit)),
				() -> log("No component '" + subscriber + "' or event " + publisher + "." + event + " in the model as last read."));
	}

	public void renameComponent(String oldName, String newName) {
		if (!ModelEdits.isComponentName(newName)) {
			log("'" + newName + "' " + StudioCore.COMPONENT_NAME_RULE);
			return;
		}
		editor.apply(core.rename(oldName, newName));
	}

	public void deleteComponent(String name) {
		core.deletion(analysis, name).ifPresentOrElse(edit -> editor.apply(List.of(edit)),
				() -> log("No component '" + name + "' in the model as last read."));
	}

	private void askToSubscribe(DiagramNode from, DiagramNode to) {
		String subscriber = componentOf(from);
		String publisher = componentOf(to);
		List<String> events = publisher == null ? List.of() : core.eventsOf(analysis, publisher);
		if (subscriber == null || events.isEmpty()) {
			return;
		}
		ChoiceDialog<String> dialog = new ChoiceDialog<>(events.get(0), events);
		dialog.setTitle("Subscribe");
		dialog.setHeaderText(subscriber + " subscribes to an event of " + publisher);
		dialog.setContentText("Event:");
		dialog.initOwner(getScene().getWindow());
		dialog.showAndWait().ifPresent(event -> subscribe(subscriber, publisher, event));
	}

	ModelEditor editor() {
		return editor;
	}

	DiagramView diagramView() {
		return diagram;
	}

	ChoiceBox<C4Level> levelChoice() {
		return level;
	}

	ListView<String> servicesList() {
		return services;
	}

	TreeView<Path> filesTree() {
		return files;
	}

	ListView<ModelDiagnostic> problemsList() {
		return problems;
	}

	ContextMenu problemMenu() {
		return problemMenu;
	}

	String logText() {
		return log.getText();
	}

	String statusText() {
		return status.getText();
	}

	// ---- toolbar --------------------------------------------------------------------------------

	void validate() {
		analyse(() -> log(status.getText()));
	}

	/** Writes the modified files; true when nothing is left unsaved. */
	boolean save() {
		try {
			Project.Saved saved = project.save();
			saved.deleted().forEach(editor::forget);
			if (!saved.deleted().isEmpty()) {
				fillTree();
				log("Emptied, so deleted: " + saved.deleted().stream().map(project::relative).toList() + ".");
			}
			files.refresh();
			if (saved.changedAny()) {
				// the layout file forgets components the saved model lost; what it breaks in hooks/ shows now, not at Run
				core.saved(found -> {
					runProblems.setAll(found);
					showProblems(analysis);
				});
			}
			log(!saved.changedAny() ? "Nothing to save." : saved.written().isEmpty() ? "Saved." : "Saved " + saved.written().stream().map(project::relative).toList() + ".");
			if (!saved.changedOnDisk().isEmpty()) {
				log("Not saved, changed on disk since they were opened: " + saved.changedOnDisk().stream().map(project::relative).toList()
						+ ". Nothing was overwritten.");
				reloadFromDisk();
				return false;
			}
			return true;
		} catch (IOException e) {
			log("Could not save: " + e.getMessage());
			return false;
		}
	}

	void generate() {
		if (!savedFirst("generate")) {
			return;
		}
		runProblems.clear();
		core.generate();
	}

	void run() {
		if (core.running() != null || !savedFirst("run the system")) {
			return;
		}
		editor.focusText();
		runButton.setDisable(true);
		runProblems.clear();
		core.run(runPort, this::started, () -> {
			runButton.setDisable(core.running() != null);
			editor.focusText(); // not on the next button, Deploy, where a stray Enter would start it
		});
	}

	private void started(LocalSystem system) {
		stopButton.setDisable(false);
		runButton.setDisable(true);
		refreshServices();
		serviceRefresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshServices()));
		serviceRefresh.setCycleCount(Timeline.INDEFINITE);
		serviceRefresh.play();
		try {
			browser.accept(system.gatewayUrl());
		} catch (RuntimeException e) {
			log("Could not open a browser on " + system.gatewayUrl() + ": " + e.getMessage() + ". Open it yourself.");
		}
	}

	/** The running system's state in the Services list and on the diagram. */
	private void refreshServices() {
		LocalSystem system = core.running();
		if (system == null) {
			services.getItems().clear();
			diagram.showLive(null);
			return;
		}
		core.sample(snapshot -> {
			List<String> states = new java.util.ArrayList<>();
			states.add("gateway   running   " + system.gatewayUrl());
			snapshot.components().forEach((name, state) -> states.add(name + "   "
					+ state.state().name().toLowerCase(java.util.Locale.ROOT)
					+ (state.deadLetters() > 0 ? "   " + state.deadLetters() + " dead letters" : "")));
			services.getItems().setAll(states);
			diagram.showLive(snapshot);
		});
	}

	/** Stops or starts one component of the running system (from its box's menu). */
	private void switchComponent(String name, boolean start) {
		core.switchComponent(name, start, this::refreshServices);
	}

	void stop() {
		if (serviceRefresh != null) {
			serviceRefresh.stop();
		}
		editor.focusText(); // before the button goes grey: the focus would go on to Deploy
		stopButton.setDisable(true);
		diagram.showLive(null);
		core.stop(() -> {
			runButton.setDisable(false);
			refreshServices();
			if (analysis != null) {
				show(analysis); // the status no longer says where it runs
			}
		});
	}

	void setRunPort(int port) {
		runPort = port;
	}

	boolean isRunning() {
		return core.running() != null;
	}

	LocalSystem runningSystem() {
		return core.running();
	}

	void deploy() {
		Analysis current = analysis;
		if (current == null) {
			return;
		}
		DeploymentSettings settings = DeploymentSettings.from(current.result().model());
		DeployDialog.ask(getScene().getWindow(), settings.namespace(), settings.registry() != null).ifPresent(this::deploy);
	}

	private void deploy(StudioCore.DeployTarget target) {
		save();
		core.deploy(target);
	}

	/** The environment {@code env(...)} in credentials.byron reads from (tests give their own). */
	void setEnvironment(Map<String, String> environment) {
		core.setEnvironment(environment);
	}

	private void askToExport() {
		FileChooser chooser = new FileChooser();
		chooser.setTitle("Export the diagram");
		chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SVG", "*.svg"),
				new FileChooser.ExtensionFilter("PNG", "*.png"));
		chooser.setInitialDirectory(project.folder().toFile());
		java.io.File file = chooser.showSaveDialog(getScene().getWindow());
		if (file != null) {
			export(file.toPath());
		}
	}

	/** Writes the diagram shown, as laid out here, to an .svg or .png file. */
	public void export(Path file) {
		Analysis current = analysis;
		if (current == null) {
			return;
		}
		try {
			DiagramExport.write(current.diagram(), file);
			log("Exported " + file);
		} catch (IOException | RuntimeException e) {
			log("Could not export: " + e.getMessage());
		}
	}

	/** "1 error", "2 errors". */
	private static String count(long n, String word) {
		return n + " " + word + (n == 1 ? "" : "s");
	}

	/**
	 * A job that failed says so where the user looks: the status bar, in red, with the reason's first line, and the
	 * Log tab, brought to the front, with all of it.
	 */
	private void failed(String job, String reason) {
		log(job + " failed: " + reason);
		List<String> lines = reason == null ? List.of() : reason.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		// a line that ends in ':' announces the reason on the next one
		String summary = lines.isEmpty() ? "" : lines.get(0).endsWith(":") && lines.size() > 1
				? lines.get(0) + " " + lines.get(1) : lines.get(0);
		runProblems.setAll(RunProblems.of(project.folder(), reason, project.javaTexts()));
		if (runProblems.isEmpty()) {
			bottom.getSelectionModel().select(logTab);
		} else {
			bottom.getSelectionModel().select(0); // Problems: each line there shows its place in the code
			showProblems(analysis);
		}
		status.setText(job + " failed: " + summary + (runProblems.isEmpty() ? "  (details in Log)" : "  (see Problems)"));
		if (!status.getStyleClass().contains("status-error")) {
			status.getStyleClass().add("status-error");
		}
	}

	public void dispose() {
		debounce.stop();
		if (disk != null) {
			disk.close();
		}
		if (serviceRefresh != null) {
			serviceRefresh.stop();
		}
		core.close();
	}

	void log(String line) {
		if (Platform.isFxApplicationThread()) {
			log.appendText(line + "\n");
		} else {
			Platform.runLater(() -> log.appendText(line + "\n"));
		}
	}
}
