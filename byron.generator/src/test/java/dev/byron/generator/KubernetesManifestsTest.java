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
			if (artifact.path().startsWith(KubernetesGenerator.FOLDER)) {
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
		assumeTrue(commandExists("npm"), "npm is needed to validate manifests against the Kubernetes schemas");
		List<String> files = new ArrayList<>();
		for (String example : List.of("microblog", "shop")) {
			Generator.write(example(example), out.resolve(example));
			try (var listing = Files.list(out.resolve(example).resolve("kubernetes"))) {
				listing.map(Path::toString).sorted().forEach(files::add);
			}
		}
		if (!Files.isDirectory(VALIDATOR.resolve("node_modules/kubernetes-models"))) {
			assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), VALIDATOR).exit()).isZero();
		}
		List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
		command.addAll(files.stream().map(f -> Path.of(f).toAbsolutePath().toString()).toList());
		Run validation = run(command, VALIDATOR);
		assertThat(validation.exit()).as(validation.output()).isZero();
		assertThat(validation.output()).contains(" objects valid, 0 invalid").doesNotContain("INVALID");
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
				.contains("jetstream", "nats://nats-2.nats-cluster.microblog.svc.cluster.local:6222");
		for (String component : List.of("accounts", "posts", "social", "likes", "timeline")) {
			JsonNode api = object(objects, "Deployment", component + "-api");
			JsonNode container = api.at("/spec/template/spec/containers/0");
			assertThat(container.path("image").asText()).matches("registry\\.example\\.com/microblog/microblog-" + component
					+ ":[0-9a-f]{12}");
			assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
			assertThat(container.at("/resources/requests/cpu").asText()).isIn("250m");
			assertThat(object(objects, "Deployment", component + "-sink").at("/spec/template/spec/containers/0/env")
					.findValuesAsText("value")).contains("sink", "mongodb://" + component + "-mongo:27017");
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
		assertThat(object(objects, "ConfigMap", "nats-config").at("/data/nats.conf").asText())
				.contains("user: $NATS_USER", "password: $NATS_PASSWORD");
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

	record Run(int exit, String output) {
	}

	private static Run run(List<String> command, Path directory) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish");
		}
		return new Run(process.exitValue(), output);
	}

	private static boolean commandExists(String name) {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, name))) {
				return true;
			}
		}
		return false;
	}
}
