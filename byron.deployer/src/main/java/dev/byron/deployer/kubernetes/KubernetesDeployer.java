package dev.byron.deployer.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Brings a cluster to a model's desired state, component by component: creates what is missing
 * (bootstrapping the broker and the databases first and waiting for them), updates what changed, and
 * waits for each changed component's rollout, stopping at the first that fails.
 */
public final class KubernetesDeployer {
	public static final String APPLIED_HASH = "byron.dev/applied-hash";
	public static final String PREVIOUS_TEMPLATE = "byron.dev/previous-template";
	static final String COMPONENT = "byron.dev/component";
	static final String MODEL_VERSION = "byron.dev/model-version";
	/** The ConfigMap that records what was deployed last: the model version, for {@code byron status}. */
	public static final String RELEASE = "byron-release";

	public enum Action {
		CREATE, UPDATE, ROLL, UNCHANGED
	}

	/** One object of the plan; {@code unit} is the component it belongs to, or base, broker, gateway. */
	public record Change(String kind, String name, String unit, Action action) {
		@Override
		public String toString() {
			return String.format("%-9s %s/%s", action.name().toLowerCase(), kind, name);
		}
	}

	private final KubernetesClient client;
	private final Duration timeout;
	private final Duration poll;
	private final Consumer<String> progress;

	public KubernetesDeployer(KubernetesClient client, Duration timeout, Duration poll, Consumer<String> progress) {
		this.client = client;
		this.timeout = timeout;
		this.poll = poll;
		this.progress = progress;
	}

	/** What {@link #deploy} would do, without changing anything. */
	public List<Change> plan(DesiredState desired) {
		List<Change> changes = new ArrayList<>();
		for (HasMetadata object : desired.objects()) {
			changes.add(new Change(object.getKind(), object.getMetadata().getName(), unit(object), action(object)));
		}
		return changes;
	}

	public List<Change> deploy(DesiredState desired) throws DeployException {
		List<Change> plan = plan(desired);
		if (plan.stream().allMatch(c -> c.action() == Action.UNCHANGED)) {
			progress.accept("Everything is up to date.");
			return plan;
		}
		Map<String, List<HasMetadata>> units = new LinkedHashMap<>();
		for (HasMetadata object : desired.objects()) {
			units.computeIfAbsent(unit(object), k -> new ArrayList<>()).add(object);
		}
		// Objects are mutable and compare by value: key them by identity.
		Map<HasMetadata, Change> changes = new IdentityHashMap<>();
		for (int i = 0; i < plan.size(); i++) {
			changes.put(desired.objects().get(i), plan.get(i));
		}
		// Stores first (broker and databases): components cannot become ready without them.
		Set<HasMetadata> stores = Collections.newSetFromMap(new IdentityHashMap<>());
		desired.objects().stream().filter(o -> o instanceof StatefulSet && changes.get(o).action() != Action.UNCHANGED)
				.forEach(stores::add);
		apply(units.getOrDefault("base", List.of()), changes);
		apply(units.getOrDefault("broker", List.of()), changes);
		for (HasMetadata object : desired.objects()) {
			if (stores.contains(object) && !"broker".equals(unit(object))) {
				apply(List.of(object), changes);
			}
		}
		for (HasMetadata store : stores) {
			awaitStatefulSet((StatefulSet) store);
		}
		for (Map.Entry<String, List<HasMetadata>> unit : units.entrySet()) {
			if (List.of("base", "broker").contains(unit.getKey())) {
				continue;
			}
			List<HasMetadata> objects = unit.getValue().stream().filter(o -> !stores.contains(o)).toList();
			if (objects.stream().allMatch(o -> changes.get(o).action() == Action.UNCHANGED)) {
				progress.accept(unit.getKey() + ": unchanged");
				continue;
			}
			apply(objects, changes);
			boolean restarted = objects.stream().anyMatch(o -> changes.get(o).action() == Action.ROLL
					|| o instanceof Deployment && changes.get(o).action() == Action.CREATE);
			for (HasMetadata object : objects) {
				Action action = changes.get(object).action();
				if (object instanceof Deployment deployment && (action == Action.CREATE || action == Action.ROLL)) {
					awaitRollout(deployment);
				}
			}
			progress.accept(unit.getKey() + (restarted ? ": rolled out" : ": updated (no restart)"));
		}
		return plan;
	}

