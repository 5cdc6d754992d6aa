package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.generator.kubernetes.KubernetesGenerator;

/** The Kubernetes manifests: valid against the Kubernetes schemas, complete, free of secrets, versioned. */
class KubernetesManifestsTest {
	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
	private static final Path VALIDATOR = Path.of("src/test/kubernetes");

	@TempDir
	Path out;

	static ByronModel example(String name) throws Exception {
		LoadResult result = ByronLoader.create().load(Path.of("../examples", name));
		assertThat(result.hasErrors()).isFalse();
		return result.model();
	}

	static List<JsonNode> objects(ByronModel model) throws IOException {
		List<JsonNode> objects = new ArrayList<>();
		for (Artifact artifact : Generator.artifacts(model)) {
			if (artifact.path().startsWith(KubernetesGenerator.FOLDER) && !artifact.path().endsWith("kustomization.yaml")) {
				try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(artifact.content())) {
					documents.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isMissingNode()).forEach(objects::add);
				}
			}
		}
		return objects;
	}

	static JsonNode object(List<JsonNode> objects, String kind, String name) {
		return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
				.findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
	}

	@Test
	void everyObjectOfBothExamplesIsValidAgainstTheKubernetesSchemas() throws Exception {
		Tools.npmPackages(VALIDATOR, "kubernetes-models");
		List<String> files = new ArrayList<>();
		for (String example : List.of("microblog", "shop")) {
			Generator.write(example(example), out.resolve(example));
			try (var listing = Files.list(out.resolve(example).resolve("kubernetes"))) {
				listing.map(Path::toString).filter(f -> !f.endsWith("kustomization.yaml")).sorted().forEach(files::add);
			}
		}
		List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
		command.addAll(files.stream().map(f -> Path.of(f).toAbsolutePath().toString()).toList());
		Tools.Run validation = Tools.run(command, VALIDATOR);
		assertThat(validation.exit()).as(validation.output()).isZero();
		assertThat(validation.output()).contains(" objects valid, 0 invalid").doesNotContain("INVALID");
	}

	@Test
	void theKustomizationIsABaseThatAnOverlayMovesToAnotherNamespaceAndRetags() throws Exception {
		assumeTrue(Tools.commandExists("kubectl"), "kubectl (with its built-in kustomize) is needed to build the overlay");
		Generator.write(example("microblog"), out.resolve("microblog"));
		Path overlay = out.resolve("staging");
		Files.createDirectories(overlay);
		Files.writeString(overlay.resolve("kustomization.yaml"), """
				apiVersion: kustomize.config.k8s.io/v1beta1
				kind: Kustomization
				resources:
				  - ../microblog/kubernetes
				namespace: staging
				images:
				  - name: registry.example.com/microblog/microblog-accounts
				    newTag: v2
				""");
		Tools.Run built = Tools.run(List.of("kubectl", "kustomize", overlay.toString()), out);
		assertThat(built.exit()).as(built.output()).isZero();
		List<JsonNode> objects;
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(built.output())) {
			objects = documents.readAll();
		}
		assertThat(objects).hasSizeGreaterThan(50);
		assertThat(objects).as("every namespaced object is in the overlay's namespace")
				.allMatch(o -> o.path("kind").asText().equals("Namespace") || o.at("/metadata/namespace").asText().equals("staging"));
		assertThat(object(objects, "Namespace", "staging")).isNotNull();
		assertThat(object(objects, "Deployment", "accounts-api").at("/spec/template/spec/containers/0/image").asText())
				.isEqualTo("registry.example.com/microblog/microblog-accounts:v2");
		assertThat(object(objects, "Deployment", "posts-api").at("/spec/template/spec/containers/0/image").asText())
				.as("the base's tag where the overlay names none").startsWith("registry.example.com/microblog/microblog-posts:");
	}

	@Test
	void theNetworkLetsTheGatewayReachComponentsAndEachComponentOnlyItsOwnDatabase() throws Exception {
		List<JsonNode> objects = objects(example("microblog"));
		Map<String, String> gateway = podLabels(object(objects, "Deployment", "gateway"));
		Map<String, String> accountsApi = podLabels(object(objects, "Deployment", "accounts-api"));
		Map<String, String> accountsSink = podLabels(object(objects, "Deployment", "accounts-sink"));
		Map<String, String> postsApi = podLabels(object(objects, "Deployment", "posts-api"));
		Map<String, String> accountsMongo = podLabels(object(objects, "StatefulSet", "accounts-mongo"));
		Map<String, String> nats = podLabels(object(objects, "StatefulSet", "nats"));
		Map<String, String> stranger = Map.of("app", "something-else");

		assertThat(admits(objects, stranger, gateway, 4000)).as("clients reach the gateway").isTrue();
		assertThat(admits(objects, gateway, accountsApi, 8080)).as("the gateway reaches a component").isTrue();
		assertThat(admits(objects, stranger, accountsApi, 8080)).as("nobody else reaches a component").isFalse();
		assertThat(admits(objects, postsApi, accountsApi, 8080)).as("nor does another component").isFalse();
		assertThat(admits(objects, accountsApi, accountsMongo, 27017)).as("a component reaches its database").isTrue();
		assertThat(admits(objects, accountsSink, accountsMongo, 27017)).as("and so does its Sink").isTrue();
		assertThat(admits(objects, postsApi, accountsMongo, 27017)).as("another component does not").isFalse();
		assertThat(admits(objects, gateway, accountsMongo, 27017)).as("nor does the gateway").isFalse();
		assertThat(admits(objects, accountsSink, nats, 4222)).as("Byron's pods reach NATS").isTrue();
		assertThat(admits(objects, stranger, nats, 4222)).as("nobody else does").isFalse();
	}

	@Test
	void theGatewayAndEveryApiGetTheSigningKeyAndEveryDatabaseItsOwnPassword() throws Exception {
		List<JsonNode> objects = objects(example("microblog"));
		assertThat(env(object(objects, "Deployment", "gateway"), "BYRON_CALLER_KEY").at("/valueFrom/secretKeyRef/key").asText())
				.isEqualTo("caller-key");
		assertThat(env(object(objects, "Deployment", "accounts-api"), "BYRON_CALLER_KEY").at("/valueFrom/secretKeyRef/key").asText())
				.isEqualTo("caller-key");
		String mongoPassword = env(object(objects, "StatefulSet", "accounts-mongo"), "MONGO_INITDB_ROOT_PASSWORD")
				.at("/valueFrom/secretKeyRef/key").asText();
		assertThat(mongoPassword).isEqualTo("mongo-password-accounts");
		assertThat(env(object(objects, "Deployment", "accounts-sink"), "MONGO_PASSWORD").at("/valueFrom/secretKeyRef/key").asText())
				.isEqualTo(mongoPassword);
		assertThat(env(object(objects, "StatefulSet", "posts-mongo"), "MONGO_INITDB_ROOT_PASSWORD").at("/valueFrom/secretKeyRef/key")
				.asText()).isEqualTo("mongo-password-posts");
		assertThat(env(object(objects, "Deployment", "accounts-api"), "BYRON_MONGO_URI").path("value").asText())
				.startsWith("mongodb://byron:$(MONGO_PASSWORD)@accounts-mongo:27017/");
	}

	private static JsonNode env(JsonNode workload, String name) {
		for (JsonNode variable : workload.at("/spec/template/spec/containers/0/env")) {
			if (variable.path("name").asText().equals(name)) {
				return variable;
			}
		}
		throw new AssertionError(workload.at("/metadata/name").asText() + " has no " + name);
	}

	private static Map<String, String> podLabels(JsonNode workload) {
		Map<String, String> labels = new java.util.LinkedHashMap<>();
		workload.at("/spec/template/metadata/labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
		return labels;
	}

	/** Kubernetes' rule for ingress, for the selectors Byron writes: isolated pods admit only what some policy allows. */
	private static boolean admits(List<JsonNode> objects, Map<String, String> from, Map<String, String> to, int port) {
		boolean isolated = false;
		for (JsonNode policy : objects) {
			if (!policy.path("kind").asText().equals("NetworkPolicy") || !matches(policy.at("/spec/podSelector"), to)) {
				continue;
			}
			isolated = true;
			for (JsonNode rule : policy.at("/spec/ingress")) {
				boolean portAllowed = rule.path("ports").isMissingNode()
						|| java.util.stream.StreamSupport.stream(rule.path("ports").spliterator(), false).anyMatch(p -> p.path("port").asInt() == port);
				boolean peerAllowed = rule.path("from").isMissingNode()
						|| java.util.stream.StreamSupport.stream(rule.path("from").spliterator(), false)
								.anyMatch(peer -> peer.has("podSelector") && !peer.has("namespaceSelector") && matches(peer.get("podSelector"), from));
				if (portAllowed && peerAllowed) {
					return true;
				}
			}
		}
		return !isolated;
	}

	private static boolean matches(JsonNode selector, Map<String, String> labels) {
		assertThat(selector.has("matchExpressions")).as("selectors Byron writes use matchLabels").isFalse();
		var wanted = selector.path("matchLabels").fields();
		while (wanted.hasNext()) {
			var label = wanted.next();
			if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
				return false;
			}
		}
		return true;
	}

	@Test
	void everyContainerHasCpuAndMemoryLimitsRunsAsNonRootAndNoImageIsLatest() throws Exception {
		for (String example : List.of("microblog", "shop", "conference")) {
			List<JsonNode> objects = objects(example(example));
			for (JsonNode object : objects) {
				String kind = object.path("kind").asText();
				String name = kind + " " + object.at("/metadata/name").asText();
				if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
					for (JsonNode container : object.at("/spec/template/spec/containers")) {
						assertThat(container.at("/resources/limits/cpu").asText()).as(name + " cpu limit").isNotEmpty();
						assertThat(container.at("/resources/limits/memory").asText()).as(name + " memory limit").isNotEmpty();
						assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).as(name + " non-root").isTrue();
						assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
						assertThat(container.at("/livenessProbe").isMissingNode()).as(name + " liveness probe").isFalse();
						assertThat(container.path("image").asText()).as(name + " image").contains(":").doesNotEndWith(":latest");
					}
				}
				if (kind.equals("HorizontalPodAutoscaler")) {
					assertThat(object.at("/spec/minReplicas").asInt()).as(name + " has room to scale")
							.isLessThan(object.at("/spec/maxReplicas").asInt());
				}
			}
		}
	}

	@Test
	void microblogGetsBrokerDatabasesComponentsGatewayAndIngressFromItsConfig() throws Exception {
		List<JsonNode> objects = objects(example("microblog"));
		assertThat(object(objects, "Namespace", "microblog")).isNotNull();
		assertThat(object(objects, "StatefulSet", "nats").at("/spec/replicas").asInt()).isEqualTo(3);
		assertThat(object(objects, "StatefulSet", "nats").at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage")
				.asText()).isEqualTo("2Gi");
		assertThat(object(objects, "ConfigMap", "nats-config").at("/data/nats.conf").asText())
				.contains("jetstream", "nats://nats-2.nats-cluster:6222");
		for (String component : List.of("accounts", "posts", "social", "likes", "timeline")) {
			JsonNode api = object(objects, "Deployment", component + "-api");
			JsonNode container = api.at("/spec/template/spec/containers/0");
			assertThat(container.path("image").asText()).matches("registry\\.example\\.com/microblog/microblog-" + component
					+ ":[0-9a-f]{12}");
			assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
			assertThat(container.at("/resources/requests/cpu").asText()).isIn("250m");
			assertThat(container.path("env").toString()).as("streams keep a copy on each of the 3 nats-servers").contains("{\"name\":\"BYRON_STREAM_REPLICAS\",\"value\":\"3\"}");
			assertThat(object(objects, "Deployment", component + "-sink").at("/spec/template/spec/containers/0/env")
					.findValuesAsText("value")).contains("sink", "mongodb://byron:$(MONGO_PASSWORD)@" + component + "-mongo:27017/?authSource=admin");
			assertThat(object(objects, "StatefulSet", component + "-mongo")).isNotNull();
			assertThat(object(objects, "Service", component + "-api").at("/spec/ports/0/port").asInt()).isEqualTo(8080);
			assertThat(object(objects, "PodDisruptionBudget", component + "-api")).isNotNull();
		}
		JsonNode timelineHpa = object(objects, "HorizontalPodAutoscaler", "timeline-api");
		assertThat(timelineHpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
		assertThat(timelineHpa.at("/spec/maxReplicas").asInt()).isEqualTo(10);
		assertThat(object(objects, "Deployment", "accounts-api").at("/spec/replicas").asInt()).isEqualTo(2);
		JsonNode ingress = object(objects, "Ingress", "gateway");
		assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("microblog.example.com");
		assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("microblog.example.com");
		assertThat(object(objects, "Deployment", "gateway").at("/spec/template/spec/volumes/0/configMap/items")
				.findValuesAsText("path")).contains("gateway.json", "components/timeline/descriptor.json");
		assertThat(object(objects, "Deployment", "gateway").at("/spec/template/spec/imagePullSecrets/0/name").asText())
				.isEqualTo("microblog-registry");
		for (JsonNode object : objects) {
			assertThat(object.at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("microblog");
			assertThat(object.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("byron");
			assertThat(object.at("/metadata/annotations/byron.dev~1model-version").asText()).hasSize(12);
		}
	}

	@Test
	void credentialsBecomeSecretReferencesAndNeverValues() throws Exception {
		String model = "system vault\ncomponent orders {\n  entity Order {\n    total: Float\n  }\n}\n"
				+ "component ledger {\n  entity Entry {\n    amount: Float\n  }\n}\n";
		String credentials = "credentials {\n  mongo orders {\n    uri: \"mongodb://app:hunter2@db.example.com:27017\"\n  }\n"
				+ "  nats {\n    user: \"byron\"\n    password: \"correct-horse\"\n  }\n}\n";
		LoadResult result = ByronLoader.create().loadSources(List.of(new Source(Path.of("schema.byron"), model),
				new Source(Path.of("credentials.byron"), credentials)));
		String all = Generator.artifacts(result.model()).stream().map(Artifact::content).collect(Collectors.joining("\n"));
		assertThat(all).doesNotContain("hunter2", "correct-horse", "db.example.com");
		List<JsonNode> objects = objects(result.model());
		assertThat(objects).noneMatch(o -> o.path("kind").asText().equals("Secret"));
		assertThat(objects).noneMatch(o -> o.at("/metadata/name").asText().equals("orders-mongo"));
		assertThat(object(objects, "StatefulSet", "ledger-mongo")).isNotNull();
		JsonNode env = object(objects, "Deployment", "orders-api").at("/spec/template/spec/containers/0/env");
		assertThat(env.toString()).contains("\"key\":\"mongo-uri-orders\"", "\"name\":\"vault-credentials\"",
				"nats://$(NATS_USER):$(NATS_PASSWORD)@nats:4222");
		assertThat(env.toString()).contains("\"key\":\"nats-password-orders\"");
		assertThat(object(objects, "ConfigMap", "nats-config").at("/data/nats.conf").asText())
				.as("an admin from credentials.byron beside one user per component")
				.contains("{ user: $NATS_USER, password: $NATS_PASSWORD }", "user: \"orders\", password: $NATS_PASSWORD_ORDERS",
						"\"byron.vault.orders.>\"")
				.doesNotContain("\"byron.vault.ledger.>\", \"byron-dlq.vault.orders");
		assertThat(object(objects, "StatefulSet", "nats").at("/spec/template/spec/containers/0/env").toString())
				.contains("NATS_PASSWORD_LEDGER", "\"key\":\"nats-password-ledger\"");
	}

	@Test
	void changingOneComponentChangesOnlyItsVersionAndTheGateways() throws Exception {
		String before = "system s\ncomponent a {\n  entity A {\n    x: String\n  }\n}\ncomponent b {\n  entity B {\n    y: String\n  }\n}\n";
		String after = before.replace("y: String", "y: String\n    z: Int");
		Map<String, String> versionsBefore = versions(before);
		Map<String, String> versionsAfter = versions(after);
		assertThat(versionsAfter.get("a-api")).isEqualTo(versionsBefore.get("a-api"));
		assertThat(versionsAfter.get("a-sink")).isEqualTo(versionsBefore.get("a-sink"));
		assertThat(versionsAfter.get("b-api")).isNotEqualTo(versionsBefore.get("b-api"));
		assertThat(versionsAfter.get("b-sink")).isNotEqualTo(versionsBefore.get("b-sink"));
		assertThat(versionsAfter.get("gateway")).isNotEqualTo(versionsBefore.get("gateway"));
	}

	private static Map<String, String> versions(String text) throws IOException {
		ByronModel model = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron"), text))).model();
		return objects(model).stream().filter(o -> o.path("kind").asText().equals("Deployment"))
				.collect(Collectors.toMap(o -> o.at("/metadata/name").asText(),
						o -> o.at("/spec/template/metadata/annotations/byron.dev~1component-version").asText()));
	}
}
