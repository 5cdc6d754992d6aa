package dev.byron.modeler.studio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.byron.diagram.C4Diagrams;
import dev.byron.diagram.DiagramEdge;
import dev.byron.diagram.DiagramNode;
import dev.byron.diagram.DiagramStyle;
import dev.byron.diagram.DiagramStyle.Colors;
import dev.byron.diagram.EdgeKind;
import dev.byron.diagram.LaidOutDiagram;
import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;
import dev.byron.diagram.LaidOutDiagram.Route;
import dev.byron.diagram.NodeKind;
import dev.byron.diagram.NodeMetrics;
import dev.byron.diagram.TextMetrics;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The diagram, drawn from the same layout as the SVG export: click a box to select its text, drag a box to move
 * it, drop a component on another to subscribe to its events, drag the background to pan, scroll to zoom.
 */
final class DiagramView extends Pane {
	private static final double DRAG_THRESHOLD = 6;
	private final Group content = new Group();
	private final Map<String, Group> boxes = new HashMap<>();
	/** Each arrow drawn, by its edge's id: its group and its line, which a pointer on one of its boxes lights. */
	private final Map<String, DrawnEdge> edges = new HashMap<>();
	/**
	 * One tooltip for every arrow, its text set to the arrow under the pointer as it shows: a tooltip each made a
	 * picture of 200 components several hundred popup controls to build before it was painted.
	 */
	private final javafx.scene.control.Tooltip arrowTip = new javafx.scene.control.Tooltip();

	private record DrawnEdge(DiagramEdge edge, Group group, Polyline line, Polygon head) {
	}
	private final Line rubberBand = new Line();
	private final Group live = new Group();
	/** A small map of the whole picture with the part in view, shown while part of the picture is out of view. */
	private final Pane overview = new Pane();
	private static final double OVERVIEW = 170;
	private LiveSystem.Snapshot liveState;
	private LaidOutDiagram diagram;
	private Consumer<DiagramNode> onSelect = n -> { };
	private Consumer<DiagramNode> onOpen = n -> { };
	private BiConsumer<DiagramNode, DiagramNode> onConnect = (a, b) -> { };
	private BiConsumer<DiagramNode, LaidOutDiagram.Point> onMove = (node, to) -> { };
	private Point2D dragStart;
	private Point2D pressedAt;
	private DiagramNode pressedNode;
	private boolean dragging;
	private String selected;

	DiagramView() {
		getStyleClass().add("diagram-view");
		getChildren().add(content);
		rubberBand.getStyleClass().add("rubber-band");
		rubberBand.setStroke(Color.web("#d9534f"));
		rubberBand.setStrokeWidth(2);
		rubberBand.getStrokeDashArray().setAll(6.0, 4.0);
		rubberBand.setVisible(false);
		rubberBand.setMouseTransparent(true);
		getChildren().add(rubberBand);
		overview.getStyleClass().add("diagram-overview");
		overview.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-border-color: #b0b8c0;");
		overview.setOnMousePressed(this::lookAt);
		overview.setOnMouseDragged(this::lookAt);
		overview.setVisible(false);
		overview.setManaged(false);
		getChildren().add(overview);
		// the overview, as any movement of the picture, follows the content's placement
		content.translateXProperty().addListener((obs, old, value) -> drawOverview());
		content.translateYProperty().addListener((obs, old, value) -> drawOverview());
		content.scaleXProperty().addListener((obs, old, value) -> drawOverview());
		Rectangle clip = new Rectangle();
		clip.widthProperty().bind(widthProperty());
		clip.heightProperty().bind(heightProperty());
		setClip(clip);
		setOnScroll(this::zoom);
		addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
		addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
		addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
		// a fitted picture stays fitted when the window or the split changes size; one zoomed or panned by hand stays put
		widthProperty().addListener((obs, old, width) -> {
			refitIfFitted();
			drawOverview();
		});
		heightProperty().addListener((obs, old, height) -> {
			refitIfFitted();
			drawOverview();
		});
	}

