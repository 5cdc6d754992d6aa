package dev.byron.generator.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.generator.Artifact;
import dev.byron.generator.ArtifactGenerator;
import dev.byron.generator.GatewayConfigGenerator;
import dev.byron.generator.GenerationInput;
import dev.byron.generator.Templates;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.Descriptors;

/**
 * {@code kubernetes/*.yaml}: plain manifests a user can read and {@code kubectl apply -f}, in apply order
 * (namespace, broker, components, gateway). Objects carry the model version; each component's pod
 * templates carry a version of that component alone, so a deploy rolls only what changed.
 */
public final class KubernetesGenerator implements ArtifactGenerator {
	public static final String FOLDER = "kubernetes/";
	public static final String MODEL_VERSION = "byron.dev/model-version";
	public static final String COMPONENT_VERSION = "byron.dev/component-version";

	/** An image kustomize may retag: its name without the tag, and the tag. */
	public record KustomizeImage(String name, String tag) {
		static KustomizeImage of(String repository, String image) {
			return new KustomizeImage(repository, image.substring(repository.length() + 1));
		}
	}

	/**
	 * The manifests and {@code kustomization.yaml}, a kustomize base listing them with Byron's images, for GitOps
	 * tools (Argo CD, Flux) to point at and overlay; {@code byron deploy} applies the manifests alone.
	 */
	@Override
	public List<Artifact> generate(GenerationInput input) {
		List<Artifact> manifests = generate(input, null);
		DeploymentSettings settings = DeploymentSettings.from(input.model());
		List<KustomizeImage> images = new ArrayList<>();
		for (ComponentDescriptor descriptor : input.descriptors()) {
			images.add(KustomizeImage.of(settings.repository(descriptor.name()), componentImage(settings, Map.of(), descriptor)));
		}
		images.add(KustomizeImage.of(settings.repository("gateway"), gatewayImage(settings, Map.of(), gatewayJson(input))));
		Map<String, Object> kustomization = new LinkedHashMap<>();
		kustomization.put("resources", manifests.stream().map(a -> a.path().substring(FOLDER.length())).toList());
		kustomization.put("images", images);
		List<Artifact> all = new ArrayList<>(manifests);
		all.add(new Artifact(FOLDER + "kustomization.yaml", Templates.render("kubernetes/kustomization.yaml.ftl", kustomization)));
		return all;
	}

	/** The manifests, with the namespace of {@code config.byron} replaced when {@code namespace} is given. */
	public List<Artifact> generate(GenerationInput input, String namespace) {
		return generate(input, namespace, Map.of());
	}

	/**
	 * The manifests for a deploy: {@code images} gives the image built for each component (and
	 * {@code gateway}); where it has none, the image named by {@code config.byron} is used.
	 */
	public List<Artifact> generate(GenerationInput input, String namespace, Map<String, String> images) {
		DeploymentSettings settings = DeploymentSettings.from(input.model());
		if (namespace != null) {
			settings = settings.withNamespace(namespace);
		}
		Map<String, String> descriptors = new LinkedHashMap<>();
		input.descriptors().forEach(d -> descriptors.put(d.name(), Descriptors.toJson(d)));
		String modelVersion = hash(settings.toString() + descriptors);
		Map<String, Object> common = new LinkedHashMap<>();
		common.put("s", settings);
		common.put("modelVersion", modelVersion);
		common.put("componentPort", GatewayConfigGenerator.COMPONENT_PORT);

		List<Artifact> artifacts = new ArrayList<>();
		artifacts.add(new Artifact(FOLDER + "00-namespace.yaml", Templates.render("kubernetes/namespace.yaml.ftl", common)));
		Map<String, Object> broker = new LinkedHashMap<>(common);
		dev.byron.runtime.broker.Names names = new dev.byron.runtime.broker.Names(settings.system());
		DeploymentSettings.Secrets secrets = settings.secrets();
		broker.put("natsUsers", input.descriptors().stream().map(d -> dev.byron.runtime.broker.NatsPermissions.of(names, d)
				.toConf("$" + secrets.natsPasswordVariable(d.name()))).toList());
		broker.put("components", input.descriptors().stream().map(ComponentDescriptor::name).toList());
		artifacts.add(new Artifact(FOLDER + "10-nats.yaml", Templates.render("kubernetes/nats.yaml.ftl", broker)));
		Map<String, Object> network = new LinkedHashMap<>(common);
		network.put("components", input.descriptors().stream().map(ComponentDescriptor::name).toList());
		artifacts.add(new Artifact(FOLDER + "15-network.yaml", Templates.render("kubernetes/network.yaml.ftl", network)));
		int index = 20;
		for (ComponentDescriptor descriptor : input.descriptors()) {
			Map<String, Object> model = new LinkedHashMap<>(common);
			DeploymentSettings.ComponentSettings component = settings.components().get(descriptor.name());
			model.put("name", descriptor.name());
			model.put("c", component);
			String image = componentImage(settings, images, descriptor);
			model.put("image", image);
			model.put("descriptor", descriptors.get(descriptor.name()));
			model.put("componentVersion", hash(descriptors.get(descriptor.name()) + component + image + settings.secrets()));
			artifacts.add(new Artifact(FOLDER + (index++) + "-" + descriptor.name() + ".yaml",
					Templates.render("kubernetes/component.yaml.ftl", model)));
		}
		Map<String, Object> gateway = new LinkedHashMap<>(common);
		String gatewayJson = gatewayJson(input);
		gateway.put("gatewayJson", gatewayJson);
		gateway.put("descriptors", descriptors);
		String gatewayImage = gatewayImage(settings, images, gatewayJson);
		gateway.put("image", gatewayImage);
		gateway.put("componentVersion", hash(gatewayJson + descriptors + settings.gateway() + gatewayImage));
		artifacts.add(new Artifact(FOLDER + "90-gateway.yaml", Templates.render("kubernetes/gateway.yaml.ftl", gateway)));
		return artifacts;
	}

	/** The image a component runs: the one built for it, else the one config.byron names, tagged by its descriptor. */
	private static String componentImage(DeploymentSettings settings, Map<String, String> built, ComponentDescriptor descriptor) {
		return built.getOrDefault(descriptor.name(), settings.image(descriptor.name(), hash(Descriptors.toJson(descriptor))));
	}

	private static String gatewayImage(DeploymentSettings settings, Map<String, String> built, String gatewayJson) {
		return built.getOrDefault("gateway", settings.image("gateway", hash(gatewayJson)));
	}

	private static String gatewayJson(GenerationInput input) {
		return input.descriptors().isEmpty() ? "" : new GatewayConfigGenerator().generate(input).get(0).content();
	}

	static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
