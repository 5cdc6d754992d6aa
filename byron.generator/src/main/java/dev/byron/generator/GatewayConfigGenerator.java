package dev.byron.generator;

import java.util.List;

import dev.byron.runtime.gateway.GatewayConfig;

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
		return List.of(new Artifact("gateway.json", new GatewayConfig(system, GATEWAY_PORT, entries).toJson()));
	}
}