	/** How the picture was last placed: as a whole (Fit), at a legible size (the default), or by hand. */
	private enum Placed {
		WHOLE, LEGIBLE, BY_HAND
	}

	/** The smallest zoom the default view takes: diagram text at 9 pixels or more on screen. */
	static final double LEGIBLE_SCALE = 9.0 / TextMetrics.TEXT_SIZE;

	private Placed placed = Placed.BY_HAND;

	private void refitIfFitted() {
		if (placed == Placed.WHOLE) {
			fit();
		} else if (placed == Placed.LEGIBLE) {
			fitLegibly();
		}
	}

	void setOnSelect(Consumer<DiagramNode> onSelect) {
		this.onSelect = onSelect;
	}

	/** Told of a box double-clicked: to edit its declaration. */
	void setOnOpen(Consumer<DiagramNode> onOpen) {
		this.onOpen = onOpen;
	}

	void setOnConnect(BiConsumer<DiagramNode, DiagramNode> onConnect) {
		this.onConnect = onConnect;
	}

	/** Told where a box was dropped (its new top-left corner in the picture) when it was not dropped on another. */
	void setOnMove(BiConsumer<DiagramNode, LaidOutDiagram.Point> onMove) {
		this.onMove = onMove;
	}

	LaidOutDiagram diagram() {
		return diagram;
	}

	/** The drawn box of a node, for tests and context menus. */
	Node box(String id) {
		return boxes.get(id);
	}

	double scale() {
		return content.getScaleX();
	}

	Point2D offset() {
		return new Point2D(content.getTranslateX(), content.getTranslateY());
	}

	String selectedId() {
		return selected;
	}

	/** Marks the box of what the text cursor stands in (null: none), brought into view, without telling the select listener. */
	void mark(String id) {
		if (!java.util.Objects.equals(id, selected)) {
			highlight(id);
			if (id != null) {
				reveal(id);
			}
		}
	}

	/** Pans the picture, when a box is not wholly in view, to bring it to the middle. */
	void reveal(String id) {
		Box box = diagram == null ? null : diagram.boxes().get(id);
		if (box == null) {
			return;
		}
		javafx.geometry.Bounds shown = content.localToParent(new javafx.geometry.BoundingBox(box.x(), box.y(), box.width(), box.height()));
		if (shown.getMinX() >= 0 && shown.getMinY() >= 0 && shown.getMaxX() <= getWidth() && shown.getMaxY() <= getHeight()) {
			return;
		}
		content.setTranslateX(content.getTranslateX() + getWidth() / 2 - (shown.getMinX() + shown.getMaxX()) / 2);
		content.setTranslateY(content.getTranslateY() + getHeight() / 2 - (shown.getMinY() + shown.getMaxY()) / 2);
		placed = Placed.BY_HAND;
	}

