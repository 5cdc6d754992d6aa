package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.util.UndoUtils;

import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.Severity;
import dev.byron.dsl.api.TextEdit;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * The model text: one RichTextFX code area per file, highlighted, with diagnostics underlined and their
 * messages on hover, and completion on Ctrl+Space. Edits made from the diagram go through the same area,
 * so one undo history covers typing and diagram edits alike.
 */
final class ModelEditor extends StackPane {
	private final Project project;
	private final Map<Path, CodeArea> areas = new HashMap<>();
	private final Map<Path, List<ModelDiagnostic>> diagnostics = new HashMap<>();
	private final LanguageServices services = new LanguageServices();
	private final Completions completions = new Completions(services);
	private final QuickFixes quickFixes = new QuickFixes(services);
	private final Definitions definitions = new Definitions(services);
	private final Renames renames = new Renames(services);
	private final FindBar findBar = new FindBar(() -> this.current == null ? null : area(this.current));
	private final ContextMenu fixMenu = new ContextMenu();
	private final BiConsumer<Path, String> onChange;
	private final ContextMenu completionMenu = new ContextMenu();
	private final Tooltip hover = new Tooltip();
	private Path current;
	private java.util.function.BiConsumer<Path, Integer> onCaret = (file, offset) -> { };
	private java.util.function.Function<ModelDiagnostic, List<QuickFixes.Fix>> studioFixes = d -> List.of();

	/** Fixes the studio itself knows for some diagnostics (code it can write), beside the language server's. */
	void setStudioFixes(java.util.function.Function<ModelDiagnostic, List<QuickFixes.Fix>> fixes) {
		this.studioFixes = fixes;
	}

	/** Told where the caret of the file shown moves to, for the diagram to mark what it stands in. */
	void setOnCaret(java.util.function.BiConsumer<Path, Integer> listener) {
		this.onCaret = listener;
	}

	ModelEditor(Project project, BiConsumer<Path, String> onChange) {
		this.project = project;
		this.onChange = onChange;
		getStyleClass().add("model-editor");
		completionMenu.getStyleClass().add("completion-menu");
	}

	Path current() {
		return current;
	}

	CodeArea area(Path file) {
		return areas.computeIfAbsent(file, this::createArea);
	}

	/** Told which file the editor shows, whenever that changes. */
	void setOnShow(java.util.function.Consumer<Path> listener) {
		this.onShow = listener;
	}

	private java.util.function.Consumer<Path> onShow = file -> { };

	void show(Path file) {
		display(file);
		area(file).requestFocus();
	}

	/** Shows a file's text without moving the keyboard into it. */
	private void display(Path file) {
		boolean changed = !file.equals(current);
		current = file;
		if (changed) {
			onShow.accept(file);
		}
		CodeArea area = area(file);
		VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
		javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
		getChildren().setAll(new javafx.scene.layout.VBox(findBar, scroll));
	}

	/** Puts the keyboard in the text shown. */
	void focusText() {
		if (current != null) {
			area(current).requestFocus();
		}
	}

	FindBar findBar() {
		return findBar;
	}

	void select(Path file, int offset, int length) {
		select(file, offset, length, true);
	}

	/** Selects text of a file; with {@code focus} false the keyboard stays where it is (a box clicked in the diagram). */
	void select(Path file, int offset, int length, boolean focus) {
		display(file);
		CodeArea area = area(file);
		if (focus) {
			area.requestFocus();
		}
		int end = Math.min(area.getLength(), offset + length);
		area.selectRange(end, Math.min(offset, end)); // the caret at the start: the view follows it to the first line
		area.requestFollowCaret();
	}

