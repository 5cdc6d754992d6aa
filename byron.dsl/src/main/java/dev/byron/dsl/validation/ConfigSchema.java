package dev.byron.dsl.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings {@code deployment} (config.byron) and {@code credentials} (credentials.byron) accept. */
public final class ConfigSchema {
	public enum Kind {
		STRING("a string in double quotes"), INT("a whole number, 0 or more"), BOOLEAN("true or false"),
		CPU("a Kubernetes CPU quantity in quotes, such as \"250m\" or \"1\""),
		MEMORY("a Kubernetes memory quantity in quotes, such as \"256Mi\" or \"1Gi\""),
		DNS_LABEL("a Kubernetes name in quotes: lower-case letters, digits and '-', at most 63 characters"),
		SECRET("a string or env(\"VARIABLE\")");

		private final String what;

		Kind(String what) {
			this.what = what;
		}

		/** What a value of this kind is, as the checks and completion say it. */
		public String what() {
			return what;
		}
	}

	/** A block of settings; {@code label} tells whether a section of this kind names a component. */
	public record Block(Map<String, Kind> settings, Map<String, Block> sections, Label label) {
	}

	public enum Label {
		NONE, OPTIONAL, REQUIRED
	}

	public static final Block DEPLOYMENT;
	public static final Block CREDENTIALS;

	static {
		Block autoscale = block(Label.NONE, Map.of(), "min", Kind.INT, "max", Kind.INT, "cpuPercent", Kind.INT);
		Block mongo = block(Label.NONE, Map.of(), "storage", Kind.MEMORY, "image", Kind.STRING);
		Block component = block(Label.REQUIRED, Map.of("autoscale", autoscale, "mongo", mongo), "replicas", Kind.INT,
				"cpu", Kind.CPU, "memory", Kind.MEMORY, "readYourWrites", Kind.BOOLEAN);
		Map<String, Block> sections = new LinkedHashMap<>();
		sections.put("ingress", block(Label.NONE, Map.of(), "host", Kind.STRING, "tls", Kind.BOOLEAN, "className", Kind.STRING));
		sections.put("autoscale", autoscale);
		sections.put("nats", block(Label.NONE, Map.of(), "replicas", Kind.INT, "storage", Kind.MEMORY, "image", Kind.STRING));
		sections.put("mongo", mongo);
		Block auth = block(Label.NONE, Map.of(), "issuer", Kind.STRING, "audience", Kind.STRING, "jwksUrl", Kind.STRING,
				"rolesClaim", Kind.STRING);
		sections.put("gateway", block(Label.NONE, Map.of("autoscale", autoscale, "auth", auth), "replicas", Kind.INT, "cpu", Kind.CPU,
				"memory", Kind.MEMORY, "port", Kind.INT, "maxQueryLength", Kind.INT, "maxDepth", Kind.INT, "maxFields", Kind.INT,
				"maxFragments", Kind.INT, "maxSpreadDepth", Kind.INT, "corsOrigins", Kind.STRING, "timeoutSeconds", Kind.INT));
		sections.put("component", component);
		DEPLOYMENT = block(Label.NONE, sections, "namespace", Kind.DNS_LABEL, "registry", Kind.STRING, "imageTag",
				Kind.STRING, "replicas", Kind.INT, "cpu", Kind.CPU, "memory", Kind.MEMORY, "readYourWrites", Kind.BOOLEAN,
				"otlpEndpoint", Kind.STRING);

		Map<String, Block> secrets = new LinkedHashMap<>();
		secrets.put("registry", block(Label.NONE, Map.of(), "server", Kind.STRING, "username", Kind.SECRET, "password", Kind.SECRET));
		secrets.put("nats", block(Label.NONE, Map.of(), "user", Kind.SECRET, "password", Kind.SECRET));
		secrets.put("mongo", block(Label.OPTIONAL, Map.of(), "uri", Kind.SECRET));
		secrets.put("jwt", block(Label.NONE, Map.of(), "secret", Kind.SECRET));
		CREDENTIALS = block(Label.NONE, secrets);
	}

	/**
	 * The block of settings a {@code deployment}, {@code credentials} or a section of them holds; empty for anything
	 * else, or inside a section the schema does not know.
	 */
	public static java.util.Optional<Block> of(org.eclipse.emf.ecore.EObject object) {
		if (object instanceof dev.byron.dsl.byron.Deployment) {
			return java.util.Optional.of(DEPLOYMENT);
		}
		if (object instanceof dev.byron.dsl.byron.Credentials) {
			return java.util.Optional.of(CREDENTIALS);
		}
		if (object instanceof dev.byron.dsl.byron.Section section) {
			return of(section.eContainer()).map(parent -> parent.sections().get(section.getName()));
		}
		return java.util.Optional.empty();
	}

	private static Block block(Label label, Map<String, Block> sections, Object... settings) {
		Map<String, Kind> map = new LinkedHashMap<>();
		for (int i = 0; i < settings.length; i += 2) {
			map.put((String) settings[i], (Kind) settings[i + 1]);
		}
		return new Block(map, sections, label);
	}

	private ConfigSchema() {
	}
}
