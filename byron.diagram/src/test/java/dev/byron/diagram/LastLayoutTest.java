package dev.byron.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
