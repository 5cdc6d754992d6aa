package dev.byron.deployer.kubernetes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ConfigBlock;
import dev.byron.dsl.api.model.EnvRef;
import dev.byron.generator.Artifact;
import dev.byron.generator.GenerationInput;
import dev.byron.generator.kubernetes.DeploymentSettings;
import dev.byron.generator.kubernetes.KubernetesGenerator;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What the cluster should hold for a model: the generated manifests, plus the Secrets built from
 * {@code credentials.byron} with values read now (from the environment for {@code env(...)}), in memory only.
 */
public record DesiredState(DeploymentSettings settings, List<HasMetadata> objects) {

	public static DesiredState of(ByronModel model, String namespace, Map<String, String> env, KubernetesClient client)
			throws DeployException {
		return of(model, namespace, env, client, Map.of());
	}

	/** With the images built for this deploy, by component (and {@code gateway}). */
	public static DesiredState of(ByronModel model, String namespace, Map<String, String> env, KubernetesClient client,
			Map<String, String> images) throws DeployException {
		GenerationInput input = GenerationInput.of(model);
		DeploymentSettings settings = DeploymentSettings.from(model);
		if (namespace != null) {
			settings = settings.withNamespace(namespace);
		}
		List<HasMetadata> objects = new ArrayList<>();
		for (Artifact artifact : new KubernetesGenerator().generate(input, namespace, images)) {
			objects.addAll(client.load(new ByteArrayInputStream(artifact.content().getBytes(StandardCharsets.UTF_8))).items());
		}
		objects.addAll(1, secrets(model, settings, env));
		String modelVersion = objects.get(0).getMetadata().getAnnotations().get("byron.dev/model-version");
		objects.add(1, new ConfigMapBuilder().withNewMetadata().withName(KubernetesDeployer.RELEASE)
				.withNamespace(settings.namespace()).addToLabels(labels(settings, "release")).endMetadata()
				.withData(Map.of("system", settings.system(), "modelVersion", modelVersion)).build());
		return new DesiredState(settings, objects);
	}

	/** The annotation that lists the keys of the credentials Secret Byron made up itself (kept from deploy to deploy). */
	public static final String GENERATED_KEYS = "byron.dev/generated-keys";

	private static List<Secret> secrets(ByronModel model, DeploymentSettings settings, Map<String, String> env)
			throws DeployException {
		ConfigBlock credentials = model.credentials() == null ? ConfigBlock.EMPTY : model.credentials();
		Map<String, String> data = new LinkedHashMap<>();
		List<Secret> secrets = new ArrayList<>();
		for (ConfigBlock.Section section : credentials.sections()) {
			ConfigBlock block = section.block();
			switch (section.name()) {
			case "nats" -> {
				put(data, "nats-user", value(block, "nats.user", "user", env));
				put(data, "nats-password", value(block, "nats.password", "password", env));
			}
			case "mongo" -> put(data, section.component() == null ? "mongo-uri" : "mongo-uri-" + section.component(),
					value(block, "mongo.uri", "uri", env));
			case "jwt" -> put(data, "jwt-secret", value(block, "jwt.secret", "secret", env));
			case "registry" -> secrets.add(pullSecret(settings, value(block, "registry.server", "server", env),
					value(block, "registry.username", "username", env), value(block, "registry.password", "password", env)));
			default -> {
			}
			}
		}
		List<String> generated = settings.secrets().generatedKeys(settings.components().keySet(), settings.components().entrySet().stream()
				.filter(c -> !c.getValue().externalMongo()).map(Map.Entry::getKey).toList());
		generated.forEach(key -> data.put(key, dev.byron.runtime.api.GatewaySignature.newKey()));
		Secret credentialsSecret = new SecretBuilder().withNewMetadata().withName(settings.secrets().name())
				.withNamespace(settings.namespace()).addToLabels(labels(settings))
				.addToAnnotations(GENERATED_KEYS, String.join(",", generated)).endMetadata().withType("Opaque")
				.withStringData(data).build();
		secrets.add(0, credentialsSecret);
		return secrets;
	}

	/** The registry's user name and password from {@code credentials.byron}, read now; empty without a registry section. */
	public static java.util.Optional<String[]> registryCredentials(ByronModel model, Map<String, String> env)
			throws DeployException {
		ConfigBlock credentials = model.credentials() == null ? ConfigBlock.EMPTY : model.credentials();
		for (ConfigBlock.Section section : credentials.sections()) {
			if (section.name().equals("registry")) {
				return java.util.Optional.of(new String[] { value(section.block(), "registry.username", "username", env),
						value(section.block(), "registry.password", "password", env) });
			}
		}
		return java.util.Optional.empty();
	}

	private static Secret pullSecret(DeploymentSettings settings, String server, String user, String password) {
		String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		String json = "{\"auths\":{\"" + server + "\":{\"username\":\"" + user + "\",\"password\":\"" + password
				+ "\",\"auth\":\"" + auth + "\"}}}";
		return new SecretBuilder().withNewMetadata().withName(settings.secrets().pullSecret())
				.withNamespace(settings.namespace()).addToLabels(labels(settings)).endMetadata()
				.withType("kubernetes.io/dockerconfigjson").withStringData(Map.of(".dockerconfigjson", json)).build();
	}

	private static Map<String, String> labels(DeploymentSettings settings) {
		return labels(settings, "credentials");
	}

	private static Map<String, String> labels(DeploymentSettings settings, String component) {
		return Map.of("app.kubernetes.io/part-of", settings.system(), "app.kubernetes.io/managed-by", "byron",
				"app.kubernetes.io/component", component);
	}

	private static void put(Map<String, String> data, String key, String value) {
		if (value != null) {
			data.put(key, value);
		}
	}

	/**
	 * One setting of credentials.byron ({@code jwt}, {@code secret}), read now from the environment where it is an
	 * {@code env(...)}; null when the file does not set it.
	 */
	public static String credential(ByronModel model, String section, String key, Map<String, String> env) throws DeployException {
		ConfigBlock credentials = model.credentials() == null ? ConfigBlock.EMPTY : model.credentials();
		for (ConfigBlock.Section candidate : credentials.sections()) {
			if (candidate.name().equals(section) && candidate.component() == null) {
				return value(candidate.block(), section + "." + key, key, env);
			}
		}
		return null;
	}

	private static String value(ConfigBlock block, String where, String key, Map<String, String> env) throws DeployException {
		Object value = block.values().get(key);
		if (value instanceof EnvRef ref) {
			String resolved = env.get(ref.variable());
			if (resolved == null || resolved.isEmpty()) {
				throw new DeployException("credentials.byron: " + where + " reads env(\"" + ref.variable() + "\"), which is"
						+ " not set. Export " + ref.variable() + " and deploy again; nothing was changed.");
			}
			return resolved;
		}
		return value == null ? null : String.valueOf(value);
	}
}
