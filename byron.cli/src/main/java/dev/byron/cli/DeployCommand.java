package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.byron.deployer.Deployment;
import dev.byron.deployer.kubernetes.KubernetesDeployer.Action;
import dev.byron.deployer.kubernetes.KubernetesDeployer.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "deploy", mixinStandardHelpOptions = true,
		description = { "Deploy the system to Kubernetes.",
				"The first time it creates the namespace, the broker and the databases and waits for them; later"
						+ " it rolls out only the components that changed, one by one, reporting each until it completes, "
						+ "and stops at the first that fails.",
				"Exit code: 0 deployed, 1 the model has errors, 2 no usable cluster, credentials or images, or a"
						+ " change that breaks event subscribers (see --allow-breaking), 3 a rollout failed." })
final class DeployCommand implements Callable<Integer> {
	static final int DEPLOY_FAILED = 3;

	@Spec
	private CommandSpec spec;

	@Mixin
	private ClusterOptions cluster;

	@Option(names = "--dry-run", description = "Print what would change, and change nothing.")
	private boolean dryRun;

	@Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "300",
			description = "How long to wait for each rollout (default: ${DEFAULT-VALUE}).")
	private long timeout;

	@Option(names = "--skip-images", description = { "Do not build images: deploy the images config.byron names (registry/system-component:imageTag),"
			+ " built and pushed elsewhere." })
	private boolean skipImages;

	@Option(names = "--allow-breaking", description = "Deploy even when the model breaks subscribers of the deployed events.")
	private boolean allowBreaking;

	@Option(names = "--no-push", description = "Build the images as tarballs in .byron-data/images/ only, even when a registry is configured.")
	private boolean noPush;

	Map<String, String> environment = System.getenv();

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		Consumer<String> print = line -> {
			out.println(line);
			out.flush();
		};
		return cluster.run(out, spec.commandLine().getErr(), (model, client) -> {
			Path project = java.nio.file.Files.isDirectory(cluster.path) ? cluster.path : cluster.path.toAbsolutePath().getParent();
			Deployment.Request request = new Deployment.Request(project, model.model(), cluster.namespace, allowBreaking,
					skipImages || dryRun ? Deployment.Images.GIVEN : noPush ? Deployment.Images.BUILD : Deployment.Images.BUILD_AND_PUSH,
					environment, Duration.ofSeconds(timeout));
			if (dryRun) {
				Deployment.Plan plan = Deployment.plan(client, request, print);
				plan.changes().stream().filter(c -> c.action() != Action.UNCHANGED).forEach(out::println);
				Map<Action, Long> counts = plan.changes().stream().collect(Collectors.groupingBy(Change::action, Collectors.counting()));
				out.printf("Dry run for %s: %d to create, %d to update, %d to roll out, %d unchanged. Nothing was changed.%n",
						plan.target(), counts.getOrDefault(Action.CREATE, 0L), counts.getOrDefault(Action.UPDATE, 0L),
						counts.getOrDefault(Action.ROLL, 0L), counts.getOrDefault(Action.UNCHANGED, 0L));
				return Byron.OK;
			}
			Deployment.deploy(client, request, print);
			return Byron.OK;
		});
	}

}
