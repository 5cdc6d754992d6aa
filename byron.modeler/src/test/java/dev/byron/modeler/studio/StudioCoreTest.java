package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.diagram.C4Level;
import dev.byron.diagram.LaidOutDiagram;

/** The studio without a window: what a browser page would drive, on a plain thread. */
class StudioCoreTest {
	@TempDir
	Path project;

	private final List<String> log = new CopyOnWriteArrayList<>();
	private final List<String> failures = new CopyOnWriteArrayList<>();

	private StudioCore open() throws Exception {
		Files.writeString(project.resolve("m.byron"), "system s\ncomponent a {\n  entity A { n: String }\n}\n"
				+ "component b {\n  entity B { n: String }\n  replicate a.A { n }\n}\n");
		return new StudioCore(Project.open(project), Runnable::run, new StudioCore.Listener() {
			@Override
			public void log(String line) {
				log.add(line);
			}

			@Override
			public void busy(boolean busy) {
			}

			@Override
			public void failed(String job, String reason) {
				failures.add(job + ": " + reason);
			}
		});
	}

	private static Analysis analysed(StudioCore core) throws Exception {
		CompletableFuture<Analysis> shown = new CompletableFuture<>();
		core.analyse(C4Level.CONTAINERS, null, shown::complete);
		return shown.get(30, TimeUnit.SECONDS);
	}

	@Test
	void analysesTheTextsAsTheyAreAndKeepsAMovedBoxForTheNextAnalysis() throws Exception {
		try (StudioCore core = open()) {
			core.project().setText(project.resolve("m.byron").toAbsolutePath().normalize(),
					core.project().text(project.resolve("m.byron").toAbsolutePath().normalize()) + "component c {\n  entity C { n: String }\n}\n");
			Analysis first = analysed(core);
			assertThat(first.result().hasErrors()).isFalse();
			assertThat(first.diagram().boxes()).containsKey("component:c");

			core.moved(first.diagram(), "component:c", new LaidOutDiagram.Point(700, 500));
			assertThat(project.resolve("byron-layout.json")).exists();
			assertThat(analysed(core).diagram().boxes().get("component:c").x()).isEqualTo(700);
		}
	}

	@Test
	void aViewAskedForTwiceOfTheSameTextsIsReadOnceAndAnEditOrAMoveReadsItAgain() throws Exception {
		try (StudioCore core = open()) {
			Path file = project.resolve("m.byron").toAbsolutePath().normalize();
			var first = core.drawing(C4Level.CONTAINERS, null);
			assertThat(core.drawing(C4Level.CONTAINERS, null)).isSameAs(first); // an edit started it, the page's view asks
			assertThat(core.drawing(C4Level.CONTEXT, null)).isNotSameAs(first);
			var drawn = core.drawing(C4Level.CONTAINERS, null).get(30, TimeUnit.SECONDS);
			assertThat(drawn.checked()).isSameAs(drawn.checked()); // two pages asking for its problems: checked once

			core.project().setText(file, core.project().text(file) + "component c {\n  entity C { n: String }\n}\n");
			var edited = core.drawing(C4Level.CONTAINERS, null);
			assertThat(edited).isNotSameAs(first);
			core.moved(edited.get(30, TimeUnit.SECONDS).diagram(), "component:c", new LaidOutDiagram.Point(700, 500));
			assertThat(core.drawing(C4Level.CONTAINERS, null).get(30, TimeUnit.SECONDS).diagram().boxes().get("component:c").x())
					.isEqualTo(700);
		}
	}

	@Test
	void aComponentAddedAtAPointIsDrawnThereWhenItsEditAndItsViewBothAskForTheDrawing() throws Exception {
		try (StudioCore core = open()) {
			Path file = project.resolve("m.byron").toAbsolutePath().normalize();
			core.drawing(C4Level.CONTAINERS, null).get(30, TimeUnit.SECONDS);
			core.placeWhenDrawn("c", new LaidOutDiagram.Point(900, 700));
			core.project().setText(file, core.project().text(file) + "component c {\n  entity C { n: String }\n}\n");
			var ahead = core.drawing(C4Level.CONTAINERS, null); // the edit's, placing the box
			var asked = core.drawing(C4Level.CONTAINERS, null); // the page's view, asked before that drawing ran
			LaidOutDiagram.Box box = asked.get(30, TimeUnit.SECONDS).diagram().boxes().get("component:c");
			assertThat(asked).isSameAs(ahead);
			assertThat(box.x() + box.width() / 2).isCloseTo(900, org.assertj.core.data.Offset.offset(1.0));
			assertThat(box.y() + box.height() / 2).isCloseTo(700, org.assertj.core.data.Offset.offset(1.0));
		}
	}

