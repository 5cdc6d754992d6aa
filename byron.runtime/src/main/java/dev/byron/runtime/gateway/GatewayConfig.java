package dev.byron.runtime.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.byron.runtime.descriptor.Descriptors;
import dev.byron.runtime.gateway.auth.AuthSettings;

/**
 * What the gateway process serves: each component's descriptor (a path relative to this file) and the URL
 * of its GraphQL endpoint. The generator writes it; an environment variable
 * {@code BYRON_URL_<COMPONENT>} overrides a URL at start. {@code limits} bound what one request may ask;
 * {@code auth}, when set, makes every request need a token ({@code BYRON_JWT_SECRET} holds a shared secret);
 * {@code corsOrigins} lists the browser origins allowed; {@code timeoutSeconds} bounds each component call.
 */
public record GatewayConfig(String system, int port, List<Entry> components, QueryLimits limits, AuthSettings auth,
		List<String> corsOrigins, Integer timeoutSeconds) {
	public record Entry(String name, String descriptor, String url) {
	}

	/** A configuration written before limits existed reads with the default ones. */
	public GatewayConfig {
		limits = limits == null ? QueryLimits.DEFAULT : limits;
	}

	public GatewayConfig(String system, int port, List<Entry> components) {
		this(system, port, components, QueryLimits.DEFAULT, null, null, null);
	}

	/** The settings the gateway process runs with; the secret comes from its environment, never from this file. */
	public GatewaySettings settings(java.util.function.UnaryOperator<String> environment) {
		return new GatewaySettings(limits, auth, environment.apply("BYRON_JWT_SECRET"), corsOrigins,
				timeoutSeconds == null ? null : java.time.Duration.ofSeconds(timeoutSeconds),
				environment.apply(dev.byron.runtime.api.GatewaySignature.ENVIRONMENT), false);
	}

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

	public String toJson() {
		try {
			return JSON.writeValueAsString(this) + "\n";
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static GatewayConfig read(Path file) {
		try {
			return JSON.readValue(Files.readString(file), GatewayConfig.class);
		} catch (IOException e) {
			throw new IllegalArgumentException("Cannot read the gateway configuration " + file + ": " + e.getMessage(), e);
		}
	}

	/** The routes, with descriptors read from beside the configuration file. */
	public List<Route> routes(Path configFile, java.util.function.UnaryOperator<String> environment) {
		List<Route> routes = new ArrayList<>();
		for (Entry entry : components) {
			String override = environment.apply("BYRON_URL_" + entry.name().toUpperCase());
			routes.add(new Route(Descriptors.read(configFile.toAbsolutePath().getParent().resolve(entry.descriptor())),
					override == null ? entry.url() : override));
		}
		return routes;
	}
}
