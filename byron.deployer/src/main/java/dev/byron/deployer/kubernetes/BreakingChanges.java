package dev.byron.deployer.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.byron.generator.diff.Change;
import dev.byron.generator.diff.ModelDiff;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.Descriptors;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Guards subscribers: compares the model being deployed with the component descriptors the cluster runs
 * (their ConfigMaps) and refuses changes that break event subscribers unless the user allows them.
 */
public final class BreakingChanges {
	private BreakingChanges() {
	}

	/** The descriptors deployed in a namespace, read from the components' ConfigMaps. */
	public static List<ComponentDescriptor> deployed(KubernetesClient client, String namespace, String system) {
		List<ComponentDescriptor> descriptors = new ArrayList<>();
		for (ConfigMap map : client.configMaps().inNamespace(namespace)
				.withLabel("app.kubernetes.io/part-of", system).withLabel("app.kubernetes.io/component", "descriptor").list()
				.getItems()) {
			String json = map.getData() == null ? null : map.getData().get("descriptor.json");
			if (json != null) {
				descriptors.add(Descriptors.fromJson(json));
			}
		}
		return descriptors;
	}

	/**
	 * Checks a model about to be deployed against what its namespace ({@code namespace}, or the one of
	 * config.byron) runs now.
	 */
	public static void check(KubernetesClient client, dev.byron.dsl.api.model.ByronModel model, String namespace,
			boolean allowed) throws DeployException {
		var settings = dev.byron.generator.kubernetes.DeploymentSettings.from(model);
		check(deployed(client, namespace != null ? namespace : settings.namespace(), settings.system()),
				dev.byron.generator.GenerationInput.of(model).descriptors(), allowed);
	}

	/** Throws, listing them, when the new descriptors break what subscribers of the deployed events rely on. */
	public static void check(List<ComponentDescriptor> deployed, List<ComponentDescriptor> next, boolean allowed)
			throws DeployException {
		if (deployed.isEmpty() || allowed) {
			return;
		}
		List<Change> breaking = ModelDiff.between(deployed, next).stream().filter(c -> c.breaking() && c.touchesEvents())
				.toList();
		if (!breaking.isEmpty()) {
			throw new DeployException("This model breaks what subscribers of the deployed events rely on:\n"
					+ breaking.stream().map(c -> "  " + c).collect(Collectors.joining("\n"))
					+ "\nNothing was changed. Deploy with --allow-breaking once every subscriber is ready for it"
					+ " ('byron diff' shows every change).");
		}
	}
}