	@Test
	void aComponentAddedOntoAnotherBoxIsPlacedBesideItNotOverIt() throws Exception {
		try (StudioCore core = open()) {
			LaidOutDiagram.Box a = analysed(core).diagram().boxes().get("component:a");
			Path file = project.resolve("m.byron").toAbsolutePath().normalize();
			for (String added : List.of("c", "d")) { // both asked for in the middle of a's box
				core.placeWhenDrawn(added, new LaidOutDiagram.Point(a.x() + a.width() / 2, a.y() + a.height() / 2));
				core.project().setText(file, core.project().text(file) + "component " + added + " {\n  entity " + added.toUpperCase()
						+ " { n: String }\n}\n");
				analysed(core);
			}
			var boxes = analysed(core).diagram().boxes();
			for (String added : List.of("component:c", "component:d")) {
				LaidOutDiagram.Box box = boxes.get(added);
				boxes.forEach((id, other) -> {
					if (!id.equals(added)) {
						boolean overlap = box.x() < other.x() + other.width() && other.x() < box.x() + box.width()
								&& box.y() < other.y() + other.height() && other.y() < box.y() + box.height();
						assertThat(overlap).as("%s over %s", added, id).isFalse();
					}
				});
				assertThat(Math.hypot(box.x() + box.width() / 2 - (a.x() + a.width() / 2), box.y() + box.height() / 2 - (a.y() + a.height() / 2)))
						.as("%s near where it was asked for", added).isLessThan(600);
			}
		}
	}

	@Test
	void aMovedBoxKeepsItsPlaceWhenItsComponentIsRenamedInTheTextAndAnotherIsAddedAfter() throws Exception {
		try (StudioCore core = open()) {
			Analysis first = analysed(core);
			core.moved(first.diagram(), "component:a", new LaidOutDiagram.Point(900, 40));
			Path file = project.resolve("m.byron").toAbsolutePath().normalize();
			core.project().setText(file, core.project().text(file).replace("component a {", "component alpha {").replace("a.A", "alpha.A"));
			assertThat(analysed(core).diagram().boxes().get("component:alpha").x()).isEqualTo(900);
			assertThat(Files.readString(project.resolve("byron-layout.json"))).as("kept under its new name")
					.contains("component:alpha").doesNotContain("\"component:a\"");
			core.project().setText(file, core.project().text(file) + "component c {\n  entity C { n: String }\n}\n");
			assertThat(analysed(core).diagram().boxes().get("component:alpha").x()).as("still there once another is added").isEqualTo(900);
		}
	}

	@Test
	void aRenameFromThePictureUndoneInTheTextTakesTheBoxPlaceBackThoughAnotherBoxHasNoKeptPlace() throws Exception {
		try (StudioCore core = open()) {
			Path file = project.resolve("m.byron").toAbsolutePath().normalize();
			core.moved(analysed(core).diagram(), "component:a", new LaidOutDiagram.Point(900, 40));
			String before = core.project().text(file) + "component c {\n  entity C { n: String }\n}\n";
			core.project().setText(file, before); // c: a box the layout placed, none kept for it
			analysed(core);
			assertThat(core.rename("a", "alpha")).isNotEmpty();
			core.project().setText(file, before.replace("component a {", "component alpha {").replace("a.A", "alpha.A"));
			assertThat(analysed(core).diagram().boxes().get("component:alpha").x()).isEqualTo(900);
			core.project().setText(file, before); // Ctrl+Z
			assertThat(analysed(core).diagram().boxes().get("component:a").x()).as("back under its old name, in its place").isEqualTo(900);
			core.project().setText(file, before.replace("component a {", "component alpha {").replace("a.A", "alpha.A")); // Ctrl+Y
			assertThat(analysed(core).diagram().boxes().get("component:alpha").x()).isEqualTo(900);
		}
	}

