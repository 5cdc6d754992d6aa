package dev.byron.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.diagram.LaidOutDiagram.Box;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.api.model.ByronModel;

class LastLayoutTest {
	private static final String MODEL = "system s\ncomponent a {\n  entity A { n: String }\n}\ncomponent b {\n  entity B { n: String }\n"
			+ "  replicate a.A { n }\n}\n";

	private static Diagram containers(String text) {
		ByronModel model = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron").toAbsolutePath(), text))).model();
		return C4Diagrams.containers(model);
	}

	@Test
	void anEditThatOnlyMovesDeclarationsReusesTheLayoutWithTheNewDeclarations() {
		LastLayout layouts = new LastLayout();
		LaidOutDiagram first = layouts.layout(containers(MODEL), Map.of());
		Diagram moved = containers("// a comment above everything\n" + MODEL);
		LaidOutDiagram second = layouts.layout(moved, Map.of());
		assertThat(second.boxes()).isSameAs(first.boxes());
		assertThat(second.diagram()).as("the new declarations, for a click on a box").isSameAs(moved);
		assertThat(second.diagram().node("component:a").orElseThrow().source().offset())
				.isGreaterThan(first.diagram().node("component:a").orElseThrow().source().offset());
	}

	@Test
	void aNewComponentOrAKeptPositionLaysTheViewOutAgain() {
		LastLayout layouts = new LastLayout();
		LaidOutDiagram first = layouts.layout(containers(MODEL), Map.of());
		LaidOutDiagram added = layouts.layout(containers(MODEL + "component c {\n  entity C { n: String }\n}\n"), Map.of());
		assertThat(added.boxes()).containsKey("component:c").isNotSameAs(first.boxes());
		LaidOutDiagram kept = layouts.layout(containers(MODEL + "component c {\n  entity C { n: String }\n}\n"),
				Map.of("component:c", new LaidOutDiagram.Point(900, 700)));
		assertThat(kept.boxes().get("component:c").x()).isEqualTo(900);
	}

	/** A chain of components, each replicating the one before: a large view once there are more than 20 boxes. */
	private static String chain(int components) {
		StringBuilder text = new StringBuilder("system s\n");
		for (int i = 0; i < components; i++) {
			text.append("component c").append(i).append(" {\n  entity E").append(i).append(" { n: String }\n");
			if (i > 0) {
				text.append("  replicate c").append(i - 1).append(".E").append(i - 1).append(" { n }\n");
			}
			text.append("}\n");
		}
		return text.toString();
	}

	private static final String ADDED = "component added {\n  entity Extra { n: String }\n  replicate c69.E69 { n }\n}\n";

	@Test
	void aComponentAddedToALargeViewLeavesEveryOtherBoxWhereItWasAndStandsClearOfThem(@TempDir Path cache) {
		LastLayout layouts = new LastLayout(new LayoutStore(cache));
		Path project = Path.of("project").toAbsolutePath();
		LaidOutDiagram before = layouts.layout(project, containers(chain(70)), Map.of());
		assertThat(layouts.fromEarlier(project, before.diagram())).as("the first layout is ELK's").isFalse();

		LaidOutDiagram after = layouts.layout(project, containers(chain(70) + ADDED), Map.of());
		before.boxes().forEach((id, box) -> assertThat(after.boxes().get(id)).as(id).isEqualTo(box));
		Box added = after.boxes().get("component:added");
		assertThat(added).isNotNull();
		after.boxes().forEach((id, box) -> {
			if (!id.equals("component:added")) {
				assertThat(overlap(added, box)).as("the new box overlaps " + id).isFalse();
			}
		});
		assertThat(after.routes()).containsKeys(after.diagram().edges().stream().map(DiagramEdge::id).toArray(String[]::new));
		assertThat(layouts.fromEarlier(project, after.diagram())).as("laying it out again would change it").isTrue();
	}