	/** One Deployment or StatefulSet as the cluster reports it. */
	public record WorkloadStatus(String kind, String name, int desired, int ready, String image, String componentVersion) {
	}

	/** Desired against ready for every workload of a system, and the model version deployed last (or null). */
	public record SystemStatus(String modelVersion, List<WorkloadStatus> workloads) {
	}

	public SystemStatus status(String namespace, String system) {
		Map<String, String> labels = Map.of("app.kubernetes.io/part-of", system, "app.kubernetes.io/managed-by", "byron");
		List<WorkloadStatus> workloads = new ArrayList<>();
		for (StatefulSet set : client.apps().statefulSets().inNamespace(namespace).withLabels(labels).list().getItems()) {
			workloads.add(new WorkloadStatus("StatefulSet", set.getMetadata().getName(), replicas(set.getSpec().getReplicas()),
					set.getStatus() == null ? 0 : replicas0(set.getStatus().getReadyReplicas()),
					set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(), ""));
		}
		for (Deployment deployment : client.apps().deployments().inNamespace(namespace).withLabels(labels).list().getItems()) {
			Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
			workloads.add(new WorkloadStatus("Deployment", deployment.getMetadata().getName(),
					replicas(deployment.getSpec().getReplicas()),
					deployment.getStatus() == null ? 0 : replicas0(deployment.getStatus().getReadyReplicas()),
					deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
					annotations == null ? "" : annotations.getOrDefault("byron.dev/component-version", "")));
		}
		var release = client.configMaps().inNamespace(namespace).withName(RELEASE).get();
		return new SystemStatus(release == null ? null : release.getData().get("modelVersion"), workloads);
	}

	private static int replicas(Integer value) {
		return value == null ? 1 : value;
	}

	private static int replicas0(Integer value) {
		return value == null ? 0 : value;
	}

	/** Puts back the pod templates a component's Deployments had before its last rollout. */
	public void rollback(String namespace, String component) throws DeployException {
		List<Deployment> deployments = client.apps().deployments().inNamespace(namespace).withLabel(COMPONENT, component)
				.list().getItems();
		if (deployments.isEmpty()) {
			throw new DeployException("No component '" + component + "' is deployed in namespace " + namespace + ".");
		}
		for (Deployment live : deployments) {
			String previous = live.getMetadata().getAnnotations() == null ? null
					: live.getMetadata().getAnnotations().get(PREVIOUS_TEMPLATE);
			if (previous == null) {
				throw new DeployException(live.getMetadata().getName() + " has no previous version to go back to:"
						+ " it has been deployed once. Nothing was changed.");
			}
		}
		for (Deployment live : deployments) {
			PodTemplateSpec current = live.getSpec().getTemplate();
			live.getSpec().setTemplate(client.getKubernetesSerialization()
					.unmarshal(live.getMetadata().getAnnotations().get(PREVIOUS_TEMPLATE), PodTemplateSpec.class));
			live.getMetadata().getAnnotations().put(PREVIOUS_TEMPLATE, client.getKubernetesSerialization().asJson(current));
			live.getMetadata().getAnnotations().remove(APPLIED_HASH);
			Deployment updated = client.resource(live).update();
			progress.accept("rolling back " + updated.getMetadata().getName());
			awaitRollout(updated);
		}
		progress.accept(component + ": rolled back");
	}