	@Test
	void aComponentDeletedAndSavedLeavesTheLayoutFileButAnUndoneDeletionFindsItsPlace() throws Exception {
		try (StudioCore core = open()) {
			Path file = project.resolve("m.byron").toAbsolutePath().normalize();
			String withC = core.project().text(file) + "component c {\n  entity C { n: String }\n}\n";
			core.project().setText(file, withC);
			core.project().save();
			core.moved(analysed(core).diagram(), "component:c", new LaidOutDiagram.Point(900, 40));
			CompletableFuture<Analysis> ownView = new CompletableFuture<>();
			core.analyse(C4Level.COMPONENT, "c", ownView::complete);
			core.moved(ownView.get(30, TimeUnit.SECONDS).diagram(), "cache", new LaidOutDiagram.Point(600, 600));
			Path layout = project.resolve("byron-layout.json");
			assertThat(Files.readString(layout)).contains("component:c", "s: component c");

			core.project().setText(file, withC.replace("component c {\n  entity C { n: String }\n}\n", ""));
			core.project().save();
			core.saved(hooksFound -> { });
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (Files.readString(layout).contains("component:c") && System.nanoTime() < end) {
				Thread.sleep(20);
			}
			assertThat(Files.readString(layout)).as("c's place and c's own view gone, the others' places kept")
					.doesNotContain("component:c", "s: component c").contains("component:a", "component:b");

			core.project().setText(file, withC); // Ctrl+Z
			assertThat(analysed(core).diagram().boxes().get("component:c").x()).as("back in its place").isEqualTo(900);
		}
	}

	@Test
	void aBoxMovedBeforeItsComponentWasSavedIsInTheLayoutFileOnceItIs() throws Exception {
		try (StudioCore core = open()) {
			Path file = project.resolve("m.byron").toAbsolutePath().normalize();
			Path layout = project.resolve("byron-layout.json");
			core.project().save();
			core.saved(hooksFound -> { });
			core.moved(analysed(core).diagram(), "component:a", new LaidOutDiagram.Point(700, 40));
			waitUntil(() -> Files.readString(layout).contains("component:a"));
			core.project().setText(file, core.project().text(file) + "component d {\n  entity D { n: String }\n}\n");
			core.moved(analysed(core).diagram(), "component:d", new LaidOutDiagram.Point(900, 40));
			assertThat(Files.readString(layout)).as("not saved yet: the file keeps what the saved model draws").doesNotContain("component:d");

			core.project().save();
			core.saved(hooksFound -> { });
			waitUntil(() -> Files.readString(layout).contains("component:d"));
			assertThat(Files.readString(layout)).as("saved: its place is kept for the next studio").contains("component:d", "component:a");
		}
	}