	/**
	 * Applies edits through the code areas, so that they are undoable like typing, and shows the first
	 * file changed with the caret after its first edit.
	 */
	void apply(List<TextEdit> edits) {
		if (edits.isEmpty()) {
			return;
		}
		Map<Path, List<TextEdit>> byFile = new java.util.LinkedHashMap<>();
		edits.forEach(e -> byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e));
		Map<Path, Integer> changes = new java.util.LinkedHashMap<>();
		byFile.forEach((file, fileEdits) -> {
			CodeArea area = area(file);
			area.getUndoManager().preventMerge(); // the edit is its own step, not part of the typing before it
			fileEdits.stream().sorted((a, b) -> Integer.compare(b.offset(), a.offset())).forEach(e -> {
				area.replaceText(e.offset(), e.offset() + e.length(), e.text());
				area.getUndoManager().preventMerge();
			});
			changes.put(file, fileEdits.size());
		});
		if (edits.size() > 1) {
			steps.made(changes);
		}
		TextEdit first = edits.get(0);
		show(first.file());
		CodeArea area = area(first.file());
		area.moveTo(Math.min(area.getLength(), first.offset() + first.text().length()));
		area.requestFollowCaret();
	}

	/** Lets go of a file deleted on disk; when it was shown, the project's main file is shown instead. */
	void forget(Path file) {
		areas.remove(file);
		if (file.equals(current)) {
			current = null;
			show(project.mainFile());
		}
	}

	/** Shows a file's text again after it was read from disk; an undo takes the reload back like an edit. */
	void reloaded(Path file) {
		CodeArea area = areas.get(file);
		String text = project.text(file);
		if (area != null && !area.getText().equals(text)) {
			int caret = area.getCaretPosition();
			area.replaceText(text);
			area.moveTo(Math.min(caret, area.getLength()));
		}
	}

	/**
	 * A file read again from disk while nothing here was unsaved: its text, with its undo history started afresh.
	 * Ctrl+Z would otherwise bring back the text the disk's change replaced, and the next save write it over that change.
	 */
	void readAgain(Path file) {
		reloaded(file);
		CodeArea area = areas.get(file);
		if (area != null) {
			area.getUndoManager().forgetHistory();
		}
	}

	void setDiagnostics(List<ModelDiagnostic> all) {
		diagnostics.clear();
		for (ModelDiagnostic d : all) {
			if (d.file() != null) {
				diagnostics.computeIfAbsent(d.file().toAbsolutePath().normalize(), k -> new ArrayList<>()).add(d);
			}
		}
		areas.forEach((file, area) -> restyle(file, area));
	}

	/** Edits across files, undone and redone as one step through the code areas' own histories. */
	private final EditSteps steps = new EditSteps(new EditSteps.Documents() {
		@Override
		public void undo(Path file) {
			area(file).undo();
		}

		@Override
		public void redo(Path file) {
			area(file).redo();
		}

		@Override
		public void mark(Path file) {
			area(file).getUndoManager().mark();
		}

		@Override
		public boolean atMark(Path file) {
			return area(file).getUndoManager().isAtMarkedPosition();
		}
	});

	/**
	 * Undoes the last edit: an edit that changed several files in all of them at once, when it is the last thing
	 * done in each; otherwise the last change of the file shown.
	 */
	void undo() {
		steps.undo(current);
	}

	private long edits;

	/** How many times a text changed (typed, undone, from disk...): a box's move is Undo's while this has not grown. */
	long edits() {
		return edits;
	}

	void redo() {
		steps.redo(current);
	}

	private CodeArea createArea(Path file) {
		CodeArea area = new CodeArea(project.text(file));
		area.getStyleClass().add("code");
		area.setParagraphGraphicFactory(LineNumberFactory.get(area));
		// Undo covers the text only: restyling (highlighting, diagnostics) is not an edit to take back.
		area.setUndoManager(UndoUtils.plainTextUndoManager(area));
		area.moveTo(0);
		area.requestFollowCaret();
		area.caretPositionProperty().addListener((obs, old, caret) -> {
			if (file.equals(current)) {
				onCaret.accept(file, caret);
			}
		});
		area.textProperty().addListener((obs, old, text) -> {
			edits++;
			project.setText(file, text);
			restyle(file, area);
			onChange.accept(file, text);
		});
		area.setMouseOverTextDelay(Duration.ofMillis(300));
		area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
			String message = messageAt(file, e.getCharacterIndex());
			if (message != null) {
				hover.setText(message);
				Point2D at = e.getScreenPosition();
				hover.show(area, at.getX(), at.getY() + 12);
			}
		});
		area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
		KeyCombination complete = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);
		KeyCombination fix = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.ALT_DOWN);
		KeyCombination fixToo = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
		KeyCombination undoKey = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
		KeyCombination redoKey = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
		KeyCombination redoToo = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
		// Undo and redo by keys go where the buttons go: an edit that changed several files is taken back in all
		area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
			if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
				area.replaceSelection("\n" + indentAfter(area.getText(), area.getSelection().getStart()));
				area.requestFollowCaret();
				e.consume();
			} else if (undoKey.match(e)) {
				undo();
				e.consume();
			} else if (redoKey.match(e) || redoToo.match(e)) {
				redo();
				e.consume();
			}
		});
		KeyCombination find = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
		area.setOnKeyPressed(e -> {
			if (complete.match(e) && Project.isModel(file)) {
				complete(file, area);
				e.consume();
			} else if (fix.match(e) || fixToo.match(e)) {
				offerFixes(file, area);
				e.consume();
			} else if (find.match(e)) {
				findBar.open();
				e.consume();
			} else if (e.getCode() == KeyCode.F2 && Project.isModel(file)) {
				askToRename(file, area.getCaretPosition());
				e.consume();
			} else if (e.getCode() == KeyCode.F12 && Project.isModel(file)) {
				goToDefinition(file, area.getCaretPosition());
				e.consume();
			}
		});
		area.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
			if (e.isShortcutDown() && e.getButton() == javafx.scene.input.MouseButton.PRIMARY && Project.isModel(file)) {
				area.hit(e.getX(), e.getY()).getCharacterIndex().ifPresent(offset -> goToDefinition(file, offset));
			}
		});
		restyle(file, area);
		return area;
	}

	/** The indentation a new line takes: the current line's, one step deeper after an opening brace. */
	static String indentAfter(String text, int caret) {
		int start = text.lastIndexOf('\n', caret - 1) + 1;
		int end = start;
		while (end < caret && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		String indent = text.substring(start, end);
		String before = text.substring(start, caret).stripTrailing();
		return before.endsWith("{") ? indent + (indent.startsWith("\t") ? "\t" : "  ") : indent;
	}

	/** F2: asks for the new name of what stands at the caret, and renames it and every reference, as one step. */
	void askToRename(Path file, int offset) {
		Optional<Renames.Target> target = renames.at(project.texts(), file, offset);
		if (target.isEmpty()) {
			tell(file, "Nothing to rename here: put the caret on a name.");
			return;
		}
		javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(target.get().name());
		dialog.initOwner(getScene() == null ? null : getScene().getWindow());
		dialog.setTitle("Rename");
		dialog.setHeaderText("Rename " + target.get().name() + " and every reference to it");
		dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty() && !name.equals(target.get().name()))
				.ifPresent(name -> rename(file, offset, name));
	}

	/** Renames what stands at a character, everywhere; returns whether anything changed. */
	boolean rename(Path file, int offset, String newName) {
		List<TextEdit> edits;
		try {
			edits = renames.rename(project.texts(), file, offset, newName);
		} catch (org.eclipse.lsp4j.jsonrpc.ResponseErrorException refused) { // e.g. a name the checks would refuse
			tell(file, refused.getMessage());
			return false;
		}
		apply(edits);
		return !edits.isEmpty();
	}

	/** A word to the user at the caret, in the popup hovers use. */
	private void tell(Path file, String message) {
		hover.setText(message);
		area(file).getCaretBounds().ifPresent(b -> hover.show(area(file), b.getMinX(), b.getMaxY()));
	}

	/** F12 or Ctrl+click on a reference: shows its declaration, with its name selected. */
	boolean goToDefinition(Path file, int offset) {
		Optional<Definitions.Declaration> declaration = definitions.at(project.texts(), file, offset);
		declaration.ifPresent(d -> select(d.file(), d.offset(), d.length()));
		return declaration.isPresent();
	}

	/** The message of the diagnostics under a character, or null. */
	String messageAt(Path file, int offset) {
		StringBuilder text = new StringBuilder();
		for (ModelDiagnostic d : diagnostics.getOrDefault(file, List.of())) {
			if (offset >= d.offset() && offset <= d.offset() + Math.max(1, d.length())) {
				text.append(text.length() == 0 ? "" : "\n").append(d.message()).append(" [").append(d.code()).append(']');
				if (quickFixes.fixable(d.code()) || !studioFixes.apply(d).isEmpty()) {
					text.append("\nAlt+Enter: quick fix");
				}
			}
		}
		return text.length() == 0 ? null : text.toString();
	}

	List<Completions.Proposal> proposals(Path file, int offset) {
		return completions.at(project.texts(), file, offset);
	}

	void complete(Path file, CodeArea area) {
		List<Completions.Proposal> proposals = proposals(file, area.getCaretPosition());
		completionMenu.getItems().clear();
		for (Completions.Proposal proposal : proposals.stream().limit(40).toList()) {
			Label label = new Label(proposal.label() + (proposal.detail() == null ? "" : "   " + proposal.detail()));
			CustomMenuItem item = new CustomMenuItem(label, true);
			item.setOnAction(e -> area.replaceText(proposal.start(), proposal.end(), proposal.text()));
			completionMenu.getItems().add(item);
		}
		area.getCaretBounds().ifPresent(bounds -> {
			if (!completionMenu.getItems().isEmpty()) {
				completionMenu.show(area, bounds.getMinX(), bounds.getMaxY());
				preselectFirst(completionMenu);
			}
		});
	}

	/** The first proposal is chosen already: Enter takes it, the arrows move from it. */
	private static void preselectFirst(ContextMenu menu) {
		if (menu.getSkin() != null && menu.getSkin().getNode() instanceof com.sun.javafx.scene.control.ContextMenuContent content) {
			content.requestFocusOnIndex(0);
		}
	}

	/** The quick fixes the language server has for the diagnostics at a character. */
	List<QuickFixes.Fix> fixesAt(Path file, int offset) {
		List<QuickFixes.Fix> fixes = new ArrayList<>();
		for (ModelDiagnostic d : diagnostics.getOrDefault(file, List.of())) {
			if (offset >= d.offset() && offset <= d.offset() + Math.max(1, d.length())) {
				fixes.addAll(fixesFor(d));
			}
		}
		return fixes;
	}

	/** The fixes for one diagnostic: the studio's own, then the language server's. */
	List<QuickFixes.Fix> fixesFor(ModelDiagnostic d) {
		List<QuickFixes.Fix> fixes = new ArrayList<>(studioFixes.apply(d));
		if (d.file() != null && Project.isModel(d.file()) && quickFixes.fixable(d.code())) {
			fixes.addAll(quickFixes.of(project.texts(), d.file().toAbsolutePath().normalize(), d));
		}
		return fixes;
	}

	/** Alt+Enter: the fixes for what is wrong at the caret, in a menu; each is one undoable edit. */
	void offerFixes(Path file, CodeArea area) {
		fixMenu.getItems().clear();
		for (QuickFixes.Fix fix : fixesAt(file, area.getCaretPosition())) {
			CustomMenuItem item = new CustomMenuItem(new Label(fix.title()), true);
			item.setOnAction(e -> apply(fix.edits()));
			fixMenu.getItems().add(item);
		}
		area.getCaretBounds().ifPresent(bounds -> {
			if (!fixMenu.getItems().isEmpty()) {
				fixMenu.show(area, bounds.getMinX(), bounds.getMaxY());
				preselectFirst(fixMenu); // Enter takes the first fix, as it takes the first completion
			}
		});
	}

	ContextMenu fixMenu() {
		return fixMenu;
	}

	Tooltip hover() {
		return hover;
	}

	ContextMenu completionMenu() {
		return completionMenu;
	}

	private void restyle(Path file, CodeArea area) {
		String text = area.getText();
		StyleSpans<Collection<String>> spans = Project.isModel(file) ? SyntaxHighlighter.highlight(text)
				: new StyleSpansBuilder<Collection<String>>().add(List.of(), text.length()).create();
		List<ModelDiagnostic> fileDiagnostics = diagnostics.getOrDefault(file, List.of());
		if (!fileDiagnostics.isEmpty()) {
			spans = spans.overlay(diagnosticSpans(text.length(), fileDiagnostics), (a, b) -> {
				List<String> merged = new ArrayList<>(a);
				merged.addAll(b);
				return merged;
			});
		}
		area.setStyleSpans(0, spans);
	}

	private static StyleSpans<Collection<String>> diagnosticSpans(int length, List<ModelDiagnostic> list) {
		StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
		int last = 0;
		for (ModelDiagnostic d : list.stream().sorted((a, b) -> Integer.compare(a.offset(), b.offset())).toList()) {
			int start = Math.max(last, Math.min(d.offset(), length));
			int end = Math.min(length, Math.max(start + 1, d.offset() + d.length()));
			if (end <= start) {
				continue;
			}
			spans.add(List.of(), start - last);
			spans.add(List.of(d.severity() == Severity.ERROR ? "diagnostic-error" : "diagnostic-warning"), end - start);
			last = end;
		}
		spans.add(List.of(), length - last);
		return spans.create();
	}
}