	@Test
	void aComponentAddedToAViewOfTwentyFiveLeavesEveryOtherBoxWhereItWas() {
		LastLayout layouts = new LastLayout();
		LaidOutDiagram before = layouts.layout(containers(chain(25)), Map.of());
		LaidOutDiagram after = layouts.layout(containers(chain(25) + joinedTo("audit", 12)), Map.of());
		before.boxes().forEach((id, box) -> assertThat(after.boxes().get(id)).as(id).isEqualTo(box));
		assertThat(after.boxes()).containsKey("component:audit");
		DiagramExportTest.assertNoOverlaps(after);
	}

	private static String joinedTo(String name, int component) {
		return "component " + name + " {\n  entity " + name.toUpperCase() + " { n: String }\n  replicate c" + component + ".E" + component
				+ " { n }\n}\n";
	}

	private static double distance(Box a, Box b) {
		return Math.abs(a.x() + a.width() / 2 - b.x() - b.width() / 2) + Math.abs(a.y() + a.height() / 2 - b.y() - b.height() / 2);
	}

	@Test
	void aNewBoxStandsBesideWhatItReplicatesNotWhereTheGatewayPullsItAndNoOtherLineRunsThroughIt() {
		LastLayout layouts = new LastLayout();
		LaidOutDiagram before = layouts.layout(containers(chain(70)), Map.of());
		LaidOutDiagram after = layouts.layout(containers(chain(70) + joinedTo("audit", 40)), Map.of());
		Box added = after.boxes().get("component:audit");
		Box source = after.boxes().get("component:c40");
		assertThat(distance(added, source)).as("from c40, while the gateway is " + distance(source, after.boxes().get("gateway")) + " away")
				.isLessThan(distance(before.boxes().get("gateway"), source) / 2);
		for (DiagramEdge edge : after.diagram().edges()) {
			if (edge.from().equals("component:audit") || edge.to().equals("component:audit")) {
				continue;
			}
			List<LaidOutDiagram.Point> points = after.routes().get(edge.id()).points();
			for (int i = 1; i < points.size(); i++) {
				LaidOutDiagram.Point a = points.get(i - 1);
				LaidOutDiagram.Point b = points.get(i);
				Box segment = new Box(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y()));
				assertThat(overlap(segment, added) || segment.width() == 0 && touches(segment, added) || segment.height() == 0 && touches(segment, added))
						.as(edge.id() + " runs through or along the new box").isFalse();
			}
		}
	}

	private static boolean crosses(LaidOutDiagram.Route route, Box box) {
		for (int i = 1; i < route.points().size(); i++) {
			LaidOutDiagram.Point a = route.points().get(i - 1);
			LaidOutDiagram.Point b = route.points().get(i);
			if (touches(new Box(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())), box)) {
				return true;
			}
		}
		return route.label() != null && touches(route.label(), box);
	}

	private static boolean touches(Box line, Box box) {
		return line.x() <= box.x() + box.width() && box.x() <= line.x() + line.width() && line.y() <= box.y() + box.height()
				&& box.y() <= line.y() + line.height();
	}

	@Test
	void aBoxTypedBeforeItsFirstReplicateGoesBesideWhatItReplicatesOnceItDoes() {
		LastLayout layouts = new LastLayout();
		layouts.layout(containers(chain(70)), Map.of());
		LaidOutDiagram alone = layouts.layout(containers(chain(70) + "component audit {\n  entity AUDIT { n: String }\n}\n"), Map.of());
		LaidOutDiagram joined = layouts.layout(containers(chain(70) + joinedTo("audit", 40)), Map.of());
		Box source = joined.boxes().get("component:c40");
		assertThat(distance(joined.boxes().get("component:audit"), source)).isLessThan(distance(alone.boxes().get("component:audit"), source));
		alone.boxes().forEach((id, box) -> {
			if (!id.equals("component:audit")) {
				assertThat(joined.boxes().get(id)).as(id).isEqualTo(box);
			}
		});
	}

	@Test
	void aComponentJoinedToNothingStaysWhereItIsWhenANewOneReplicatesIt() {
		String alone = "component lone {\n  entity LONE { n: String }\n}\n";
		LastLayout layouts = new LastLayout();
		LaidOutDiagram before = layouts.layout(containers(chain(70) + alone), Map.of());
		LaidOutDiagram after = layouts.layout(containers(chain(70) + alone
				+ "component reader {\n  entity READER { n: String }\n  replicate lone.LONE { n }\n}\n"), Map.of());
		before.boxes().forEach((id, box) -> assertThat(after.boxes().get(id)).as(id).isEqualTo(box));
	}

	@Test
	void boxesBackAfterABriefErrorOrAnUndoStandWhereTheyWere() {
		LastLayout layouts = new LastLayout();
		LaidOutDiagram before = layouts.layout(containers(chain(70)), Map.of());
		String withoutTail = chain(70).substring(0, chain(70).indexOf("component c65 {"));
		layouts.layout(containers(withoutTail), Map.of()); // what a missing brace leaves of the file
		LaidOutDiagram back = layouts.layout(containers(chain(70)), Map.of());
		before.boxes().forEach((id, box) -> assertThat(back.boxes().get(id)).as(id).isEqualTo(box));
	}

	@Test
	void aRenamedComponentKeepsItsPlace() {
		LastLayout layouts = new LastLayout();
		LaidOutDiagram before = layouts.layout(containers(chain(70)), Map.of());
		LaidOutDiagram after = layouts.layout(containers(chain(70).replace("component c69 {", "component last {")), Map.of());
		assertThat(after.boxes().get("component:last")).isEqualTo(before.boxes().get("component:c69"));
	}

	@Test
	void aBoxDraggedInALargeViewMovesAloneAndOnlyItsArrowsAreDrawnAnew() {
		LastLayout layouts = new LastLayout();
		Diagram view = containers(chain(70));
		LaidOutDiagram before = layouts.layout(view, Map.of());
		// as the studio keeps them: every box where it is drawn, in whole units, and the dragged one where it was dropped
		Map<String, LaidOutDiagram.Point> kept = new java.util.HashMap<>();
		before.boxes().forEach((id, box) -> kept.put(id, new LaidOutDiagram.Point(Math.round(box.x()), Math.round(box.y()))));
		Box dragged = before.boxes().get("component:c10");
		kept.put("component:c10", new LaidOutDiagram.Point(Math.round(dragged.x() + 400), Math.round(dragged.y())));
		LaidOutDiagram after = layouts.layout(view, kept);
		before.boxes().forEach((id, box) -> {
			if (!id.equals("component:c10")) {
				assertThat(after.boxes().get(id)).as(id).isEqualTo(box);
			}
		});
		Box dropped = after.boxes().get("component:c10");
		int unchanged = 0;
		for (DiagramEdge edge : view.edges()) {
			if (!edge.from().equals("component:c10") && !edge.to().equals("component:c10") && !crosses(before.routes().get(edge.id()), dropped)) {
				assertThat(after.routes().get(edge.id())).as(edge.id()).isEqualTo(before.routes().get(edge.id()));
				unchanged++;
			}
		}
		assertThat(unchanged).as("the arrows that neither touch the dragged box nor cross where it was dropped").isGreaterThan(view.edges().size() / 2);
	}

	@Test
	void aBoxThatGrowsInALargeViewKeepsItsPlaceAndItsArrowsMeetItsNewBorder() {
		LastLayout layouts = new LastLayout();
		LaidOutDiagram before = layouts.layout(containers(chain(70)), Map.of());
		LaidOutDiagram after = layouts.layout(containers(chain(70).replace("component c5 {\n", "component c5 {\n  entity Extra { n: String }\n")),
				Map.of());
		Box was = before.boxes().get("component:c5");
		Box grown = after.boxes().get("component:c5");
		assertThat(grown.height()).as("the new entity is a line more").isGreaterThan(was.height());
		assertThat(List.of(grown.x(), grown.y())).isEqualTo(List.of(was.x(), was.y()));
		for (DiagramEdge edge : after.diagram().edges()) {
			List<LaidOutDiagram.Point> points = after.routes().get(edge.id()).points();
			if (edge.from().equals("component:c5")) {
				assertThat(onBorder(points.get(0), grown)).as(edge.id() + " leaves from the border").isTrue();
			}
			if (edge.to().equals("component:c5")) {
				assertThat(onBorder(points.get(points.size() - 1), grown)).as(edge.id() + " arrives at the border").isTrue();
			}
		}
	}

	private static boolean onBorder(LaidOutDiagram.Point p, Box box) {
		boolean alongX = p.x() >= box.x() - 0.5 && p.x() <= box.x() + box.width() + 0.5;
		boolean alongY = p.y() >= box.y() - 0.5 && p.y() <= box.y() + box.height() + 0.5;
		boolean onHorizontal = alongX && (Math.abs(p.y() - box.y()) < 0.5 || Math.abs(p.y() - box.y() - box.height()) < 0.5);
		boolean onVertical = alongY && (Math.abs(p.x() - box.x()) < 0.5 || Math.abs(p.x() - box.x() - box.width()) < 0.5);
		return onHorizontal || onVertical;
	}

	@Test
	void aLargeViewOpenedAgainInANewProcessShowsItsLastLayoutAndForgettingItGivesElksLayout(@TempDir Path cache) {
		Path project = Path.of("project").toAbsolutePath();
		LastLayout first = new LastLayout(new LayoutStore(cache));
		first.layout(project, containers(chain(70)), Map.of());
		LaidOutDiagram left = first.layout(project, containers(chain(70) + ADDED), Map.of());

		LastLayout next = new LastLayout(new LayoutStore(cache));
		Diagram view = containers(chain(70) + ADDED);
		LaidOutDiagram opened = next.layout(project, view, Map.of());
		assertThat(opened.boxes()).isEqualTo(left.boxes());
		assertThat(opened.routes()).isEqualTo(left.routes());
		assertThat(opened.diagram()).as("with the declarations of the texts as they are").isSameAs(view);
		assertThat(next.fromEarlier(project, view)).isTrue();

		next.forget(project, view);
		assertThat(next.layout(project, view, Map.of()).boxes()).isEqualTo(DiagramLayout.layout(view).boxes());
		assertThat(next.fromEarlier(project, view)).isFalse();
		assertThat(new LastLayout(new LayoutStore(cache)).layout(project, view, Map.of()).boxes())
				.as("what is forgotten stays forgotten in the next process").isEqualTo(DiagramLayout.layout(view).boxes());
	}

	@Test
	void aStoredLayoutThatCannotBeReadIsPassedOverAndWrittenAgain(@TempDir Path cache) throws Exception {
		Path project = Path.of("project").toAbsolutePath();
		Diagram view = containers(chain(70));
		LayoutStore store = new LayoutStore(cache);
		Files.createDirectories(cache);
		Files.writeString(store.file(project, view), "{\"version\": 1, \"boxes\": [cut short");
		assertThat(new LastLayout(store).layout(project, view, Map.of()).boxes()).isEqualTo(DiagramLayout.layout(view).boxes());
		assertThat(store.file(project, view)).content().startsWith("{\"version\":1,");
		try (var files = Files.list(cache)) {
			assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left behind").allMatch(n -> n.endsWith(".json"));
		}
	}

	@Test
	void aStoredLayoutWhoseBoxesAnotherVersionSizedIsLaidOutAgain(@TempDir Path cache) throws Exception {
		Path project = Path.of("project").toAbsolutePath();
		Diagram view = containers(chain(70));
		LayoutStore store = new LayoutStore(cache);
		new LastLayout(store).layout(project, view, Map.of());
		Path file = store.file(project, view);
		Files.writeString(file, Files.readString(file).replace("\"width\":205.0", "\"width\":190.0"));
		assertThat(new LastLayout(store).layout(project, view, Map.of()).boxes().values()).noneMatch(box -> box.width() == 190.0);
	}

	@Test
	void aKeptPlaceGivenUpLaysTheLargeViewOutAfresh() {
		LastLayout layouts = new LastLayout();
		Diagram view = containers(chain(70));
		layouts.layout(view, Map.of("component:c3", new LaidOutDiagram.Point(5000, 40)));
		assertThat(layouts.layout(view, Map.of()).boxes()).as("the user asked ELK for a new layout")
				.isEqualTo(DiagramLayout.layout(view).boxes());
	}

	@Test
	void tooLargeAChangeLaysTheViewOutAfresh() {
		LastLayout layouts = new LastLayout();
		layouts.layout(containers(chain(61)), Map.of());
		Diagram grown = containers(chain(90));
		assertThat(layouts.layout(grown, Map.of()).boxes()).isEqualTo(DiagramLayout.layout(grown).boxes());
	}

	/** Components each replicating one of the first eight: several boxes to a row. */
	private static String tree(int components) {
		StringBuilder text = new StringBuilder("system s\n");
		for (int i = 0; i < components; i++) {
			text.append("component c").append(i).append(" {\n  entity E").append(i).append(" { n: String }\n");
			if (i > 0) {
				int from = (i * 5) % Math.min(i, 8);
				text.append("  replicate c").append(from).append(".E").append(from).append(" { n }\n");
			}
			text.append("}\n");
		}
		return text.toString();
	}

	@Test
	void aLargeContainersViewDrawsTheGatewaysAndTheBrokersArrowsAsBusesThatCrossNoBox() {
		for (String model : List.of(chain(70), tree(90))) {
			LaidOutDiagram laid = new LastLayout().layout(containers(model), Map.of());
			Box gateway = laid.boxes().get("gateway");
			Box broker = laid.boxes().get("broker");
			for (DiagramEdge edge : laid.diagram().edges()) {
				LaidOutDiagram.Route route = laid.routes().get(edge.id());
				boolean hub = edge.from().equals("gateway") || edge.to().equals("broker");
				laid.boxes().forEach((id, box) -> {
					if (hub && !id.equals(edge.from()) && !id.equals(edge.to())) {
						assertThat(crosses(route, box)).as(edge.id() + " crosses " + id).isFalse();
					}
				});
				List<LaidOutDiagram.Point> points = route.points();
				if (edge.from().equals("gateway")) {
					Box to = laid.boxes().get(edge.to());
					assertThat(to.y()).as(edge.to() + " below the gateway").isGreaterThan(gateway.y() + gateway.height());
					assertThat(points.get(points.size() - 1).y()).as(edge.id() + " enters the top").isEqualTo(to.y());
				}
				if (edge.to().equals("broker")) {
					Box from = laid.boxes().get(edge.from());
					assertThat(from.y() + from.height()).as(edge.from() + " above the broker").isLessThan(broker.y());
					assertThat(points.get(0).y()).as(edge.id() + " leaves the bottom").isEqualTo(from.y() + from.height());
					assertThat(points.get(points.size() - 1).y()).isEqualTo(broker.y());
				}
			}
		}
	}

	@Test
	void aLargeViewWhoseFewComponentsEveryOtherReplicatesIsAboutAsWideAsItIsTallAndItsLabelsStandClearOfTheBusesAndOfEachOther() {
		StringBuilder text = new StringBuilder("system s\n");
		for (int hub = 0; hub < 3; hub++) { // three components everyone replicates from, as a catalogue, customers, pricing
			text.append("component hub").append(hub).append(" {\n  entity H").append(hub).append(" { n: String }\n}\n");
		}
		for (int i = 0; i < 80; i++) {
			text.append("component c").append(i).append(" {\n  entity E").append(i).append(" { n: String }\n");
			text.append("  replicate hub").append(i % 3).append(".H").append(i % 3).append(" { n }\n");
			if (i % 4 == 0) {
				text.append("  replicate hub").append((i + 1) % 3).append(".H").append((i + 1) % 3).append(" { n }\n");
			}
			if (i >= 8 && i % 2 == 0) {
				text.append("  replicate c").append(i / 8).append(".E").append(i / 8).append(" { n }\n");
			}
			text.append("}\n");
		}
		LaidOutDiagram laid = new LastLayout().layout(containers(text.toString()), Map.of());

		assertThat(laid.width() / laid.height()).as("%.0f x %.0f: not a row of every component replicating the hubs", laid.width(),
				laid.height()).isBetween(0.5, 2.5);
		List<Box> labels = laid.routes().values().stream().map(LaidOutDiagram.Route::label).filter(java.util.Objects::nonNull).toList();
		assertThat(labels).hasSizeGreaterThan(80);
		for (int i = 0; i < labels.size(); i++) {
			for (int j = i + 1; j < labels.size(); j++) {
				assertThat(overlap(labels.get(i), labels.get(j))).as(labels.get(i) + " and " + labels.get(j)).isFalse();
			}
		}
		for (DiagramEdge edge : laid.diagram().edges()) {
			if (edge.from().equals("gateway") || edge.to().equals("broker")) {
				List<LaidOutDiagram.Point> points = laid.routes().get(edge.id()).points();
				for (int k = 1; k < points.size(); k++) {
					LaidOutDiagram.Point a = points.get(k - 1);
					LaidOutDiagram.Point b = points.get(k);
					Box line = new Box(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y()));
					labels.forEach(label -> assertThat(touches(line, label)).as(edge.id() + " runs through the label at " + label).isFalse());
				}
			}
		}
	}

	@Test
	void aViewLaidOutAroundKeptPlacesFromAnotherLayoutPutsItsLabelsOnNoBox() {
		LaidOutDiagram before = DiagramLayout.layout(containers(tree(90)));
		Map<String, LaidOutDiagram.Point> kept = new java.util.HashMap<>();
		before.boxes().forEach((id, box) -> kept.put(id, new LaidOutDiagram.Point(box.x(), box.y())));
		kept.put("component:c40", new LaidOutDiagram.Point(30, before.boxes().get("component:c40").y())); // dragged to the left
		// the project opened elsewhere, its model changed since: every flow is routed anew around the kept places
		LaidOutDiagram laid = DiagramLayout.layout(containers(tree(90) + ADDED.replace("c69.E69", "c3.E3")), kept);
		List<Box> labels = laid.routes().values().stream().map(LaidOutDiagram.Route::label).filter(java.util.Objects::nonNull).toList();
		assertThat(labels).hasSizeGreaterThan(80);
		for (Box label : labels) {
			laid.boxes().forEach((id, box) -> assertThat(overlap(label, box)).as("the label at " + label + " on " + id).isFalse());
		}
	}

	@Test
	void inALargeViewWhereArrowsShareTheirHeadsEachFlowsLabelSaysWhereItComesFrom() {
		Diagram large = containers(tree(90));
		List<DiagramEdge> flows = large.edges().stream().filter(e -> e.kind() == EdgeKind.EVENTS && !HubBus.onBus(e)).toList();
		assertThat(flows).hasSizeGreaterThan(80);
		flows.forEach(flow -> assertThat(flow.label().get(0)).as(flow.id())
				.startsWith("from " + large.node(flow.from()).orElseThrow().title() + ": ").endsWith(" (replica)"));
		containers(MODEL).edges().stream().filter(e -> e.kind() == EdgeKind.EVENTS && !e.to().equals(C4Diagrams.BROKER))
				.forEach(flow -> assertThat(flow.label()).as("a small view: one line per flow, no sender").containsExactly("A (replica)"));
	}

	@Test
	void inALargeViewArrangedByHandEveryFlowsLabelStaysByItsArrowsHead(@TempDir Path project) throws Exception {
		LastLayout studio = new LastLayout();
		Diagram view = containers(tree(90));
		LaidOutDiagram shown = studio.layout(project, view, DiagramPositions.none());
		DiagramPositions kept = DiagramPositions.none();
		int i = 0;
		for (String grouped : List.of("component:c11", "component:c19", "component:c27", "component:c35", "component:c43",
				"component:c51", "component:c59")) { // a group made by hand in the empty top left, boxes close together
			kept = kept.moved(shown, grouped, new LaidOutDiagram.Point(40 + (i % 4) * 270, 200 + (i / 4) * 160));
			shown = studio.layout(project, view, kept);
			i++;
		}
		Diagram edited = containers(tree(90) + ADDED.replace("c69.E69", "c11.E11") + joinedTo("more", 19));
		shown = studio.layout(project, edited, kept);
		for (DiagramEdge edge : edited.edges()) {
			LaidOutDiagram.Route route = shown.routes().get(edge.id());
			if (route != null && route.label() != null) {
				LaidOutDiagram.Point head = route.points().get(route.points().size() - 1);
				Box label = route.label();
				double dx = Math.max(0, Math.max(label.x() - head.x(), head.x() - label.x() - label.width()));
				double dy = Math.max(0, Math.max(label.y() - head.y(), head.y() - label.y() - label.height()));
				assertThat(Math.hypot(dx, dy)).as(edge.id() + " label " + label + " head " + head).isLessThan(300);
			}
		}
	}

	@Test
	void aPictureArrangedInTheStudioIsDrawnAlikeByAnotherProcessFromTheProjectsFile(@TempDir Path project) throws Exception {
		LastLayout studio = new LastLayout();
		studio.layout(project, containers(tree(90)), DiagramPositions.none());
		Diagram view = containers(tree(90) + ADDED.replace("c69.E69", "c3.E3")); // edited: the boxes stay where they were
		LaidOutDiagram edited = studio.layout(project, view, DiagramPositions.none());
		Box dragged = edited.boxes().get("component:c40");
		DiagramPositions.none().moved(edited, "component:c40", new LaidOutDiagram.Point(dragged.x() + 300, dragged.y())).write(project);
		DiagramPositions kept = DiagramPositions.read(project);
		LaidOutDiagram shown = studio.layout(project, view, kept);

		LaidOutDiagram elsewhere = new LastLayout().layout(project, view, DiagramPositions.read(project)); // byron diagram, a teammate
		assertThat(elsewhere.boxes().keySet()).isEqualTo(shown.boxes().keySet());
		shown.boxes().forEach((id, box) -> { // the file keeps places in whole units
			assertThat(elsewhere.boxes().get(id).x()).as(id).isCloseTo(box.x(), org.assertj.core.api.Assertions.within(0.5));
			assertThat(elsewhere.boxes().get(id).y()).as(id).isCloseTo(box.y(), org.assertj.core.api.Assertions.within(0.5));
		});
		int same = 0;
		for (DiagramEdge edge : view.edges()) {
			if (!edge.from().equals("component:c40") && !edge.to().equals("component:c40")) {
				assertThat(alike(elsewhere.routes().get(edge.id()), shown.routes().get(edge.id()))).as(edge.id()).isTrue();
				same++;
			}
		}
		assertThat(same).isGreaterThan(view.edges().size() - 10);
	}

	/** The same line and label, but for the half unit the project's file rounds them to. */
	private static boolean alike(LaidOutDiagram.Route a, LaidOutDiagram.Route b) {
		if (a.points().size() != b.points().size() || (a.label() == null) != (b.label() == null)) {
			return false;
		}
		for (int i = 0; i < a.points().size(); i++) {
			if (Math.abs(a.points().get(i).x() - b.points().get(i).x()) > 0.5 || Math.abs(a.points().get(i).y() - b.points().get(i).y()) > 0.5) {
				return false;
			}
		}
		return a.label() == null || Math.abs(a.label().x() - b.label().x()) <= 0.5 && Math.abs(a.label().y() - b.label().y()) <= 0.5;
	}

	private static boolean overlap(Box a, Box b) {
		return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
	}
}
