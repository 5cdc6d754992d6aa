package dev.byron.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.byron.deployer.kubernetes.KubernetesDeployer;
import dev.byron.deployer.kubernetes.KubernetesDeployer.SystemStatus;
import dev.byron.deployer.kubernetes.KubernetesDeployer.WorkloadStatus;
import dev.byron.generator.kubernetes.DeploymentSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show the deployed system: desired and ready replicas, images, and the model version deployed.")
final class StatusCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Mixin
	private ClusterOptions cluster;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		return cluster.run(out, spec.commandLine().getErr(), (model, client) -> {
			String system = DeploymentSettings.from(model.model()).system();
			String namespace = cluster.namespace(model);
			SystemStatus status = new KubernetesDeployer(client, java.time.Duration.ZERO, java.time.Duration.ZERO, l -> { })
					.status(namespace, system);
			if (status.workloads().isEmpty()) {
				out.println("System " + system + " is not deployed in namespace " + namespace + ". 'byron deploy' deploys it.");
				return Byron.OK;
			}
			out.printf("%-12s %-24s %7s  %-10s %s%n", "KIND", "NAME", "READY", "VERSION", "IMAGE");
			for (WorkloadStatus w : status.workloads()) {
				out.printf("%-12s %-24s %7s  %-10s %s%n", w.kind(), w.name(), w.ready() + "/" + w.desired(),
						w.componentVersion().isEmpty() ? "-" : w.componentVersion(), w.image());
			}
			out.println("Model version deployed: " + (status.modelVersion() == null ? "unknown" : status.modelVersion())
					+ " in namespace " + namespace + ".");
			return Byron.OK;
		});
	}
}
