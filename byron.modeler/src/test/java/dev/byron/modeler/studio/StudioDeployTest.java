package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.byron.deployer.kubernetes.SimulatedControllers;
import dev.byron.deployer.kubernetes.TestKubeconfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** The studio's Deploy button, against a Kubernetes API in the test JVM (fabric8's mock server, CRUD mode). */
@ExtendWith(ApplicationExtension.class)
@EnableKubernetesMockClient(crud = true)
class StudioDeployTest {
	private static final Path EXAMPLES = Path.of(System.getProperty("byron.examples", "../examples"));
	static KubernetesClient client;

	@TempDir
	static Path workspace;

	private StudioWindow window;
	private Path project;

	@Start
	void start(Stage stage) throws Exception {
		project = Files.createTempDirectory(workspace, "microblog");
		try (var paths = Files.walk(EXAMPLES.resolve("microblog"))) {
			for (Path source : (Iterable<Path>) paths::iterator) {
				Path target = project.resolve(EXAMPLES.resolve("microblog").relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else {
					Files.copy(source, target);
				}
			}
		}
		window = new StudioWindow(Project.open(project), url -> { });
		window.setEnvironment(Map.of("REGISTRY_USER", "robot", "REGISTRY_PASSWORD", "pw"));
		stage.setScene(StudioApp.scene(window));
		stage.show();
	}

	@AfterEach
	void dispose() {
		window.dispose();
	}

	@Test
	void deployAsksWhereThenReportsEachComponentInTheLog(FxRobot robot) throws Exception {
		WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.analysis() != null);
		Path kubeconfig = kubeconfig();
		try (SimulatedControllers controllers = new SimulatedControllers(client, "microblog")) {
			robot.clickOn("Deploy");
			WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#deploy-kubeconfig").tryQuery().isPresent());
			TextField config = robot.lookup("#deploy-kubeconfig").queryAs(TextField.class);
			assertThat(robot.lookup("#deploy-namespace").queryAs(TextField.class).getText()).isEqualTo("microblog");
			robot.interact(() -> {
				config.setText(kubeconfig.toString());
				robot.lookup("#deploy-images").queryAs(CheckBox.class).setSelected(false);
			});
			robot.clickOn("OK");
			WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.logText().contains("Deployed.")
					|| window.logText().contains("Not deployed"));
		}
		assertThat(window.logText()).contains("Deploying system microblog to namespace microblog", "nats: 3/3 ready", "accounts: rolled out",
				"timeline: rolled out", "gateway: rolled out", "Deployed.");
		assertThat(client.apps().deployments().inNamespace("microblog").withName("posts-api").get()).isNotNull();
	}

	private Path kubeconfig() throws IOException {
		return TestKubeconfig.write(workspace.resolve("kubeconfig-" + System.nanoTime()), client.getMasterUrl());
	}
}
