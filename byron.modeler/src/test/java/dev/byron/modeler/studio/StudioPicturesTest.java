package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;

/** The studio as docs/studio.md shows it: each example, at the size and zoom it opens with. */
@ExtendWith(ApplicationExtension.class)
class StudioPicturesTest {
	private static final Path EXAMPLES = Path.of(System.getProperty("byron.examples", "../examples"));
	private static final Path SCREENSHOTS = Path.of(System.getProperty("byron.screenshots", "target/screenshots"));

	@TempDir
	Path workspace;

	private StudioWindow window;

	private Stage stage;

	@Start
	void start(Stage stage) throws Exception {
		this.stage = stage;
		window = new StudioWindow(Project.open(copy("shop")), url -> { });
		stage.setScene(StudioApp.scene(window));
		stage.setWidth(1500);
		stage.setHeight(920);
		stage.show();
	}

	private Path copy(String example) throws java.io.IOException {
		Path copy = Files.createDirectories(workspace.resolve(example));
		try (var files = Files.walk(EXAMPLES.resolve(example))) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = copy.resolve(EXAMPLES.resolve(example).relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else if (!Files.exists(target)) {
					Files.copy(source, target);
				}
			}
		}
		return copy;
	}

	private void picture(FxRobot robot, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
		robot.interact(() -> image[0] = window.getScene().snapshot(null));
		ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", SCREENSHOTS.resolve(name).toFile());
	}

	@AfterEach
	void dispose() {
		window.dispose();
	}

	@Test
	void theShopOpensWithItsContainersLegibleAndNoProblem(FxRobot robot) throws Exception {
		WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
				() -> window.analysis() != null && window.analysis().diagram().boxes().containsKey("component:orders"));
		WaitForAsyncUtils.waitForFxEvents();
		assertThat(window.analysis().diagnostics()).isEmpty();
		assertThat(window.diagramView().scale()).isGreaterThanOrEqualTo(DiagramView.LEGIBLE_SCALE);
		assertThat(window.diagramView().overviewShown()).as("part of the picture is out of view: the overview shows where").isTrue();
		picture(robot, "studio-shop.png");

		var before = window.diagramView().offset();
		robot.clickOn(robot.lookup("#overview-view").<javafx.scene.Node>query()).moveBy(0, 0);
		robot.drag(robot.lookup("#overview-view").<javafx.scene.Node>query()).moveBy(-40, 30).drop();
		assertThat(window.diagramView().offset()).as("dragging in the overview pans the picture").isNotEqualTo(before);
	}

	@Test
	void theMicroblogOpensWithItsContainersLegibleAndNoProblem(FxRobot robot) throws Exception {
		Path microblog = copy("microblog");
		robot.interact(() -> {
			window.dispose();
			try {
				window = new StudioWindow(Project.open(microblog), url -> { });
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			stage.setScene(StudioApp.scene(window));
		});
		WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
				() -> window.analysis() != null && window.analysis().diagram().boxes().containsKey("component:timeline"));
		WaitForAsyncUtils.waitForFxEvents();
		assertThat(window.analysis().diagnostics()).isEmpty();
		assertThat(window.diagramView().scale()).isGreaterThanOrEqualTo(DiagramView.LEGIBLE_SCALE);
		picture(robot, "studio-microblog.png");
	}
}
