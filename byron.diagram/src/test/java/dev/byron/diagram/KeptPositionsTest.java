package dev.byron.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.diagram.LaidOutDiagram.Box;
import dev.byron.diagram.LaidOutDiagram.Point;

/** A box the user placed stays where it was put, across layouts and across edits of the model. */
class KeptPositionsTest {
	private static final java.nio.file.Path OUT = java.nio.file.Path.of(System.getProperty("byron.screenshots", "target/screenshots"));

	@Test
	void aNewBoxWithoutAKeptPlaceStandsWhereNoOtherDoes() throws Exception {
		Diagram diagram = C4Diagrams.containers(DiagramExportTest.model("microblog"));
		LaidOutDiagram free = DiagramLayout.layout(diagram);
		Box posts = free.boxes().get("component:posts");
		Map<String, Point> kept = new HashMap<>();
		free.boxes().forEach((id, box) -> kept.put(id, new Point(box.x(), box.y())));
		kept.remove("component:likes");
		kept.put("component:timeline", new Point(free.boxes().get("component:likes").x(), free.boxes().get("component:likes").y()));
		LaidOutDiagram laidOut = DiagramLayout.layout(diagram, kept);
		DiagramExportTest.assertNoOverlaps(laidOut);
		assertThat(laidOut.boxes().get("component:posts")).isEqualTo(posts);
	}

