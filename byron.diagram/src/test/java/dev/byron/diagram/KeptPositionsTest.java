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
