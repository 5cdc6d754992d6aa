package dev.byron.generator;

import java.util.List;

import dev.byron.runtime.gateway.GatewayConfig;
import dev.byron.runtime.gateway.QueryLimits;

/**
 * {@code gateway.json}: the components the gateway routes to, with their descriptors and the in-cluster
 * address of their API Services ({@code http://<component>-api:8080/graphql}); {@code BYRON_URL_<COMPONENT>}
 * overrides an address where the system runs elsewhere.
 */
public final class GatewayConfigGenerator implements ArtifactGenerator {
	public static final int GATEWAY_PORT = 4000;
	public static final int COMPONENT_PORT = 8080;

	@Override
	public List<Artifact> generate(GenerationInput input) {
		List<GatewayConfig.Entry> entries = input.descriptors().stream()
				.map(d -> new GatewayConfig.Entry(d.name(), "components/" + d.name() + "/descriptor.json",
						"http://" + d.name() + "-api:" + COMPONENT_PORT + "/graphql"))
				.toList();
		String system = input.model().system() == null ? "app" : input.model().system();
		return List.of(new Artifact("gateway.json", new GatewayConfig(system, GATEWAY_PORT, entries, limits(input)).toJson()));
	}

	/** {@code gateway { maxQueryLength, maxDepth, maxFields }} of config.byron, over the defaults. */
	public static QueryLimits limits(GenerationInput input) {
		var deployment = input.model().deployment();
		var gateway = deployment == null ? null
				: deployment.sections().stream().filter(s -> s.name().equals("gateway") && s.component() == null)
						.map(s -> s.block()).findFirst().orElse(null);
		if (gateway == null) {
			return QueryLimits.DEFAULT;
		}
		return new QueryLimits(integer(gateway.values().get("maxQueryLength"), QueryLimits.DEFAULT.maxCharacters()),
				integer(gateway.values().get("maxDepth"), QueryLimits.DEFAULT.maxDepth()),
				integer(gateway.values().get("maxFields"), QueryLimits.DEFAULT.maxFields()));
	}

	private static int integer(Object value, int fallback) {
		return value instanceof Number number ? number.intValue() : fallback;
	}
}
