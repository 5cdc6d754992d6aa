package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.deployer.kubernetes.SimulatedControllers;
import dev.byron.deployer.kubernetes.TestKubeconfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import picocli.CommandLine;

/**
 * {@code byron deploy}, {@code status}, {@code rollback} and {@code destroy} as a user runs them, with a
 * kubeconfig pointing at a Kubernetes API in the test JVM (fabric8's mock server in CRUD mode).
 */
@EnableKubernetesMockClient(crud = true)
class DeployCommandsTest {
	KubernetesClient client;
	private SimulatedControllers controllers;

	@TempDir
	Path dir;
	private Path kubeconfig;
	private Path project;

	@BeforeEach
	void setUp() throws Exception {
		controllers = new SimulatedControllers(client, "shop");
		kubeconfig = TestKubeconfig.write(dir.resolve("kubeconfig"), client.getMasterUrl());
		project = CliTest.copyExample("shop", dir.resolve("shop"));
	}

	@AfterEach
	void tearDown() throws Exception {
		controllers.close();
	}

	record Run(int exit, String out, String err) {
	}

	private Run byron(String input, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Byron byron = new Byron();
		CommandLine commandLine = new CommandLine(byron);
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(err));
		commandLine.setExitCodeExceptionMapper(e -> Byron.USAGE);
		if (input != null) {
			((DestroyCommand) commandLine.getSubcommands().get("destroy").getCommand()).input =
					new ByteArrayInputStream(input.getBytes());
		}
		((DeployCommand) commandLine.getSubcommands().get("deploy").getCommand()).environment = Map.of();
		int exit = commandLine.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	@Test
	void dryRunThenDeployThenStatusRollbackAndDestroy() throws Exception {
		String path = project.toString();
		String config = kubeconfig.toString();
		Run dryRun = byron(null, "deploy", path, "--kubeconfig", config, "--dry-run");
		assertThat(dryRun.exit()).as(dryRun.err()).isZero();
		assertThat(dryRun.out()).contains("create    Deployment/orders-api", "to roll out", "Nothing was changed.");
		assertThat(client.namespaces().withName("shop").get()).isNull();

		Run deploy = byron(null, "deploy", path, "--kubeconfig", config, "--timeout", "30", "--no-push");
		assertThat(deploy.exit()).as(deploy.err()).isZero();
		assertThat(deploy.out()).contains("images built: orders, inventory, payments, shipping, notifications, gateway",
				"Deploying system shop to namespace shop", "nats: 1/1 ready", "orders: rolled out", "gateway: rolled out",
				"Deployed.");
		String image = client.apps().deployments().inNamespace("shop").withName("orders-api").get().getSpec().getTemplate()
				.getSpec().getContainers().get(0).getImage();
		assertThat(image).matches("registry\\.example\\.com/shop/shop-orders:[0-9a-f]{12}");
		assertThat(project.resolve(".byron-data/images/orders-" + image.substring(image.indexOf(':') + 1) + ".tar")).exists();

		Run status = byron(null, "status", path, "--kubeconfig", config);
		assertThat(status.exit()).isZero();
		assertThat(status.out()).contains("orders-api", "3/3", image,
				"Model version deployed: ");

		Files.writeString(project.resolve("schema.byron"), Files.readString(project.resolve("schema.byron"))
				.replaceFirst("entity Order \\{", "entity Order {\n    note: String"));
		Run change = byron(null, "deploy", path, "--kubeconfig", config, "--timeout", "30", "--no-push");
		assertThat(change.out()).as("the model travels in a ConfigMap; only orders' typed hooks see Order's new field")
				.contains("images built: orders\n", "roll      Deployment/orders-api", "inventory: unchanged", "orders: rolled out");

		String paymentsImage = imageOf("payments-api");
		String ordersImage = imageOf("orders-api");
		assertThat(ordersImage).as("orders was rebuilt for Order's new field").isNotEqualTo(image);
		Path hooks = project.resolve("hooks/PaymentsHooksImpl.java");
		Files.writeString(hooks, Files.readString(hooks).replace("card declined above", "card refused above"));
		Run hookChange = byron(null, "deploy", path, "--kubeconfig", config, "--timeout", "30", "--no-push");
		assertThat(hookChange.out()).as("only payments' image carries PaymentsHooksImpl; the gateway has no hooks")
				.contains("images built: payments\n", "gateway: unchanged");
		assertThat(imageOf("payments-api")).isNotEqualTo(paymentsImage);
		assertThat(imageOf("orders-api")).isEqualTo(ordersImage);

		Run rollback = byron(null, "rollback", path, "orders", "--kubeconfig", config, "--timeout", "30");
		assertThat(rollback.exit()).as(rollback.err()).isZero();
		assertThat(rollback.out()).contains("orders: rolled back");

		Run declined = byron("n\n", "destroy", path, "--kubeconfig", config);
		assertThat(declined.out()).contains("Delete system shop from namespace shop", "(its data stays)", "Nothing was deleted.");
		assertThat(client.apps().deployments().inNamespace("shop").withName("orders-api").get()).isNotNull();
		Run destroy = byron(null, "destroy", path, "--kubeconfig", config, "--yes");
		assertThat(destroy.out()).contains("deleted Deployment/orders-api", "persistent volumes kept");
		assertThat(client.apps().deployments().inNamespace("shop").list().getItems()).isEmpty();
	}

	@Test
	void anInvalidModelOrAMissingClusterChangesNothing() throws Exception {
		Files.writeString(project.resolve("schema.byron"), "system shop\ncomponent orders { entity Order { x: Nope } }\n");
		Run invalid = byron(null, "deploy", project.toString(), "--kubeconfig", kubeconfig.toString());
		assertThat(invalid.exit()).isEqualTo(Byron.MODEL_ERRORS);
		assertThat(invalid.out()).contains("[unknown-type]", "Nothing was changed: the model has 2 error(s).");
		Run noConfig = byron(null, "status", CliTest.examples().resolve("shop").toString(), "--kubeconfig",
				dir.resolve("missing").toString());
		assertThat(noConfig.exit()).isEqualTo(Byron.USAGE);
		assertThat(noConfig.err()).contains("No kubeconfig at");
	}

	private String imageOf(String deployment) {
		return client.apps().deployments().inNamespace("shop").withName(deployment).get().getSpec().getTemplate().getSpec()
				.getContainers().get(0).getImage();
	}
}
