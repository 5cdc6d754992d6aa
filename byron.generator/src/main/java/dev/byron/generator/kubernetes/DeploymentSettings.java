package dev.byron.generator.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.ConfigBlock;
import dev.byron.dsl.api.model.ConfigBlock.Section;

/**
 * The {@code deployment} block of {@code config.byron} resolved into what the manifests need, with
 * Byron's defaults where the model says nothing, and which secrets {@code credentials.byron} provides
 * (their names only: values are read at deploy time and never written into a file). {@code otlpEndpoint}, when set,
 * is where every service sends its traces.
 */
public record DeploymentSettings(String system, String namespace, String registry, String imageTag, Workload gateway,
		int gatewayPort, Ingress ingress, Nats nats, Map<String, ComponentSettings> components, Secrets secrets,
		String otlpEndpoint) {

	public static final String DEFAULT_CPU = "250m";
	public static final String DEFAULT_MEMORY = "256Mi";
	public static final String NATS_IMAGE = "nats:2.10.22-alpine";
	public static final String MONGO_IMAGE = "mongo:7.0.14";

	/** Replicas, resources and autoscaling of one Deployment. */
	public record Workload(int replicas, String cpu, String memory, int minReplicas, int maxReplicas, int cpuPercent) {
		/** The CPU a container may burst to: twice what it requests ({@code 250m} -> {@code 500m}, {@code 1} -> {@code 2}). */
		public String cpuLimit() {
			long millis = cpu.endsWith("m") ? Long.parseLong(cpu.substring(0, cpu.length() - 1))
					: Math.round(Double.parseDouble(cpu) * 1000);
			return (2 * millis) + "m";
		}

		/** An autoscaler only where it has room to scale. */
		public boolean autoscales() {
			return minReplicas < maxReplicas;
		}
	}

	public record Ingress(String host, boolean tls, String className) {
	}

	public record Nats(int replicas, String storage, String image) {
	}

	/** {@code mongoStorage} is null where the component's MongoDB is external (a URI in credentials). */
	public record ComponentSettings(Workload api, Workload sink, boolean readYourWrites, String mongoStorage,
			String mongoImage, String mongoSecretKey) {
		public boolean externalMongo() {
			return mongoStorage == null;
		}
	}

	/** Which keys the credentials Secret has; the manifests refer to it by name. */
	public record Secrets(String name, boolean natsAuth, boolean registry, boolean jwt) {
		public String pullSecret() {
			return name.replace("-credentials", "-registry");
		}

		/** The key of the gateway's signing key for components; {@code byron deploy} makes it once and keeps it. */
		public String callerKey() {
			return "caller-key";
		}

		/** The key of the password of a component's own MongoDB; {@code byron deploy} makes it once and keeps it. */
		public String mongoPassword(String component) {
			return "mongo-password-" + component;
		}

		/** The key of a component's NATS password; {@code byron deploy} makes it once and keeps it. */
		public String natsPassword(String component) {
			return "nats-password-" + component;
		}

		/** The environment variable the NATS pods read a component's password from (nats.conf names it). */
		public String natsPasswordVariable(String component) {
			return "NATS_PASSWORD_" + component.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
		}

		/** The keys {@code byron deploy} generates (random, kept across deploys) rather than reads from credentials.byron. */
		public java.util.List<String> generatedKeys(java.util.Collection<String> components,
				java.util.Collection<String> componentsWithOwnMongo) {
			java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of(callerKey()));
			components.forEach(component -> keys.add(natsPassword(component)));
			componentsWithOwnMongo.forEach(component -> keys.add(mongoPassword(component)));
			return keys;
		}
	}

	public static DeploymentSettings from(ByronModel model) {
		String system = model.system() == null ? "app" : model.system();
		ConfigBlock deployment = model.deployment() == null ? ConfigBlock.EMPTY : model.deployment();
		ConfigBlock credentials = model.credentials() == null ? ConfigBlock.EMPTY : model.credentials();
		String cpu = string(deployment, "cpu", DEFAULT_CPU);
		String memory = string(deployment, "memory", DEFAULT_MEMORY);
		int replicas = integer(deployment, "replicas", 1);
		boolean readYourWrites = bool(deployment, "readYourWrites", true);
		ConfigBlock defaultAutoscale = section(deployment, "autoscale", null).orElse(ConfigBlock.EMPTY);
		ConfigBlock mongo = section(deployment, "mongo", null).orElse(ConfigBlock.EMPTY);

		ConfigBlock gatewayBlock = section(deployment, "gateway", null).orElse(ConfigBlock.EMPTY);
		Workload gateway = workload(gatewayBlock, integer(gatewayBlock, "replicas", replicas), cpu, memory, defaultAutoscale);
		ConfigBlock ingressBlock = section(deployment, "ingress", null).orElse(null);
		Ingress ingress = ingressBlock == null ? null
				: new Ingress(string(ingressBlock, "host", null), bool(ingressBlock, "tls", false),
						string(ingressBlock, "className", null));
		ConfigBlock natsBlock = section(deployment, "nats", null).orElse(ConfigBlock.EMPTY);
		Nats nats = new Nats(integer(natsBlock, "replicas", 1), string(natsBlock, "storage", "1Gi"),
				string(natsBlock, "image", NATS_IMAGE));

		boolean sharedExternalMongo = section(credentials, "mongo", null).filter(b -> b.values().containsKey("uri")).isPresent();
		Map<String, ComponentSettings> components = new LinkedHashMap<>();
		for (ComponentDef component : model.components()) {
			ConfigBlock own = section(deployment, "component", component.name()).orElse(ConfigBlock.EMPTY);
			ConfigBlock autoscale = section(own, "autoscale", null).orElse(defaultAutoscale);
			int componentReplicas = integer(own, "replicas", replicas);
			String componentCpu = string(own, "cpu", cpu);
			String componentMemory = string(own, "memory", memory);
			Workload api = workload(own, componentReplicas, componentCpu, componentMemory, autoscale);
			Workload sink = new Workload(1, componentCpu, componentMemory, 1, 1, 0);
			ConfigBlock ownMongo = section(own, "mongo", null).orElse(mongo);
			boolean external = section(credentials, "mongo", component.name()).isPresent();
			String secretKey = external ? "mongo-uri-" + component.name() : sharedExternalMongo ? "mongo-uri" : null;
			components.put(component.name(), new ComponentSettings(api, sink, bool(own, "readYourWrites", readYourWrites),
					secretKey == null ? string(ownMongo, "storage", "1Gi") : null, string(ownMongo, "image", MONGO_IMAGE),
					secretKey));
		}
		Secrets secrets = new Secrets(system + "-credentials", section(credentials, "nats", null).isPresent(),
				section(credentials, "registry", null).isPresent(), section(credentials, "jwt", null).isPresent());
		return new DeploymentSettings(system, string(deployment, "namespace", system), string(deployment, "registry", null),
				string(deployment, "imageTag", null), gateway, integer(gatewayBlock, "port", 4000), ingress, nats,
				components, secrets, string(deployment, "otlpEndpoint", null));
	}

	public DeploymentSettings withNamespace(String otherNamespace) {
		return new DeploymentSettings(system, otherNamespace, registry, imageTag, gateway, gatewayPort, ingress, nats,
				components, secrets, otlpEndpoint);
	}

	/**
	 * The image of a component (or of the gateway, with name {@code gateway}): tagged {@code imageTag} of
	 * config.byron, or else {@code version} (a digest of what the component is made of); never {@code latest}.
	 */
	public String image(String name, String version) {
		return repository(name) + ":" + (imageTag == null ? version : imageTag);
	}

	/** The image's name without a tag: {@code registry/system-name}. */
	public String repository(String name) {
		String repository = system + "-" + name;
		return registry == null ? repository : registry + "/" + repository;
	}

	private static Workload workload(ConfigBlock block, int replicas, String cpu, String memory, ConfigBlock autoscale) {
		String ownCpu = string(block, "cpu", cpu);
		String ownMemory = string(block, "memory", memory);
		int min = integer(autoscale, "min", replicas);
		int max = Math.max(min, integer(autoscale, "max", Math.max(replicas, min)));
		return new Workload(Math.max(replicas, min), ownCpu, ownMemory, min, max, integer(autoscale, "cpuPercent", 70));
	}

	static Optional<ConfigBlock> section(ConfigBlock block, String name, String component) {
		List<Section> sections = block.sections();
		return sections.stream().filter(s -> s.name().equals(name)
				&& (component == null ? s.component() == null : component.equals(s.component()))).map(Section::block)
				.findFirst();
	}

	private static String string(ConfigBlock block, String key, String fallback) {
		Object value = block.values().get(key);
		return value instanceof String text ? text : fallback;
	}

	private static int integer(ConfigBlock block, String key, int fallback) {
		Object value = block.values().get(key);
		return value instanceof Number number ? number.intValue() : fallback;
	}

	private static boolean bool(ConfigBlock block, String key, boolean fallback) {
		Object value = block.values().get(key);
		return value instanceof Boolean flag ? flag : fallback;
	}
}