	/** Deletes what Byron created for a system; volumes (the data) stay unless {@code deleteData}. */
	public List<String> destroy(String namespace, String system, boolean deleteData) {
		List<String> deleted = new ArrayList<>();
		Map<String, String> labels = Map.of("app.kubernetes.io/part-of", system, "app.kubernetes.io/managed-by", "byron");
		List<List<? extends HasMetadata>> groups = List.of(
				client.network().v1().ingresses().inNamespace(namespace).withLabels(labels).list().getItems(),
				client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withLabels(labels).list().getItems(),
				client.policy().v1().podDisruptionBudget().inNamespace(namespace).withLabels(labels).list().getItems(),
				client.apps().deployments().inNamespace(namespace).withLabels(labels).list().getItems(),
				client.apps().statefulSets().inNamespace(namespace).withLabels(labels).list().getItems(),
				client.services().inNamespace(namespace).withLabels(labels).list().getItems(),
				client.configMaps().inNamespace(namespace).withLabels(labels).list().getItems(),
				client.secrets().inNamespace(namespace).withLabels(labels).list().getItems());
		for (List<? extends HasMetadata> group : groups) {
			for (HasMetadata object : group) {
				client.resource(object).delete();
				deleted.add(object.getKind() + "/" + object.getMetadata().getName());
			}
		}
		if (deleteData) {
			for (var claim : client.persistentVolumeClaims().inNamespace(namespace).withLabels(labels).list().getItems()) {
				client.resource(claim).delete();
				deleted.add("PersistentVolumeClaim/" + claim.getMetadata().getName());
			}
			Namespace ns = client.namespaces().withName(namespace).get();
			if (ns != null && ns.getMetadata().getLabels() != null
					&& "byron".equals(ns.getMetadata().getLabels().get("app.kubernetes.io/managed-by"))) {
				client.resource(ns).delete();
				deleted.add("Namespace/" + namespace);
			}
		}
		return deleted;
	}

	private Action action(HasMetadata desired) {
		HasMetadata live = client.resource(desired).get();
		if (live == null) {
			return Action.CREATE;
		}
		if (desired instanceof Secret secret) {
			keepGeneratedKeys(secret, (Secret) live);
			return sameSecret(secret, (Secret) live) ? Action.UNCHANGED : Action.UPDATE;
		}
		String liveHash = live.getMetadata().getAnnotations() == null ? null
				: live.getMetadata().getAnnotations().get(APPLIED_HASH);
		if (hash(desired).equals(liveHash)) {
			return Action.UNCHANGED;
		}
		if (desired instanceof Deployment deployment && live instanceof Deployment liveDeployment
				&& !Objects.equals(json(deployment.getSpec().getTemplate()), json(liveDeployment.getSpec().getTemplate()))) {
			return Action.ROLL;
		}
		return Action.UPDATE;
	}

	private void apply(List<HasMetadata> objects, Map<HasMetadata, Change> changes) {
		for (HasMetadata object : objects) {
			Change change = changes.get(object);
			if (change.action() == Action.UNCHANGED) {
				continue;
			}
			String hash = object instanceof Secret ? null : hash(object);
			if (hash != null) {
				object.getMetadata().getAnnotations().put(APPLIED_HASH, hash);
			}
			if (change.action() == Action.CREATE) {
				client.resource(object).create();
			} else {
				// Read again, not taken from the plan: controllers move the resourceVersion on in between.
				HasMetadata live = client.resource(object).get();
				if (object instanceof Deployment deployment && live instanceof Deployment liveDeployment
						&& change.action() == Action.ROLL) {
					deployment.getMetadata().getAnnotations().put(PREVIOUS_TEMPLATE, json(liveDeployment.getSpec().getTemplate()));
				}
				object.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
				// A real API server ignores status here; a store without a status subresource would drop it.
				if (object instanceof Deployment deployment && live instanceof Deployment liveDeployment) {
					deployment.setStatus(liveDeployment.getStatus());
				} else if (object instanceof StatefulSet set && live instanceof StatefulSet liveSet) {
					set.setStatus(liveSet.getStatus());
				}
				client.resource(object).update();
			}
			progress.accept(change.toString());
		}
	}

