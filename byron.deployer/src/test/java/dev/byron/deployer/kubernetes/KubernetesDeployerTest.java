package dev.byron.deployer.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.deployer.kubernetes.KubernetesDeployer.Action;
import dev.byron.deployer.kubernetes.KubernetesDeployer.Change;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.ModelFiles;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.api.model.ByronModel;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/**
 * {@code byron deploy} against a Kubernetes API in the test JVM (fabric8's mock server in CRUD mode, the
 * only API server that runs here), with the controllers' status reports simulated by the test.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesDeployerTest {
	private static final Map<String, String> ENV = Map.of("REGISTRY_USER", "robot", "REGISTRY_PASSWORD", "s3cret-pass");
	KubernetesClient client;
	private SimulatedControllers controllers;
	private final List<String> progress = new CopyOnWriteArrayList<>();
	private KubernetesDeployer deployer;

	@TempDir
	Path project;

	@BeforeEach
	void start() throws Exception {
		controllers = new SimulatedControllers(client, "microblog");
		deployer = new KubernetesDeployer(client, Duration.ofSeconds(20), Duration.ofMillis(20), progress::add);
		for (Path file : ModelFiles.below(Path.of("../examples/microblog"))) {
			Files.copy(file, project.resolve(file.getFileName()));
		}
	}

	@AfterEach
	void stop() throws Exception {
		controllers.close();
	}

	private ByronModel model() throws Exception {
		return ByronLoader.create().load(project).model();
	}

	private DesiredState desired() throws Exception {
		return DesiredState.of(model(), null, ENV, client);
	}

	@Test
	void bootstrapCreatesEverythingAndWaitsForTheBrokerAndDatabasesFirst() throws Exception {
		List<Change> plan = deployer.deploy(desired());
		assertThat(plan).allMatch(c -> c.action() == Action.CREATE);
		assertThat(client.namespaces().withName("microblog").get()).isNotNull();
		assertThat(client.apps().statefulSets().inNamespace("microblog").list().getItems()).extracting(s -> s.getMetadata().getName())
				.containsExactlyInAnyOrder("nats", "accounts-mongo", "posts-mongo", "social-mongo", "likes-mongo", "timeline-mongo");
		assertThat(client.apps().deployments().inNamespace("microblog").list().getItems()).hasSize(11);
		assertThat(client.secrets().inNamespace("microblog").withName("microblog-registry").get().getStringData()
				.get(".dockerconfigjson")).contains("\"username\":\"robot\"");
		int natsReady = progress.indexOf("nats: 3/3 ready");
		int firstComponent = progress.indexOf("accounts: rolled out");
		assertThat(natsReady).isNotNegative().isLessThan(firstComponent);
		assertThat(progress).contains("timeline: rolled out", "gateway: rolled out");

		Map<String, String> credentials = client.secrets().inNamespace("microblog").withName("microblog-credentials").get().getStringData();
		assertThat(credentials.get("caller-key")).as("the gateway's signing key").hasSizeGreaterThanOrEqualTo(32);
		assertThat(credentials.get("mongo-password-accounts")).hasSizeGreaterThanOrEqualTo(32)
				.isNotEqualTo(credentials.get("mongo-password-posts"));

		progress.clear();
		assertThat(deployer.deploy(desired())).as("generated keys are kept, not made anew").allMatch(c -> c.action() == Action.UNCHANGED);
		assertThat(progress).containsExactly("Everything is up to date.");
		assertThat(client.secrets().inNamespace("microblog").withName("microblog-credentials").get().getStringData())
				.containsEntry("caller-key", credentials.get("caller-key"));
	}

	@Test
	void aModelChangeRollsOnlyTheChangedComponentAndTheGateway() throws Exception {
		deployer.deploy(desired());
		Map<String, String> versions = versions();
		String accountsVersion = resourceVersion("accounts-api");
		Path posts = project.resolve("posts.byron");
		Files.writeString(posts, Files.readString(posts).replace("likeCount: Int!", "shares: Int\n    likeCount: Int!"));

		List<Change> plan = deployer.plan(desired());
		assertThat(plan.stream().filter(c -> c.action() == Action.ROLL).map(Change::name))
				.containsExactlyInAnyOrder("posts-api", "posts-sink", "gateway");
		assertThat(resourceVersion("posts-api")).as("a plan changes nothing").isEqualTo(versions.get("posts-api@rv"));

		progress.clear();
		deployer.deploy(desired());
		Map<String, String> after = versions();
		assertThat(after.get("posts-api")).isNotEqualTo(versions.get("posts-api"));
		assertThat(after.get("accounts-api")).isEqualTo(versions.get("accounts-api"));
		assertThat(resourceVersion("accounts-api")).as("untouched").isEqualTo(accountsVersion);
		assertThat(progress).contains("posts: rolled out", "accounts: unchanged", "timeline: unchanged");
	}

	@Test
	void rollbackRestoresThePreviousTemplate() throws Exception {
		deployer.deploy(desired());
		String before = template("posts-api");
		Path posts = project.resolve("posts.byron");
		Files.writeString(posts, Files.readString(posts).replace("likeCount: Int!", "shares: Int\n    likeCount: Int!"));
		deployer.deploy(desired());
		assertThat(template("posts-api")).isNotEqualTo(before);

		deployer.rollback("microblog", "posts");
		assertThat(template("posts-api")).isEqualTo(before);
		assertThat(progress).contains("posts: rolled back");
		assertThatThrownBy(() -> deployer.rollback("microblog", "accounts")).isInstanceOf(DeployException.class)
				.hasMessageContaining("has no previous version");
	}

	@Test
	void aFailedRolloutStopsAndLeavesLaterComponentsAlone() throws Exception {
		deployer.deploy(desired());
		String timeline = resourceVersion("timeline-api");
		controllers.failing.add("posts-api");
		Files.writeString(project.resolve("posts.byron"), Files.readString(project.resolve("posts.byron"))
				.replace("likeCount: Int!", "shares: Int\n    likeCount: Int!"));
		Files.writeString(project.resolve("timeline.byron"), Files.readString(project.resolve("timeline.byron"))
				.replace("postedAt: DateTime!\n  }", "postedAt: DateTime!\n    pinned: Boolean\n  }"));
		assertThatThrownBy(() -> deployer.deploy(desired())).isInstanceOf(DeployException.class)
				.hasMessageContaining("The rollout of posts-api failed: ProgressDeadlineExceeded")
				.hasMessageContaining("'byron rollback posts'");
		assertThat(resourceVersion("timeline-api")).isEqualTo(timeline);
	}

	@Test
	void breakingEventChangesAreRefusedUnlessAllowed() throws Exception {
		deployer.deploy(desired());
		Path accounts = project.resolve("accounts.byron");
		Files.writeString(accounts, Files.readString(accounts).replace("event UserSuspended", "event UserBlocked"));
		var next = dev.byron.generator.GenerationInput.of(model()).descriptors();
		var deployed = BreakingChanges.deployed(client, "microblog", "microblog");
		assertThat(deployed).extracting(d -> d.name()).containsExactlyInAnyOrder("accounts", "posts", "social", "likes", "timeline");
		assertThatThrownBy(() -> BreakingChanges.check(deployed, next, false)).isInstanceOf(DeployException.class)
				.hasMessageContaining("accounts.UserSuspended: event renamed to UserBlocked")
				.hasMessageContaining("Deploy with --allow-breaking");
		BreakingChanges.check(deployed, next, true);
		Path posts = project.resolve("posts.byron");
		Files.writeString(posts, Files.readString(posts).replace("likeCount: Int!", "shares: Int\n    likeCount: Int!"));
		Files.writeString(accounts, Files.readString(accounts).replace("event UserBlocked", "event UserSuspended"));
		BreakingChanges.check(deployed, dev.byron.generator.GenerationInput.of(model()).descriptors(), false);
	}

	@Test
	void destroyDeletesWhatByronMadeButKeepsTheData() throws Exception {
		deployer.deploy(desired());
		client.persistentVolumeClaims().inNamespace("microblog").resource(new PersistentVolumeClaimBuilder().withNewMetadata()
				.withName("data-posts-mongo-0").addToLabels("app.kubernetes.io/part-of", "microblog")
				.addToLabels("app.kubernetes.io/managed-by", "byron").endMetadata().withNewSpec().endSpec().build()).create();
		List<String> deleted = deployer.destroy("microblog", "microblog", false);
		assertThat(deleted).contains("Deployment/posts-api", "StatefulSet/nats", "Service/gateway", "Secret/microblog-credentials");
		assertThat(client.apps().deployments().inNamespace("microblog").list().getItems()).isEmpty();
		assertThat(client.persistentVolumeClaims().inNamespace("microblog").withName("data-posts-mongo-0").get()).isNotNull();
		assertThat(client.namespaces().withName("microblog").get()).isNotNull();

		assertThat(deployer.destroy("microblog", "microblog", true)).contains("PersistentVolumeClaim/data-posts-mongo-0",
				"Namespace/microblog");
	}

	@Test
	void aMissingCredentialIsReportedBeforeAnythingChanges() {
		assertThatThrownBy(() -> DesiredState.of(model(), null, Map.of("REGISTRY_USER", "robot"), client))
				.isInstanceOf(DeployException.class)
				.hasMessage("credentials.byron: registry.password reads env(\"REGISTRY_PASSWORD\"), which is not set."
						+ " Export REGISTRY_PASSWORD and deploy again; nothing was changed.");
		assertThat(client.namespaces().withName("microblog").get()).isNull();
	}

	@Test
	void withoutAKubeContextItSaysWhatToDo() {
		assertThatThrownBy(() -> ClusterTarget.connect(null, Map.of("KUBECONFIG", project.resolve("nope").toString()), project))
				.isInstanceOf(DeployException.class).hasMessageContaining("No Kubernetes context")
				.hasMessageContaining("Point KUBECONFIG at a kubeconfig file");
	}

	@Test
	void anotherNamespaceCanBeChosen() throws Exception {
		try (SimulatedControllers staging = new SimulatedControllers(client, "staging")) {
			deployer.deploy(DesiredState.of(model(), "staging", ENV, client));
			assertThat(client.apps().deployments().inNamespace("staging").withName("posts-api").get()).isNotNull();
			assertThat(client.configMaps().inNamespace("staging").withName("nats-config").get().getData().get("nats.conf"))
					.as("routes by name within the namespace the system is in").contains("nats://nats-0.nats-cluster:6222")
					.doesNotContain(".svc.cluster.local");
		}
	}

	private Map<String, String> versions() {
		Map<String, String> versions = new java.util.HashMap<>();
		for (Deployment d : client.apps().deployments().inNamespace("microblog").list().getItems()) {
			versions.put(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getAnnotations()
					.get("byron.dev/component-version"));
			versions.put(d.getMetadata().getName() + "@rv", d.getMetadata().getResourceVersion());
		}
		return versions;
	}

	private String resourceVersion(String deployment) {
		return client.apps().deployments().inNamespace("microblog").withName(deployment).get().getMetadata().getResourceVersion();
	}

	private String template(String deployment) {
		return client.getKubernetesSerialization().asJson(
				client.apps().deployments().inNamespace("microblog").withName(deployment).get().getSpec().getTemplate());
	}
}
