package dev.byron.deployer.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** The cluster to deploy to: a kube context (the current one unless named), checked before anything changes. */
public final class ClusterTarget {
	private ClusterTarget() {
	}

	public static KubernetesClient connect(String context) throws DeployException {
		return connect(context, System.getenv(), Path.of(System.getProperty("user.home")));
	}

	/** A given kubeconfig file (kubectl's {@code --kubeconfig}). */
	public static KubernetesClient connect(String context, Path kubeconfig) throws DeployException {
		if (!Files.isRegularFile(kubeconfig)) {
			throw new DeployException("No kubeconfig at " + kubeconfig + ": give the file of your cluster (kubectl config view shows the current one). Nothing was changed.");
		}
		try {
			Config config = Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
			return check(new KubernetesClientBuilder().withConfig(config).build());
		} catch (java.io.IOException | RuntimeException e) {
			throw new DeployException("Cannot use " + kubeconfig + ": " + e.getMessage(), e);
		}
	}

	static KubernetesClient connect(String context, java.util.Map<String, String> env, Path home) throws DeployException {
		boolean inCluster = env.get("KUBERNETES_SERVICE_HOST") != null;
		String kubeconfig = env.getOrDefault("KUBECONFIG", home.resolve(".kube").resolve("config").toString());
		if (!inCluster && !Files.isRegularFile(Path.of(kubeconfig.split(java.io.File.pathSeparator)[0]))) {
			throw new DeployException("No Kubernetes context: " + kubeconfig + " does not exist and this is not a pod."
					+ " Point KUBECONFIG at a kubeconfig file (kubectl config view shows the current one), or run"
					+ " 'byron run' to start the system on this machine.");
		}
		Config config = Config.autoConfigure(context);
		if (context != null && (config.getCurrentContext() == null || !context.equals(config.getCurrentContext().getName()))) {
			throw new DeployException("No context '" + context + "' in " + kubeconfig + ". 'kubectl config get-contexts' lists them.");
		}
		KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
		return check(client);
	}

	/** Fails with a clear message when the API server does not answer. */
	public static KubernetesClient check(KubernetesClient client) throws DeployException {
		try {
			client.getKubernetesVersion();
			return client;
		} catch (RuntimeException e) {
			client.close();
			throw new DeployException("Cannot reach the Kubernetes API at " + client.getMasterUrl() + ": " + e.getMessage()
					+ ". Check the context (kubectl cluster-info) and try again; nothing was changed.", e);
		}
	}
}
