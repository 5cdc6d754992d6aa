package dev.byron.generator;

import java.util.List;

import dev.byron.runtime.gateway.GatewayConfig;
import dev.byron.dsl.api.model.ConfigBlock;
import dev.byron.runtime.gateway.QueryLimits;
import dev.byron.runtime.gateway.auth.AuthSettings;

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
		return List.of(new Artifact("gateway.json", new GatewayConfig(system, GATEWAY_PORT, entries, limits(input), auth(input),
				corsOrigins(input), timeoutSeconds(input)).toJson()));
	}

	/** {@code gateway { maxQueryLength, maxDepth, maxFields, maxFragments, maxSpreadDepth }} of config.byron, over the defaults. */
	public static QueryLimits limits(GenerationInput input) {
		var gateway = gatewayBlock(input);
		if (gateway == null) {
			return QueryLimits.DEFAULT;
		}
		return new QueryLimits(integer(gateway.values().get("maxQueryLength"), QueryLimits.DEFAULT.maxCharacters()),
				integer(gateway.values().get("maxDepth"), QueryLimits.DEFAULT.maxDepth()),
				integer(gateway.values().get("maxFields"), QueryLimits.DEFAULT.maxFields()),
				integer(gateway.values().get("maxFragments"), QueryLimits.DEFAULT.maxFragments()),
				integer(gateway.values().get("maxSpreadDepth"), QueryLimits.DEFAULT.maxSpreadDepth()));
	}

	/** {@code gateway { auth { issuer, audience, jwksUrl, rolesClaim } }} of config.byron; null without it. */
	public static AuthSettings auth(GenerationInput input) {
		var gateway = gatewayBlock(input);
		var auth = gateway == null ? null
				: gateway.sections().stream().filter(s -> s.name().equals("auth")).map(s -> s.block()).findFirst().orElse(null);
		if (auth == null) {
			return null;
		}
		return new AuthSettings(text(auth.values().get("issuer")), text(auth.values().get("audience")),
				text(auth.values().get("jwksUrl")), text(auth.values().get("rolesClaim")));
	}

	/** {@code gateway { corsOrigins: "https://a.example.com https://b.example.com" }}: the origins, or null for none. */
	public static List<String> corsOrigins(GenerationInput input) {
		var gateway = gatewayBlock(input);
		String origins = gateway == null ? null : text(gateway.values().get("corsOrigins"));
		return origins == null || origins.isBlank() ? null : List.of(origins.trim().split("[\\s,]+"));
	}

	/** {@code gateway { timeoutSeconds: 10 }}: how long the gateway waits for a component; null for the default. */
	public static Integer timeoutSeconds(GenerationInput input) {
		var gateway = gatewayBlock(input);
		return gateway != null && gateway.values().get("timeoutSeconds") instanceof Number n ? n.intValue() : null;
	}

	/** All of the gateway's settings; the JWT secret, which only credentials.byron holds, is the caller's to give. */
	public static dev.byron.runtime.gateway.GatewaySettings settings(GenerationInput input, String jwtSecret) {
		Integer timeout = timeoutSeconds(input);
		return new dev.byron.runtime.gateway.GatewaySettings(limits(input), auth(input), jwtSecret, corsOrigins(input),
				timeout == null ? null : java.time.Duration.ofSeconds(timeout), null);
	}

	private static ConfigBlock gatewayBlock(GenerationInput input) {
		var deployment = input.model().deployment();
		return deployment == null ? null
				: deployment.sections().stream().filter(s -> s.name().equals("gateway") && s.component() == null)
						.map(s -> s.block()).findFirst().orElse(null);
	}

	private static String text(Object value) {
		return value instanceof String text ? text : null;
	}

	private static int integer(Object value, int fallback) {
		return value instanceof Number number ? number.intValue() : fallback;
	}
}
