package dev.byron.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import dev.byron.deployer.kubernetes.KubernetesDeployer;
import dev.byron.generator.kubernetes.DeploymentSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "destroy", mixinStandardHelpOptions = true,
		description = { "Delete what 'byron deploy' created for the system.",
				"The data stays: persistent volumes (and the namespace) are deleted only with --delete-data. "
						+ "Asks first unless --yes." })
final class DestroyCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Mixin
	private ClusterOptions cluster;

	@Option(names = "--yes", description = "Do not ask.")
	private boolean yes;

	@Option(names = "--delete-data", description = "Also delete the persistent volumes and the namespace: the data is lost.")
	private boolean deleteData;

	java.io.InputStream input = System.in;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		return cluster.run(out, spec.commandLine().getErr(), (model, client) -> {
			String system = DeploymentSettings.from(model.model()).system();
			String namespace = cluster.namespace(model);
			if (!yes) {
				out.print("Delete system " + system + " from namespace " + namespace + " at " + client.getMasterUrl()
						+ (deleteData ? ", WITH ITS DATA" : " (its data stays)") + "? [y/N] ");
				out.flush();
				String answer = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)).readLine();
				if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
					out.println("Nothing was deleted.");
					return Byron.OK;
				}
			}
			List<String> deleted = new KubernetesDeployer(client, java.time.Duration.ZERO, java.time.Duration.ZERO, l -> { })
					.destroy(namespace, system, deleteData);
			deleted.forEach(name -> out.println("deleted " + name));
			out.println(deleted.size() + " objects deleted" + (deleteData ? "." : "; persistent volumes kept (--delete-data deletes them)."));
			return Byron.OK;
		});
	}
}
