package dev.byron.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.byron.deployer.kubernetes.KubernetesDeployer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rollback", mixinStandardHelpOptions = true,
		description = "Put a component back to the version it had before its last rollout, and wait for it.")
final class RollbackCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Mixin
	private ClusterOptions cluster;

	@Parameters(index = "1", paramLabel = "<component>", description = "The component to roll back.")
	private String component;

	@Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "300", description = "How long to wait (default: ${DEFAULT-VALUE}).")
	private long timeout;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		return cluster.run(out, spec.commandLine().getErr(), (model, client) -> {
			new KubernetesDeployer(client, Duration.ofSeconds(timeout), Duration.ofSeconds(1), line -> {
				out.println(line);
				out.flush();
			}).rollback(cluster.namespace(model), component);
			return Byron.OK;
		});
	}
}
