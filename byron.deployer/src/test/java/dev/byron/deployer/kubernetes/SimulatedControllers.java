package dev.byron.deployer.kubernetes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The part of Kubernetes the mock API server lacks: controllers that report StatefulSets ready and
 * Deployments rolled out (or, for names the test marks, failed), as the test lets them.
 */
public final class SimulatedControllers implements AutoCloseable {
	private final KubernetesClient client;
	private final String namespace;
	private final Map<String, String> seen = new HashMap<>();
	public final Set<String> failing = ConcurrentHashMap.newKeySet();
	private final Thread thread;
	private volatile boolean running = true;

	public SimulatedControllers(KubernetesClient client, String namespace) {
		this.client = client;
		this.namespace = namespace;
		this.thread = new Thread(this::loop, "simulated-controllers");
		thread.setDaemon(true);
		thread.start();
	}

	private void loop() {
		while (running) {
			try {
				for (StatefulSet set : client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
					int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
					if (set.getStatus() == null || set.getStatus().getReadyReplicas() == null
							|| set.getStatus().getReadyReplicas() != replicas) {
						set.setStatus(new StatefulSetStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
								.withObservedGeneration(set.getMetadata().getGeneration()).build());
						client.resource(set).updateStatus();
					}
				}
				for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
					String name = deployment.getMetadata().getName();
					String template = client.getKubernetesSerialization().asJson(deployment.getSpec().getTemplate())
							+ deployment.getMetadata().getGeneration();
					if (template.equals(seen.get(name))) {
						continue;
					}
					int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
					if (failing.contains(name)) {
						deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withUpdatedReplicas(0)
								.withAvailableReplicas(replicas).withObservedGeneration(deployment.getMetadata().getGeneration())
								.withConditions(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
										.withReason("ProgressDeadlineExceeded")
										.withMessage("ReplicaSet has timed out progressing: image cannot be pulled").build())
								.build());
					} else {
						deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withUpdatedReplicas(replicas)
								.withReadyReplicas(replicas).withAvailableReplicas(replicas)
								.withObservedGeneration(deployment.getMetadata().getGeneration()).build());
					}
					client.resource(deployment).updateStatus();
					seen.put(name, template);
				}
				Thread.sleep(30);
			} catch (InterruptedException e) {
				return;
			} catch (RuntimeException e) {
				// an object changed under us: look again
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		thread.interrupt();
		thread.join(2000);
	}
}