	private static void waitUntil(java.util.concurrent.Callable<Boolean> done) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!done.call() && System.nanoTime() < end) {
			Thread.sleep(20);
		}
	}

	@Test
	void aComponentAddedGoesInAFileOfItsOwnBesideTheFileShownInItsFolder() throws Exception {
		Files.createDirectories(project.resolve("ordering"));
		Files.writeString(project.resolve("ordering/orders.byron"), "component orders {\n  entity Order { n: String }\n}\n");
		try (StudioCore core = open()) {
			Path orders = project.resolve("ordering/orders.byron").toAbsolutePath().normalize();
			assertThat(core.componentAddition("refunds", orders).orElseThrow().file()).as("in the folder of the file shown")
					.isEqualTo(project.resolve("ordering/refunds.byron").toAbsolutePath().normalize());
			assertThat(core.componentAddition("kitchen", null).orElseThrow().file()).as("nothing shown: in the project's folder")
					.isEqualTo(project.resolve("kitchen.byron").toAbsolutePath().normalize());
			assertThat(core.componentAddition("audit", project.resolve("ordering/notes.txt").toAbsolutePath().normalize()).orElseThrow()
					.file()).as("not a model file of the project: its folder is not taken").isEqualTo(project.resolve("audit.byron").toAbsolutePath().normalize());
		}
	}

	@Test
	void aBoxDroppedOnAnotherStandsBesideIt() throws Exception {
		try (StudioCore core = open()) {
			Analysis first = analysed(core);
			LaidOutDiagram.Box broker = first.diagram().boxes().get("broker");
			core.moved(first.diagram(), "component:a", new LaidOutDiagram.Point(broker.x() + 5, broker.y() + 5));
			var boxes = analysed(core).diagram().boxes();
			LaidOutDiagram.Box a = boxes.get("component:a");
			boxes.forEach((id, other) -> {
				if (!id.equals("component:a")) {
					assertThat(a.x() < other.x() + other.width() && other.x() < a.x() + a.width() && a.y() < other.y() + other.height()
							&& other.y() < a.y() + a.height()).as("a over %s", id).isFalse();
				}
			});
		}
	}

	@Test
	void aNameDialogRefusesAComponentThatExistsAndATypeItsComponentHasSayingWhy() throws Exception {
		try (StudioCore core = open()) {
			Analysis shown = analysed(core);
			assertThat(StudioCore.componentNameProblem(shown, "c")).isEmpty();
			assertThat(StudioCore.componentNameProblem(shown, "b")).contains("'b' is already a component of the system: choose another name.");
			assertThat(StudioCore.componentNameProblem(shown, "Bad Name")).contains("'Bad Name' " + StudioCore.COMPONENT_NAME_RULE);
			assertThat(StudioCore.componentNameProblem(shown, "fx-rates")).as("the checker's rule, which a '-' breaks")
					.contains("'fx-rates' " + StudioCore.COMPONENT_NAME_RULE);
			assertThat(StudioCore.entityNameProblem(shown, "b", "A")).as("a's entity, in another component: the checks refuse it too")
					.contains("'A' is already a type of a: entity and enum names are unique across components (the gateway serves one"
							+ " GraphQL schema), so choose another name, e.g. with b's name as a prefix.");
			assertThat(StudioCore.entityNameProblem(shown, "b", "Fresh")).isEmpty();
			assertThat(StudioCore.entityNameProblem(shown, "b", "B")).contains("'B' is already an entity, enum or event of b: choose another name.");
			assertThat(StudioCore.entityNameProblem(shown, "b", "lower")).contains("'lower' " + StudioCore.ENTITY_NAME_RULE);
			assertThat(StudioCore.entityNameProblem(shown, "b", "Query")).as("reserved, as the checks say")
					.contains("'Query' is reserved by GraphQL or by the types Byron generates: choose another name.");
			assertThat(StudioCore.entityNameProblem(shown, "b", "AConnection")).as("a type generated for a's entity A")
					.contains("'AConnection' is the name of a type Byron generates for entity a.A (the connection of its list): choose another name.");
		}
	}

	@Test
	void generateIsAJobWhoseResultIsLoggedOnTheCallersThread() throws Exception {
		try (StudioCore core = open()) {
			core.generate();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (log.stream().noneMatch(l -> l.contains(" written, ")) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(log).first().isEqualTo("Generate\u2026");
			assertThat(log).anyMatch(l -> l.contains(" written, 0 unchanged in "));
			assertThat(project.resolve("out")).isDirectory();
			assertThat(failures).isEmpty();
		}
	}

	@Test
	void closingTheStudioWhileTheSystemStopsLeavesNoNatsServerBehind() throws Exception {
		List<Long> pids;
		try (StudioCore core = open()) {
			CompletableFuture<dev.byron.deployer.local.LocalSystem> started = new CompletableFuture<>();
			core.run(freePort(), started::complete, () -> started.complete(null));
			var system = started.get(120, TimeUnit.SECONDS);
			assertThat(system).as("started; log: %s, failures: %s", log, failures).isNotNull();
			pids = system.natsPids();
			assertThat(pids).isNotEmpty();
			core.stop(() -> { });
		}
		for (long pid : pids) {
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("nats-server " + pid).isFalse();
		}
	}

	private static int freePort() throws java.io.IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
