package dev.byron.runtime.gateway;

import java.time.Duration;
import java.util.List;

import dev.byron.runtime.gateway.auth.AuthSettings;

/**
 * How the gateway treats requests: the size and shape {@code limits}; {@code auth} (null: no authentication) with the
 * shared secret it verifies tokens with when the issuer publishes no JWKS; the origins browsers may call it from
 * ({@code corsOrigins}, empty: same origin only); and how long it waits for a component ({@code timeout}).
 */
public record GatewaySettings(QueryLimits limits, AuthSettings auth, String jwtSecret, List<String> corsOrigins,
		Duration timeout) {
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
	public static final GatewaySettings DEFAULT = new GatewaySettings(QueryLimits.DEFAULT, null, null, List.of(), DEFAULT_TIMEOUT);

	public GatewaySettings {
		limits = limits == null ? QueryLimits.DEFAULT : limits;
		corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
		timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
	}

	public GatewaySettings(QueryLimits limits, AuthSettings auth, String jwtSecret) {
		this(limits, auth, jwtSecret, List.of(), DEFAULT_TIMEOUT);
	}

	@Override
	public String toString() {
		return "GatewaySettings[limits=" + limits + ", auth=" + auth + ", jwtSecret=" + (jwtSecret == null ? "none" : "(set)")
				+ ", corsOrigins=" + corsOrigins + ", timeout=" + timeout + "]";
	}
}
