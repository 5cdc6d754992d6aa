package dev.byron.deployer.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.dsl.api.ByronLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** What Byron deployed, seen the way a user checks it: with kubectl, pointed at the same API server. */
@EnableKubernetesMockClient(crud = true)
class KubectlTest {
	KubernetesClient client;
	KubernetesMockServer server;

	@TempDir
	Path dir;

	@Test
	void kubectlListsWhatByronCreated() throws Exception {
		Path kubectl = Path.of("/usr/bin/kubectl");
		assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed");
		serveDiscovery();
		try (SimulatedControllers controllers = new SimulatedControllers(client, "microblog")) {
			var model = ByronLoader.create().load(Path.of("../examples/microblog")).model();
			new KubernetesDeployer(client, Duration.ofSeconds(20), Duration.ofMillis(20), line -> { })
					.deploy(DesiredState.of(model, null, Map.of("REGISTRY_USER", "robot", "REGISTRY_PASSWORD", "pw"), client));
		}
		Path kubeconfig = TestKubeconfig.write(dir.resolve("kubeconfig"), client.getMasterUrl());
		String deployments = run(kubectl, kubeconfig, "get", "deployments", "-n", "microblog", "-o", "name");
		assertThat(deployments.lines().toList()).contains("deployment.apps/accounts-api", "deployment.apps/timeline-sink",
				"deployment.apps/gateway").hasSize(11);
		String statefulSets = run(kubectl, kubeconfig, "get", "statefulsets", "-n", "microblog", "-o", "name");
		assertThat(statefulSets.lines().toList()).contains("statefulset.apps/nats", "statefulset.apps/posts-mongo").hasSize(6);
		String services = run(kubectl, kubeconfig, "get", "services", "-n", "microblog", "-o", "name");
		assertThat(services).contains("service/gateway", "service/posts-api");
		String autoscalers = run(kubectl, kubeconfig, "get", "horizontalpodautoscalers", "-n", "microblog", "-o", "name");
		assertThat(autoscalers).contains("horizontalpodautoscaler.autoscaling/timeline-api");
		String image = run(kubectl, kubeconfig, "get", "deployment", "posts-api", "-n", "microblog", "-o",
				"jsonpath={.spec.template.spec.containers[0].image}");
		assertThat(image).as("tagged with a digest of the component, never latest")
				.matches("registry\\.example\\.com/microblog/microblog-posts:[0-9a-f]{12}");
	}

	/**
	 * The discovery documents kubectl reads first (the mock server's store answers everything else). Its
	 * expectations match the whole path, so each is given as kubectl asks for it, with the request timeout.
	 */
	private void serveDiscovery() {
		Map<String, Object> documents = Map.of(
				"/api", Map.of("kind", "APIVersions", "versions", List.of("v1"), "serverAddressByClientCIDRs", List.of()),
				"/apis", Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups",
						List.of(group("apps"), group("autoscaling", "v2"), group("policy"), group("networking.k8s.io"))),
				"/api/v1", resources("v1", List.of(resource("namespaces", "Namespace", false), resource("services", "Service", true),
						resource("configmaps", "ConfigMap", true), resource("secrets", "Secret", true), resource("pods", "Pod", true),
						resource("persistentvolumeclaims", "PersistentVolumeClaim", true))),
				"/apis/apps/v1", resources("apps/v1", List.of(resource("deployments", "Deployment", true),
						resource("statefulsets", "StatefulSet", true))),
				"/apis/autoscaling/v2", resources("autoscaling/v2",
						List.of(resource("horizontalpodautoscalers", "HorizontalPodAutoscaler", true))),
				"/apis/policy/v1", resources("policy/v1", List.of(resource("poddisruptionbudgets", "PodDisruptionBudget", true))),
				"/apis/networking.k8s.io/v1", resources("networking.k8s.io/v1", List.of(resource("ingresses", "Ingress", true))));
		documents.forEach((path, document) -> {
			server.expect().get().withPath(path).andReturn(200, document).always();
			server.expect().get().withPath(path + "?timeout=20s").andReturn(200, document).always();
		});
	}

	private static Map<String, Object> group(String name) {
		return group(name, "v1");
	}

	private static Map<String, Object> group(String name, String version) {
		Map<String, String> v = Map.of("groupVersion", name + "/" + version, "version", version);
		return Map.of("name", name, "versions", List.of(v), "preferredVersion", v);
	}

	private static Map<String, Object> resources(String groupVersion, List<Map<String, Object>> resources) {
		return Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", resources);
	}

	private static Map<String, Object> resource(String name, String kind, boolean namespaced) {
		return Map.of("name", name, "singularName", kind.toLowerCase(), "namespaced", namespaced, "kind", kind, "verbs",
				List.of("get", "list", "watch", "create", "update", "patch", "delete"));
	}

	private static String run(Path kubectl, Path kubeconfig, String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
				"--request-timeout=20s"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}
}
