package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.byron.deployer.image.ImagePublisher;
import dev.byron.deployer.kubernetes.BreakingChanges;
import dev.byron.deployer.kubernetes.DeployException;
import dev.byron.deployer.kubernetes.DesiredState;
import dev.byron.deployer.kubernetes.KubernetesDeployer;
import dev.byron.deployer.kubernetes.KubernetesDeployer.Action;
import dev.byron.deployer.kubernetes.KubernetesDeployer.Change;
import dev.byron.dsl.api.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "deploy", mixinStandardHelpOptions = true,
		description = { "Deploy the system to Kubernetes. The first time it creates the namespace, the broker and the",
				"databases and waits for them; later it rolls out only the components that changed, one by one,",
				"reporting each until it completes, and stops at the first that fails.",
				"Exit code: 0 deployed, 1 the model has errors, 2 no usable cluster, credentials or images, or a change",
				"that breaks event subscribers (see --allow-breaking), 3 a rollout failed." })
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

	@Option(names = "--skip-images", description = { "Do not build images: deploy the images config.byron names",
			"(registry/system-component:imageTag), built and pushed elsewhere." })
	private boolean skipImages;

	@Option(names = "--allow-breaking", description = "Deploy even when the model breaks subscribers of the deployed events.")
	private boolean allowBreaking;

	@Option(names = "--no-push", description = "Build the images as tarballs in .byron-data/images/ only, even when a registry is configured.")
	private boolean noPush;

	Map<String, String> environment = System.getenv();

	private Map<String, String> images(LoadResult model, PrintWriter out) throws Exception {
		Path project = java.nio.file.Files.isDirectory(cluster.path) ? cluster.path : cluster.path.toAbsolutePath().getParent();
		var built = ImagePublisher.forDeploy(project, model.model(), !noPush, environment, line -> {
			out.println(line);
			out.flush();
		});
		out.println(built.built().isEmpty() ? "images: unchanged" : "images built: " + String.join(", ", built.built()));
		return built.references();
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		return cluster.run(out, spec.commandLine().getErr(), (model, client) -> {
			BreakingChanges.check(client, model.model(), cluster.namespace, allowBreaking);
			Map<String, String> images = skipImages || dryRun ? Map.of() : images(model, out);
			DesiredState desired = DesiredState.of(model.model(), cluster.namespace, environment, client, images);
			KubernetesDeployer deployer = new KubernetesDeployer(client, Duration.ofSeconds(timeout), Duration.ofSeconds(1),
					line -> {
						out.println(line);
						out.flush();
					});
			String target = "namespace " + desired.settings().namespace() + " at " + client.getMasterUrl();
			if (dryRun) {
				List<Change> plan = deployer.plan(desired);
				plan.stream().filter(c -> c.action() != Action.UNCHANGED).forEach(out::println);
				Map<Action, Long> counts = plan.stream().collect(Collectors.groupingBy(Change::action, Collectors.counting()));
				out.printf("Dry run for %s: %d to create, %d to update, %d to roll out, %d unchanged. Nothing was changed.%n",
						target, counts.getOrDefault(Action.CREATE, 0L), counts.getOrDefault(Action.UPDATE, 0L),
						counts.getOrDefault(Action.ROLL, 0L), counts.getOrDefault(Action.UNCHANGED, 0L));
				return Byron.OK;
			}
			out.println("Deploying system " + desired.settings().system() + " to " + target);
			deployer.deploy(desired);
			out.println("Deployed.");
			return Byron.OK;
		});
	}

}