	void show(LaidOutDiagram laidOut) {
		// Another view (level, component) opens at a legible size; the same view, edited, stays where it is shown
		// (the whole of it again when it is shown whole), so that typing or moving a box never moves the picture.
		boolean first = diagram == null || diagram.diagram().level() != laidOut.diagram().level()
				|| !diagram.diagram().title().equals(laidOut.diagram().title());
		boolean resized = diagram != null && (laidOut.width() != diagram.width() || laidOut.height() != diagram.height());
		boolean whole = !first && placed == Placed.WHOLE && resized;
		if (!first && !whole && resized) {
			// the Group scales around its centre, which moved: keep the picture's top left where it was on screen
			content.setTranslateX(content.getTranslateX() + (laidOut.width() - diagram.width()) / 2 * (content.getScaleX() - 1));
			content.setTranslateY(content.getTranslateY() + (laidOut.height() - diagram.height()) / 2 * (content.getScaleY() - 1));
		}
		diagram = laidOut;
		boxes.clear();
		edges.clear();
		content.getChildren().clear();
		Rectangle background = new Rectangle(laidOut.width(), laidOut.height(), Color.web(DiagramStyle.BACKGROUND));
		Text title = text(laidOut.diagram().title(), 18, FontWeight.BOLD, FontPosture.REGULAR, Color.web(DiagramStyle.TITLE));
		title.setX(30);
		title.setY(30);
		content.getChildren().addAll(background, title);
		for (DiagramEdge edge : laidOut.diagram().edges()) {
			Route route = laidOut.routes().get(edge.id());
			if (route != null && route.points().size() >= 2) {
				content.getChildren().add(edge(edge, route));
			}
		}
		for (DiagramNode node : laidOut.diagram().nodes()) {
			Group box = box(node, laidOut.boxes().get(node.id()));
			box.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> light(edges.values().stream()
					.filter(d -> d.edge().from().equals(node.id()) || d.edge().to().equals(node.id())).map(d -> d.edge().id()).toList()));
			box.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> light(List.of()));
			boxes.put(node.id(), box);
			content.getChildren().add(box);
		}
		for (dev.byron.diagram.DiagramLegend.Entry entry : dev.byron.diagram.DiagramLegend.of(laidOut)) {
			javafx.scene.shape.Line line = new javafx.scene.shape.Line(entry.x(), entry.y(),
					entry.x() + dev.byron.diagram.DiagramLegend.STROKE, entry.y());
			line.setStroke(Color.web(DiagramStyle.EDGE));
			line.setStrokeWidth(1.4);
			if (entry.kind() == EdgeKind.EVENTS) {
				line.getStrokeDashArray().setAll(6.0, 4.0);
			}
			Text meaning = text(entry.text(), dev.byron.diagram.TextMetrics.TEXT_SIZE, FontWeight.NORMAL,
					FontPosture.REGULAR, Color.web("#33404d"));
			meaning.setX(entry.textX());
			meaning.setY(entry.y() + 4);
			Group legend = new Group(line, meaning);
			legend.getStyleClass().add("legend");
			legend.setMouseTransparent(true);
			content.getChildren().add(legend);
		}
		content.getChildren().add(live);
		drawLive();
		drawOverview();
		highlight(selected);
		if (first) {
			fitLegibly();
		} else if (whole) {
			fit();
		}
	}

	/** The running system's state on the picture (null: not running): each component's, and each flow's rate. */
	void showLive(LiveSystem.Snapshot snapshot) {
		liveState = snapshot;
		drawLive();
	}

	/** What is drawn of the running system, by the id of what says it; read by tests from their own thread. */
	private final Map<String, String> liveTexts = new java.util.concurrent.ConcurrentHashMap<>();

	/** What is drawn of the running system: a badge per component, and the rate beside each flow of events. */
	String liveText(String id) {
		return liveTexts.get(id);
	}

	private void drawLive() {
		live.getChildren().clear();
		liveTexts.clear();
		live.setMouseTransparent(true);
		if (liveState == null || diagram == null) {
			return;
		}
		liveState.components().forEach((name, state) -> {
			Box box = diagram.boxes().get(C4Diagrams.componentId(name));
			if (box == null) {
				return;
			}
			Color colour = switch (state.state()) {
				case RUNNING -> Color.web("#3c9d4e");
				case STOPPED -> Color.web("#8a8f94");
				case FAILING -> Color.web("#d9534f");
			};
			if (state.state() == LiveSystem.State.STOPPED) {
				Rectangle veil = new Rectangle(box.x(), box.y(), box.width(), box.height());
				veil.setFill(Color.web("#ffffff", 0.55));
				veil.setArcWidth(20);
				veil.setArcHeight(20);
				live.getChildren().add(veil);
			}
			String said = state.state().name().toLowerCase(java.util.Locale.ROOT)
					+ (state.deadLetters() > 0 ? ", " + state.deadLetters() + " dead letter" + (state.deadLetters() == 1 ? "" : "s") : "");
			Circle badge = new Circle(box.x() + box.width() - 11, box.y() + 11, 6, colour);
			badge.setStroke(Color.WHITE);
			badge.setStrokeWidth(1.5);
			Text words = text(said, TextMetrics.TEXT_SIZE, FontWeight.BOLD, FontPosture.REGULAR, colour);
			words.setX(box.x());
			words.setY(box.y() + box.height() + 13);
			Group mark = new Group(badge, words);
			mark.setId("live:" + C4Diagrams.componentId(name));
			liveTexts.put(mark.getId(), said);
			live.getChildren().add(mark);
		});
		liveState.rates().forEach((flow, rate) -> {
			Route route = diagram.routes().get(flow);
			if (route == null || route.points().size() < 2) {
				return;
			}
			String said = rate >= 10 ? String.format(java.util.Locale.ROOT, "%.0f/s", rate)
					: String.format(java.util.Locale.ROOT, "%.1f/s", rate);
			Point at = route.label() != null ? new Point(route.label().x(), route.label().y() - 4)
					: route.points().get(route.points().size() / 2);
			Text words = text(said, TextMetrics.TEXT_SIZE, FontWeight.BOLD, FontPosture.REGULAR,
					Color.web(rate > 0 ? "#1168bd" : "#8a8f94"));
			words.setX(at.x());
			words.setY(at.y());
			words.setId("rate:" + flow);
			liveTexts.put(words.getId(), said);
			live.getChildren().add(words);
		});
	}

	/** The whole picture in view, however small its text gets (the overview). */
	void fit() {
		if (diagram != null && place(Math.min(1.5, Math.min(getWidth() / diagram.width(), getHeight() / diagram.height())))) {
			placed = Placed.WHOLE;
		}
	}

	/**
	 * The default view: the whole picture when its text stays legible, else the top of it, centred, at the
	 * smallest legible zoom (drag to pan, Fit for the whole).
	 */
	void fitLegibly() {
		if (diagram != null && place(Math.min(1.5, Math.max(LEGIBLE_SCALE,
				Math.min(getWidth() / diagram.width(), getHeight() / diagram.height()))))) {
			placed = Placed.LEGIBLE;
		}
	}

	private boolean place(double scale) {
		if (diagram == null || getWidth() <= 0 || getHeight() <= 0) {
			return false;
		}
		content.setScaleX(scale);
		content.setScaleY(scale);
		// Group scaling is around its centre: place the scaled picture at the top, centred across
		content.setTranslateX((diagram.width() * scale - diagram.width()) / 2 + (getWidth() - diagram.width() * scale) / 2);
		content.setTranslateY((diagram.height() * scale - diagram.height()) / 2);
		return true;
	}

	/** The overview's scale: the whole picture in a box of {@value #OVERVIEW} pixels at most. */
	private double overviewScale() {
		return Math.min(OVERVIEW / diagram.width(), OVERVIEW / diagram.height());
	}

	private void drawOverview() {
		if (diagram == null || getWidth() <= 0) {
			overview.setVisible(false);
			return;
		}
		javafx.geometry.Bounds seen = content.parentToLocal(new javafx.geometry.BoundingBox(0, 0, getWidth(), getHeight()));
		boolean allInView = seen.getMinX() <= 0.5 && seen.getMinY() <= 0.5 && seen.getMaxX() >= diagram.width() - 0.5
				&& seen.getMaxY() >= diagram.height() - 0.5;
		overview.setVisible(!allInView);
		if (allInView) {
			return;
		}
		double k = overviewScale();
		double width = diagram.width() * k;
		double height = diagram.height() * k;
		overview.resizeRelocate(getWidth() - width - 12, getHeight() - height - 12, width, height);
		overview.getChildren().clear();
		for (DiagramNode node : diagram.diagram().nodes()) {
			Box box = diagram.boxes().get(node.id());
			if (box != null) {
				Rectangle mark = new Rectangle(box.x() * k, box.y() * k, Math.max(2, box.width() * k), Math.max(2, box.height() * k));
				mark.setFill(Color.web(DiagramStyle.of(node.kind()).fill()));
				overview.getChildren().add(mark);
			}
		}
		double left = Math.max(0, seen.getMinX());
		double top = Math.max(0, seen.getMinY());
		Rectangle view = new Rectangle(left * k, top * k, (Math.min(diagram.width(), seen.getMaxX()) - left) * k,
				(Math.min(diagram.height(), seen.getMaxY()) - top) * k);
		view.setFill(Color.web("#1168bd", 0.08));
		view.setStroke(Color.web("#d9534f"));
		view.setStrokeWidth(1.5);
		view.setId("overview-view");
		overview.getChildren().add(view);
	}

	/** A press or drag on the overview brings that point of the picture to the middle of the view. */
	private void lookAt(MouseEvent event) {
		if (diagram == null) {
			return;
		}
		double k = overviewScale();
		Point2D wanted = new Point2D(event.getX() / k, event.getY() / k);
		Point2D middle = content.parentToLocal(getWidth() / 2, getHeight() / 2);
		content.setTranslateX(content.getTranslateX() + (middle.getX() - wanted.getX()) * content.getScaleX());
		content.setTranslateY(content.getTranslateY() + (middle.getY() - wanted.getY()) * content.getScaleY());
		placed = Placed.BY_HAND;
		event.consume();
	}

	/** Where a point of the picture is on the screen, for tests. */
	Point2D screenPointOf(double x, double y) {
		return localToScreen(content.localToParent(x, y));
	}

	/** Whether the overview shows (part of the picture is out of view), for tests. */
	boolean overviewShown() {
		return overview.isVisible();
	}

	private void zoom(ScrollEvent event) {
		placed = Placed.BY_HAND;
		double factor = event.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
		double scale = Math.max(0.1, Math.min(4, content.getScaleX() * factor));
		content.setScaleX(scale);
		content.setScaleY(scale);
		event.consume();
	}

	private void pressed(MouseEvent event) {
		if (event.getButton() != MouseButton.PRIMARY
				|| overview.isVisible() && overview.getBoundsInParent().contains(event.getX(), event.getY())) {
			return; // the overview's own
		}
		pressedAt = new Point2D(event.getX(), event.getY());
		dragStart = pressedAt;
		pressedNode = nodeAt(event.getSceneX(), event.getSceneY());
		dragging = false;
		requestFocus(); // the keyboard leaves the text: a key typed after a click on a box must not replace its selected declaration
	}

	private void dragged(MouseEvent event) {
		if (pressedAt == null) {
			return;
		}
		double dx = event.getX() - pressedAt.getX();
		double dy = event.getY() - pressedAt.getY();
		if (!dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) {
			return;
		}
		dragging = true;
		if (pressedNode != null) {
			// the box follows the pointer; over another component, a line says that dropping there subscribes
			Group box = boxes.get(pressedNode.id());
			box.setTranslateX((event.getX() - dragStart.getX()) / content.getScaleX());
			box.setTranslateY((event.getY() - dragStart.getY()) / content.getScaleY());
			DiagramNode over = nodeAt(event.getSceneX(), event.getSceneY(), pressedNode);
			boolean subscribes = pressedNode.kind() == NodeKind.COMPONENT && over != null && over.kind() == NodeKind.COMPONENT;
			if (subscribes) {
				rubberBand.setStartX(dragStart.getX());
				rubberBand.setStartY(dragStart.getY());
				rubberBand.setEndX(event.getX());
				rubberBand.setEndY(event.getY());
			}
			rubberBand.setVisible(subscribes);
		} else {
			placed = Placed.BY_HAND;
			content.setTranslateX(content.getTranslateX() + dx);
			content.setTranslateY(content.getTranslateY() + dy);
			pressedAt = new Point2D(event.getX(), event.getY());
		}
	}

	private void released(MouseEvent event) {
		if (pressedAt == null) {
			return;
		}
		DiagramNode released = pressedNode == null ? null : nodeAt(event.getSceneX(), event.getSceneY(), pressedNode);
		if (!dragging && pressedNode != null) {
			highlight(pressedNode.id());
			if (event.getClickCount() >= 2) {
				onOpen.accept(pressedNode);
			} else {
				onSelect.accept(pressedNode);
			}
		} else if (dragging && pressedNode != null) {
			Group box = boxes.get(pressedNode.id());
			double dx = box.getTranslateX();
			double dy = box.getTranslateY();
			box.setTranslateX(0);
			box.setTranslateY(0);
			if (rubberBand.isVisible() && released != null && released.kind() == NodeKind.COMPONENT) {
				onConnect.accept(pressedNode, released);
			} else if (released == null) {
				Box at = diagram.boxes().get(pressedNode.id());
				box.setTranslateX(dx); // it stays where dropped until the picture is laid out again
				box.setTranslateY(dy);
				onMove.accept(pressedNode, new LaidOutDiagram.Point(at.x() + dx, at.y() + dy));
			}
		}
		rubberBand.setVisible(false);
		pressedAt = null;
		pressedNode = null;
		dragging = false;
	}

	/** Where a point of the screen is in the picture's own coordinates, whatever the zoom and the scroll. */
	LaidOutDiagram.Point pictureAt(double screenX, double screenY) {
		Point2D local = content.screenToLocal(screenX, screenY);
		return new LaidOutDiagram.Point(local.getX(), local.getY());
	}

	/** The node under a scene point, if any. */
	DiagramNode nodeAt(double sceneX, double sceneY) {
		return nodeAt(sceneX, sceneY, null);
	}

	/** The node under a scene point other than {@code except}, if any. */
	private DiagramNode nodeAt(double sceneX, double sceneY, DiagramNode except) {
		if (diagram == null) {
			return null;
		}
		Point2D local = content.sceneToLocal(sceneX, sceneY);
		for (DiagramNode node : diagram.diagram().nodes()) {
			Box box = diagram.boxes().get(node.id());
			if (box != null && node != except && box.contains(local.getX(), local.getY())) {
				return node;
			}
		}
		return null;
	}

	private void highlight(String id) {
		selected = id;
		boxes.forEach((key, group) -> group.setEffect(key.equals(id)
				? new javafx.scene.effect.DropShadow(14, Color.web("#f0ad4e")) : null));
	}

	/**
	 * The arrows under a point of the scene, {@code entered} first: every one whose line runs there, not only the one
	 * drawn on top, since arrows into one box share its last stretch.
	 */
	private List<DiagramEdge> arrowsAt(double sceneX, double sceneY, DiagramEdge entered) {
		List<DiagramEdge> under = new java.util.ArrayList<>(List.of(entered));
		edges.values().forEach(drawn -> {
			if (drawn.edge() != entered && drawn.group().contains(drawn.group().sceneToLocal(sceneX, sceneY))) {
				under.add(drawn.edge());
			}
		});
		return under;
	}

	/** Lights these arrows and fades every other; none: all as drawn. */
	private void light(java.util.Collection<String> lit) {
		edges.forEach((id, drawn) -> {
			boolean on = lit.contains(id);
			drawn.group().setOpacity(lit.isEmpty() || on ? 1 : 0.18);
			drawn.line().setStroke(Color.web(on ? DiagramStyle.LIT : DiagramStyle.EDGE));
			drawn.line().setStrokeWidth(on ? 2.4 : 1.4);
			if (drawn.head() != null) {
				drawn.head().setFill(Color.web(on ? DiagramStyle.LIT : DiagramStyle.EDGE));
			}
		});
	}

	/** Whether the arrow is lit (read by tests): drawn in {@link DiagramStyle#LIT}, the others faded. */
	boolean lit(String edgeId) {
		DrawnEdge drawn = edges.get(edgeId);
		return drawn != null && drawn.line().getStroke().equals(Color.web(DiagramStyle.LIT));
	}

	/** The arrows' tooltip (read by tests). */
	javafx.scene.control.Tooltip arrowTip() {
		return arrowTip;
	}

	/** Where on the screen the middle of the arrow's last stretch is, by its head (for tests to point at). */
	javafx.geometry.Point2D onArrow(String edgeId) {
		var points = edges.get(edgeId).line().getPoints();
		int n = points.size();
		return edges.get(edgeId).group().localToScreen((points.get(n - 4) + points.get(n - 2)) / 2, (points.get(n - 3) + points.get(n - 1)) / 2);
	}

	/** How opaque the arrow is drawn now (read by tests). */
	double opacityOf(String edgeId) {
		return edges.get(edgeId).group().getOpacity();
	}

	private Group edge(DiagramEdge edge, Route route) {
		Group group = new Group();
		group.setId("edge:" + edge.id());
		Polyline line = new Polyline();
		route.points().forEach(p -> line.getPoints().addAll(p.x(), p.y()));
		line.setStroke(Color.web(DiagramStyle.EDGE));
		line.setStrokeWidth(1.4);
		if (edge.kind() == EdgeKind.EVENTS) {
			line.getStrokeDashArray().setAll(6.0, 4.0);
		}
		Polyline hit = new Polyline(); // an arrow 1.4 pixels wide is hard to rest a pointer on
		hit.getPoints().setAll(line.getPoints());
		hit.setStroke(Color.TRANSPARENT);
		hit.setStrokeWidth(10);
		group.getChildren().addAll(hit, line);
		javafx.scene.control.Tooltip.install(group, arrowTip);
		group.setOnMouseEntered(e -> {
			List<DiagramEdge> under = arrowsAt(e.getSceneX(), e.getSceneY(), edge);
			arrowTip.setText(under.stream().map(diagram.diagram()::describe).collect(java.util.stream.Collectors.joining("\n\n")));
			light(under.stream().map(DiagramEdge::id).toList());
		});
		group.setOnMouseExited(e -> light(List.of()));
		Polygon head = edge.kind() == EdgeKind.LINK ? null
				: arrow(route.points().get(route.points().size() - 2), route.points().get(route.points().size() - 1));
		if (head != null) {
			group.getChildren().add(head);
		}
		edges.put(edge.id(), new DrawnEdge(edge, group, line, head));
		Box label = route.label();
		if (label != null) {
			Rectangle background = new Rectangle(label.x(), label.y(), label.width(), label.height());
			background.setFill(Color.web("#ffffff", 0.9));
			Text text = text(String.join("\n", edge.label()), TextMetrics.TEXT_SIZE, FontWeight.NORMAL, FontPosture.REGULAR,
					Color.web("#33404d"));
			text.setX(label.x() + 4);
			text.setY(label.y() + 13);
			group.getChildren().addAll(background, text);
		}
		return group;
	}

	private static Polygon arrow(Point from, Point to) {
		double angle = Math.atan2(to.y() - from.y(), to.x() - from.x());
		double size = 9;
		Polygon head = new Polygon(to.x(), to.y(),
				to.x() - size * Math.cos(angle - 0.4), to.y() - size * Math.sin(angle - 0.4),
				to.x() - size * Math.cos(angle + 0.4), to.y() - size * Math.sin(angle + 0.4));
		head.setFill(Color.web(DiagramStyle.EDGE));
		return head;
	}

	private Group box(DiagramNode node, Box box) {
		Colors colors = DiagramStyle.of(node.kind());
		Group group = new Group();
		group.setId("node:" + node.id());
		group.getStyleClass().add("diagram-node");
		Color fill = Color.web(colors.fill());
		Color stroke = Color.web(colors.stroke());
		double top = box.y() + NodeMetrics.top(node);
		if (node.kind() == NodeKind.PERSON) {
			double r = NodeMetrics.PERSON_HEAD / 2 - 1;
			Circle head = new Circle(box.x() + box.width() / 2, box.y() + r + 1, r, fill);
			head.setStroke(stroke);
			Rectangle body = new Rectangle(box.x(), top - 4, box.width(), box.height() - NodeMetrics.top(node) + 4);
			body.setArcWidth(44);
			body.setArcHeight(44);
			paint(body, fill, stroke);
			group.getChildren().addAll(head, body);
		} else if (node.kind().isStore()) {
			double cap = NodeMetrics.top(node);
			double y = box.y() + cap / 2;
			double bottom = box.y() + box.height() - cap / 2;
			Path cylinder = new Path(new MoveTo(box.x(), y), new ArcTo(box.width() / 2, cap / 2, 0, box.x() + box.width(), y, false, false),
					new LineTo(box.x() + box.width(), bottom),
					new ArcTo(box.width() / 2, cap / 2, 0, box.x(), bottom, false, true), new LineTo(box.x(), y));
			paint(cylinder, fill, stroke);
			Ellipse lid = new Ellipse(box.x() + box.width() / 2, y, box.width() / 2, cap / 2);
			paint(lid, fill, stroke);
			group.getChildren().addAll(cylinder, lid);
		} else {
			Rectangle rect = new Rectangle(box.x(), box.y(), box.width(), box.height());
			double arc = node.kind() == NodeKind.ENTITY || node.kind() == NodeKind.REPLICA || node.kind() == NodeKind.EVENTS ? 8 : 20;
			rect.setArcWidth(arc);
			rect.setArcHeight(arc);
			paint(rect, fill, stroke);
			if (node.kind() == NodeKind.REPLICA) {
				rect.getStrokeDashArray().setAll(5.0, 3.0);
			}
			group.getChildren().add(rect);
		}
		Color textColor = Color.web(colors.text());
		double centre = box.x() + box.width() / 2;
		double y = top + NodeMetrics.PADDING + 12;
		Text title = centred(text(node.title(), TextMetrics.TITLE_SIZE, FontWeight.BOLD, FontPosture.REGULAR, textColor), centre, y);
		y += TextMetrics.LINE_HEIGHT + 4;
		Text technology = centred(text(NodeMetrics.technologyLine(node), TextMetrics.TEXT_SIZE, FontWeight.NORMAL,
				FontPosture.ITALIC, textColor), centre, y);
		group.getChildren().addAll(title, technology);
		List<String> details = NodeMetrics.shownDetails(node);
		if (!details.isEmpty()) {
			Text lines = text(String.join("\n", details), TextMetrics.TEXT_SIZE, FontWeight.NORMAL, FontPosture.REGULAR, textColor);
			lines.setX(box.x() + NodeMetrics.PADDING);
			lines.setY(y + 6 + TextMetrics.LINE_HEIGHT);
			group.getChildren().add(lines);
		}
		return group;
	}

	private static void paint(javafx.scene.shape.Shape shape, Color fill, Color stroke) {
		shape.setFill(fill);
		shape.setStroke(stroke);
		shape.setStrokeWidth(1.5);
	}

	private static Text centred(Text text, double centre, double y) {
		text.setTextAlignment(TextAlignment.CENTER);
		text.setX(centre - text.getLayoutBounds().getWidth() / 2);
		text.setY(y);
		return text;
	}

	private static Text text(String value, double size, FontWeight weight, FontPosture posture, Color color) {
		Text text = new Text(value);
		text.setFont(Font.font(TextMetrics.FONT_FAMILY, weight, posture, size));
		text.setFill(color);
		text.setLineSpacing(TextMetrics.LINE_HEIGHT - size * 1.2);
		return text;
	}
}