	private void awaitStatefulSet(StatefulSet desired) throws DeployException {
		String name = desired.getMetadata().getName();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			StatefulSet live = client.apps().statefulSets().inNamespace(desired.getMetadata().getNamespace()).withName(name).get();
			int wanted = live == null || live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
			int ready = live == null || live.getStatus() == null || live.getStatus().getReadyReplicas() == null ? 0
					: live.getStatus().getReadyReplicas();
			if (live != null && ready >= wanted && observed(live.getMetadata().getGeneration(),
					live.getStatus() == null ? null : live.getStatus().getObservedGeneration())) {
				progress.accept(name + ": " + ready + "/" + wanted + " ready");
				return;
			}
			waitOrFail(deadline, name + " is not ready after " + timeout.toSeconds() + " s (" + ready + "/" + wanted
					+ " ready). 'kubectl describe statefulset " + name + "' says why (often storage or image pull).");
		}
	}

	private void awaitRollout(Deployment desired) throws DeployException {
		String name = desired.getMetadata().getName();
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "";
		while (true) {
			Deployment live = client.apps().deployments().inNamespace(desired.getMetadata().getNamespace()).withName(name).get();
			int wanted = live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
			var status = live.getStatus();
			int updated = status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
			int available = status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
			int total = status == null || status.getReplicas() == null ? 0 : status.getReplicas();
			if (status != null && status.getConditions() != null) {
				for (DeploymentCondition condition : status.getConditions()) {
					if ("Progressing".equals(condition.getType()) && "False".equals(condition.getStatus())) {
						throw new DeployException("The rollout of " + name + " failed: " + condition.getReason() + ": "
								+ condition.getMessage() + ". Later components were not touched; 'byron rollback "
								+ desired.getMetadata().getLabels().get(COMPONENT) + "' restores the previous version.");
					}
				}
			}
			String line = name + ": " + updated + "/" + wanted + " updated, " + available + " available";
			if (!line.equals(last)) {
				progress.accept(line);
				last = line;
			}
			if (status != null && observed(live.getMetadata().getGeneration(), status.getObservedGeneration())
					&& updated >= wanted && available >= wanted && total <= wanted) {
				return;
			}
			waitOrFail(deadline, "The rollout of " + name + " did not finish within " + timeout.toSeconds() + " s (" + line
					+ "). 'kubectl describe deployment " + name + "' says why; later components were not touched.");
		}
	}

	private static boolean observed(Long generation, Long observedGeneration) {
		return generation == null || observedGeneration != null && observedGeneration >= generation;
	}

	private void waitOrFail(long deadline, String message) throws DeployException {
		if (System.nanoTime() > deadline) {
			throw new DeployException(message);
		}
		try {
			Thread.sleep(poll.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeployException("Interrupted while waiting: " + message);
		}
	}

	private static String unit(HasMetadata object) {
		Map<String, String> labels = object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
		if (object instanceof Namespace || object instanceof Secret || RELEASE.equals(object.getMetadata().getName())) {
			return "base";
		}
		if (labels.containsKey(COMPONENT)) {
			return labels.get(COMPONENT);
		}
		return "broker".equals(labels.get("app.kubernetes.io/component")) ? "broker" : "gateway";
	}

	private String json(Object object) {
		return client.getKubernetesSerialization().asJson(object);
	}

	/** A digest of what Byron asks for: the desired object without Byron's own bookkeeping annotations. */
	private String hash(HasMetadata object) {
		HasMetadata copy = client.getKubernetesSerialization().clone(object);
		Map<String, String> annotations = copy.getMetadata().getAnnotations();
		if (annotations != null) {
			annotations.remove(APPLIED_HASH);
			annotations.remove(PREVIOUS_TEMPLATE);
			// The model version names the whole model: an object whose own content did not change stays untouched.
			annotations.remove(MODEL_VERSION);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(copy).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Keys Byron generated at the first deploy (the gateway's signing key, MongoDB passwords) stay what they were: a
	 * new value would lock running components out of their databases and refuse the gateway's requests.
	 */
	private static void keepGeneratedKeys(Secret desired, Secret live) {
		String generated = desired.getMetadata().getAnnotations() == null ? null
				: desired.getMetadata().getAnnotations().get(DesiredState.GENERATED_KEYS);
		if (generated == null || generated.isEmpty()) {
			return;
		}
		for (String key : generated.split(",")) {
			String kept = live.getData() != null && live.getData().containsKey(key)
					? new String(Base64.getDecoder().decode(live.getData().get(key)), StandardCharsets.UTF_8)
					: live.getStringData() == null ? null : live.getStringData().get(key);
			if (kept != null) {
				desired.getStringData().put(key, kept);
			}
		}
	}

	private static boolean sameSecret(Secret desired, Secret live) {
		Map<String, String> wanted = new LinkedHashMap<>();
		if (desired.getStringData() != null) {
			desired.getStringData().forEach((k, v) -> wanted.put(k,
					Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
		}
		Map<String, String> have = live.getData() == null ? Map.of() : live.getData();
		// An API server turns stringData into data; a store without that logic keeps stringData as given.
		return wanted.equals(have) || Objects.equals(desired.getStringData(), live.getStringData());
	}
}