	@Test
	void aNewBoxProposedInAFullRowStandsAtTheClearPlaceNearestToItNotAtTheRowsEnd() {
		java.util.List<DiagramNode> nodes = new java.util.ArrayList<>();
		Map<String, Box> exact = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 40; i++) {
			nodes.add(new DiagramNode("c" + i, NodeKind.COMPONENT, "c" + i, "component", java.util.List.of(), null));
			exact.put("c" + i, new Box(40 + i * 200, 300, 180, 100));
		}
		nodes.add(new DiagramNode("added", NodeKind.COMPONENT, "added", "component", java.util.List.of(), null));
		Map<String, Box> proposed = new java.util.LinkedHashMap<>(exact);
		Box wanted = new Box(40 + 10 * 200, 300, 180, 100); // on top of c10: the row is full both ways for 4,000 units
		proposed.put("added", wanted);
		LaidOutDiagram laidOut = KeptLayout.arrange(new Diagram(C4Level.CONTAINERS, "row", nodes, java.util.List.of()), exact, proposed,
				Map.of(), java.util.Set.of("added"));
		Box placed = laidOut.boxes().get("added");
		assertThat(Math.hypot(placed.x() - wanted.x(), placed.y() - wanted.y())).as("placed at " + placed).isLessThan(250);
		exact.forEach((id, box) -> assertThat(laidOut.boxes().get(id)).isEqualTo(box));
		DiagramExportTest.assertNoOverlaps(laidOut);
	}

	@Test
	void aLabelWithNoRoomRightOfItsLineAtThePicturesLeftEdgeStaysInsideThePicture() {
		java.util.List<DiagramNode> nodes = new java.util.ArrayList<>();
		Map<String, Box> boxes = new java.util.LinkedHashMap<>();
		java.util.function.BiConsumer<String, Box> add = (id, box) -> {
			nodes.add(new DiagramNode(id, NodeKind.COMPONENT, id, "component", java.util.List.of(), null));
			boxes.put(id, box);
		};
		add.accept("top", new Box(DiagramLayout.MARGIN, 300, 180, 100)); // against the left edge, one above the other
		add.accept("bottom", new Box(DiagramLayout.MARGIN, 900, 180, 100));
		add.accept("beside", new Box(DiagramLayout.MARGIN + 100, 430, 500, 440)); // just right of the line between them
		java.util.List<DiagramEdge> edges = java.util.List.of(new DiagramEdge("top=>bottom", "top", "bottom",
				java.util.List.of("SomethingHappened → onSomethingHappened"), EdgeKind.EVENTS, null));
		LaidOutDiagram laidOut = KeptLayout.arrange(new Diagram(C4Level.CONTAINERS, "edge", nodes, edges), boxes, boxes, Map.of(),
				java.util.Set.of());
		Box label = laidOut.routes().get("top=>bottom").label();
		assertThat(label.x()).as("the label at " + label).isBetween(0.0, laidOut.width() - label.width());
		laidOut.routes().get("top=>bottom").points().forEach(p -> assertThat(p.x()).isBetween(0.0, laidOut.width()));
		DiagramExportTest.assertNoOverlaps(laidOut);
	}

	@Test
	void twoLinesRoutedAlongTheSameCorridorRunSideBySideNotOneOnTheOther() {
		java.util.List<DiagramNode> nodes = new java.util.ArrayList<>();
		Map<String, Box> boxes = new java.util.LinkedHashMap<>();
		for (int row = 0; row < 2; row++) { // two rows of six boxes, with a corridor between them
			for (int i = 0; i < 6; i++) {
				String id = "r" + row + "c" + i;
				nodes.add(new DiagramNode(id, NodeKind.COMPONENT, id, "component", java.util.List.of(), null));
				boxes.put(id, new Box(40 + i * 300, 300 + row * 400, 180, 100));
			}
		}
		java.util.List<DiagramEdge> edges = java.util.List.of(
				new DiagramEdge("one", "r0c0", "r1c5", java.util.List.of(), EdgeKind.EVENTS, null),
				new DiagramEdge("two", "r0c1", "r1c4", java.util.List.of(), EdgeKind.EVENTS, null));
		LaidOutDiagram laidOut = KeptLayout.arrange(new Diagram(C4Level.CONTAINERS, "corridor", nodes, edges), boxes, boxes, Map.of(),
				java.util.Set.of());
		LaidOutDiagram.Route one = laidOut.routes().get("one");
		LaidOutDiagram.Route two = laidOut.routes().get("two");
		assertThat(sharedLength(one, two)).as(one.points() + " and " + two.points()).isLessThan(1);
	}

	/** How long two routes run on top of each other or within 3 units of it, side by side: the length of those parts. */
	private static double sharedLength(LaidOutDiagram.Route a, LaidOutDiagram.Route b) {
		double shared = 0;
		for (int i = 1; i < a.points().size(); i++) {
			Point a1 = a.points().get(i - 1);
			Point a2 = a.points().get(i);
			for (int j = 1; j < b.points().size(); j++) {
				Point b1 = b.points().get(j - 1);
				Point b2 = b.points().get(j);
				if (a1.y() == a2.y() && b1.y() == b2.y() && Math.abs(a1.y() - b1.y()) <= 3) {
					shared += Math.max(0, Math.min(Math.max(a1.x(), a2.x()), Math.max(b1.x(), b2.x()))
							- Math.max(Math.min(a1.x(), a2.x()), Math.min(b1.x(), b2.x())));
				} else if (a1.x() == a2.x() && b1.x() == b2.x() && Math.abs(a1.x() - b1.x()) <= 3) {
					shared += Math.max(0, Math.min(Math.max(a1.y(), a2.y()), Math.max(b1.y(), b2.y()))
							- Math.max(Math.min(a1.y(), a2.y()), Math.min(b1.y(), b2.y())));
				}
			}
		}
		return shared;
	}

	@Test
	void theProjectsFileKeepsEachArrowAsOneLineAndAFileWrittenBeforeLinesWereKeptStillGivesItsPlaces(@org.junit.jupiter.api.io.TempDir
			java.nio.file.Path project) throws Exception {
		Diagram diagram = C4Diagrams.containers(DiagramExportTest.model("microblog"));
		LaidOutDiagram free = DiagramLayout.layout(diagram);
		Box posts = free.boxes().get("component:posts");
		DiagramPositions.none().moved(free, "component:posts", new Point(posts.x() + 40, posts.y())).write(project);
		String file = java.nio.file.Files.readString(project.resolve(DiagramPositions.FILE));
		assertThat(file).as("one line of the file per arrow").containsPattern("\n +\"clients->gateway\" : \"\\d+,\\d+( \\d+,\\d+)+ label \\d+,\\d+\",?\n")
				.containsPattern("\n +\"component:accounts->broker\" : \"\\d+,\\d+( \\d+,\\d+)+\",?\n");
		Map<String, LaidOutDiagram.Route> lines = DiagramPositions.read(project).linesOf(diagram);
		assertThat(lines).containsKey("clients->gateway").doesNotContainKey("gateway->component:posts")
				.as("the moved box's arrows are routed again").hasSize(diagram.edges().size()
						- (int) diagram.edges().stream().filter(e -> e.from().equals("component:posts") || e.to().equals("component:posts")).count());
		assertThat(lines.get("clients->gateway").points()).hasSameSizeAs(free.routes().get("clients->gateway").points());

		java.nio.file.Files.writeString(project.resolve(DiagramPositions.FILE), "{\"version\": 1, \"views\": {\"" + diagram.title()
				+ "\": {\"component:posts\": {\"x\": 900, \"y\": 40}}}}");
		DiagramPositions older = DiagramPositions.read(project);
		assertThat(older.of(diagram)).containsEntry("component:posts", new Point(900, 40));
		assertThat(older.linesOf(diagram)).isEmpty();
	}

	@Test
	void aComponentRenamedAfterItWasPlacedKeepsItsPlace() throws Exception {
		Diagram before = C4Diagrams.containers(DiagramExportTest.model("microblog"));
		DiagramPositions placed = DiagramPositions.none().moved(DiagramLayout.layout(before), "component:social", new Point(40, 900));
		java.util.function.UnaryOperator<String> renamed = id -> id.equals("component:social") ? "component:network" : id;
		Diagram after = new Diagram(before.level(), before.title(), before.nodes().stream()
				.map(n -> new DiagramNode(renamed.apply(n.id()), n.kind(), n.title(), n.technology(), n.details(), n.source())).toList(),
				before.edges().stream().map(e -> new DiagramEdge(e.id().replace("social", "network"), renamed.apply(e.from()),
						renamed.apply(e.to()), e.label(), e.kind(), e.source())).toList());
		assertThat(placed.of(after)).containsEntry("component:network", new Point(40, 900)).doesNotContainKey("component:other");
		assertThat(DiagramLayout.layout(after, placed.of(after)).boxes().get("component:network").x()).isEqualTo(40);
	}

	@Test
	void aBoxDroppedRightUnderTheGatewayLeavesItsArrowsRunningAcrossAndDownNotSlantedAndNoneIsKeptSlanted(
			@org.junit.jupiter.api.io.TempDir java.nio.file.Path project) throws Exception {
		Diagram diagram = C4Diagrams.containers(DiagramExportTest.model("microblog"));
		LaidOutDiagram free = DiagramLayout.layout(diagram);
		Box gateway = free.boxes().get("gateway");
		Point under = new Point(gateway.x() + 20, gateway.y() + gateway.height() + 7); // as an outside tester dropped one
		DiagramPositions placed = DiagramPositions.none().moved(free, "component:likes", under);
		LaidOutDiagram laid = DiagramLayout.layout(diagram, placed.of(diagram), placed.linesOf(diagram));
		laid.routes().forEach((id, route) -> assertThat(KeptLayout.orthogonal(route)).as(id + " " + route.points()).isTrue());
		placed.moved(laid, "component:posts", new Point(free.boxes().get("component:posts").x(), free.boxes().get("component:posts").y()))
				.write(project);
		assertThat(DiagramPositions.read(project).linesOf(diagram).values()).allMatch(KeptLayout::orthogonal);
	}

	@Test
	void twoComponentsRenamedOneAfterTheOtherBothKeepTheirPlacesOnceTheRenamesAreKept() throws Exception {
		Diagram before = C4Diagrams.containers(DiagramExportTest.model("microblog"));
		DiagramPositions first = DiagramPositions.none().moved(DiagramLayout.layout(before), "component:social", new Point(40, 900));
		DiagramPositions placed = first.moved(DiagramLayout.layout(before, first.of(before)), "component:likes", new Point(900, 40));
		java.util.function.UnaryOperator<String> renamed = id -> id.replace("component:social", "component:network")
				.replace("component:likes", "component:reactions");
		Diagram after = new Diagram(before.level(), before.title(), before.nodes().stream()
				.map(n -> new DiagramNode(renamed.apply(n.id()), n.kind(), n.title(), n.technology(), n.details(), n.source())).toList(),
				before.edges().stream().map(e -> new DiagramEdge(renamed.apply(e.id()), renamed.apply(e.from()), renamed.apply(e.to()),
						e.label(), e.kind(), e.source())).toList());
		assertThat(placed.of(after)).as("two names gone, two new: which is which cannot be told").doesNotContainKeys(
				"component:network", "component:reactions");
		DiagramPositions kept = placed.renamed("component:social", "component:network").renamed("component:likes", "component:reactions");
		assertThat(kept.of(after)).containsEntry("component:network", new Point(40, 900)).containsEntry("component:reactions",
				new Point(900, 40));
	}

	@Test
	void withoutKeptPlacesForItsBoxesTheLayoutIsElks() throws Exception {
		Diagram diagram = C4Diagrams.containers(DiagramExportTest.model("microblog"));
		assertThat(DiagramLayout.layout(diagram, Map.of("component:gone", new Point(1, 1))).boxes())
				.isEqualTo(DiagramLayout.layout(diagram).boxes());
	}

	private static boolean onBorder(Box box, Point p) {
		boolean x = p.x() >= box.x() - 0.01 && p.x() <= box.x() + box.width() + 0.01;
		boolean y = p.y() >= box.y() - 0.01 && p.y() <= box.y() + box.height() + 0.01;
		return x && y && (Math.abs(p.x() - box.x()) < 0.01 || Math.abs(p.x() - box.x() - box.width()) < 0.01
				|| Math.abs(p.y() - box.y()) < 0.01 || Math.abs(p.y() - box.y() - box.height()) < 0.01);
	}

	@Test
	void aMovedBoxKeepsItsPlaceAcrossItsLayerAndTheOthersKeepTheirs() throws Exception {
		Diagram diagram = C4Diagrams.containers(DiagramExportTest.model("microblog"));
		LaidOutDiagram free = DiagramLayout.layout(diagram);
		Map<String, Point> kept = new HashMap<>();
		free.boxes().forEach((id, box) -> kept.put(id, new Point(box.x(), box.y())));
		Box social = free.boxes().get("component:social");
		Box timeline = free.boxes().get("component:timeline");
		kept.put("component:social", new Point(timeline.x() + timeline.width() + 200, social.y()));

		LaidOutDiagram moved = DiagramLayout.layout(diagram, kept);
		assertThat(moved.boxes().get("component:social").x()).isCloseTo(timeline.x() + timeline.width() + 200, within(1.0));
		assertThat(moved.boxes().get("component:social").y()).isCloseTo(social.y(), within(1.0));
		for (String id : free.boxes().keySet()) {
			if (!id.equals("component:social")) {
				assertThat(moved.boxes().get(id)).as(id).isEqualTo(free.boxes().get(id));
			}
		}
		DiagramExportTest.assertNoOverlaps(moved);
		assertThat(moved.routes().keySet()).containsExactlyInAnyOrderElementsOf(free.routes().keySet());
		Box placed = moved.boxes().get("component:social");
		moved.diagram().edges().stream().filter(e -> e.from().equals("component:social") || e.to().equals("component:social"))
				.forEach(e -> {
					var points = moved.routes().get(e.id()).points();
					Point end = e.from().equals("component:social") ? points.get(0) : points.get(points.size() - 1);
					assertThat(onBorder(placed, end)).as("%s meets the moved box", e.id()).isTrue();
				});
		assertThat(moved.width()).isGreaterThanOrEqualTo(placed.x() + placed.width());
		DiagramExport.write(moved, OUT.resolve("microblog-containers-moved.svg"));
		DiagramExport.write(moved, OUT.resolve("microblog-containers-moved.png"));
	}
}
