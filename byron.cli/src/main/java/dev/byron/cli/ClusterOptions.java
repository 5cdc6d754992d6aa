package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.byron.deployer.kubernetes.ClusterTarget;
import dev.byron.deployer.kubernetes.DeployException;
import dev.byron.dsl.api.LoadResult;
import dev.byron.generator.kubernetes.DeploymentSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every cluster command takes: the model, and where the cluster is. */
final class ClusterOptions {
	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", defaultValue = ".", description = "A .byron file or a project folder.")
	Path path;

	@Option(names = "--context", paramLabel = "<name>", description = "The kube context (default: the current one).")
	String context;

	@Option(names = "--kubeconfig", paramLabel = "<file>", description = "A kubeconfig file (default: KUBECONFIG or ~/.kube/config).")
	Path kubeconfig;

	@Option(names = { "-n", "--namespace" }, paramLabel = "<name>",
			description = "The namespace (default: 'namespace' in config.byron, else the system's name).")
	String namespace;

	/** What a cluster command does once the model is valid and the cluster answers; returns the exit code. */
	interface Action {
		int run(LoadResult model, KubernetesClient client) throws Exception;
	}

	/**
	 * Loads the model, connects, runs the action, and turns what can go wrong into a message and an exit
	 * code: 1 model errors, 2 no usable cluster, credentials or images, 3 a rollout failed.
	 */
	int run(PrintWriter out, PrintWriter err, Action action) {
		ValidModel model = ValidModel.load(path, out, err, "Nothing was changed");
		if (!model.loaded()) {
			return model.exit();
		}
		try (KubernetesClient client = connect()) {
			return action.run(model.result(), client);
		} catch (DeployException e) {
			err.println("byron: " + e.getMessage());
			return e.getMessage().startsWith("The rollout") ? DeployCommand.DEPLOY_FAILED : Byron.USAGE;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("byron: interrupted.");
			return Byron.USAGE;
		} catch (Exception e) {
			err.println("byron: " + e.getMessage() + " Nothing was changed.");
			return Byron.USAGE;
		} finally {
			out.flush();
			err.flush();
		}
	}

	KubernetesClient connect() throws DeployException {
		return kubeconfig == null ? ClusterTarget.connect(context) : ClusterTarget.connect(context, kubeconfig);
	}

	String namespace(LoadResult model) {
		return namespace != null ? namespace : DeploymentSettings.from(model.model()).namespace();
	}
}
