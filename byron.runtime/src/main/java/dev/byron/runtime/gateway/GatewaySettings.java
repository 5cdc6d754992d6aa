package dev.byron.runtime.gateway;

import java.time.Duration;
import java.util.List;

import dev.byron.runtime.gateway.auth.AuthSettings;

/**
 * How the gateway treats requests: the size and shape {@code limits}; {@code auth} (null: no authentication) with the
 * shared secret it verifies tokens with when the issuer publishes no JWKS; the origins browsers may call it from
 * ({@code corsOrigins}, empty: same origin only); how long it waits for a component ({@code timeout}); and the key it
 * signs the caller with for components ({@code callerKey}, {@link dev.byron.runtime.api.GatewaySignature}; null: sent
 * unsigned, for components that run without a key); {@code localHostsOnly}: the gateway of a local run, which answers
 * only requests addressed to localhost (a page on another site cannot reach it by rebinding its name to 127.0.0.1).
 */
public record GatewaySettings(QueryLimits limits, AuthSettings auth, String jwtSecret, List<String> corsOrigins,
		Duration timeout, String callerKey, boolean localHostsOnly) {
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
	public static final GatewaySettings DEFAULT = new GatewaySettings(QueryLimits.DEFAULT, null, null, List.of(), DEFAULT_TIMEOUT,
			null, false);

	public GatewaySettings {
		limits = limits == null ? QueryLimits.DEFAULT : limits;
		corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
		timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
	}

	public GatewaySettings(QueryLimits limits, AuthSettings auth, String jwtSecret) {
		this(limits, auth, jwtSecret, List.of(), DEFAULT_TIMEOUT, null, false);
	}

	public GatewaySettings(QueryLimits limits, AuthSettings auth, String jwtSecret, List<String> corsOrigins, Duration timeout,
			String callerKey) {
		this(limits, auth, jwtSecret, corsOrigins, timeout, callerKey, false);
	}

	public GatewaySettings withCallerKey(String key) {
		return new GatewaySettings(limits, auth, jwtSecret, corsOrigins, timeout, key, localHostsOnly);
	}

	public GatewaySettings withLocalHostsOnly() {
		return new GatewaySettings(limits, auth, jwtSecret, corsOrigins, timeout, callerKey, true);
	}

	@Override
	public String toString() {
		return "GatewaySettings[limits=" + limits + ", auth=" + auth + ", jwtSecret=" + (jwtSecret == null ? "none" : "(set)")
				+ ", corsOrigins=" + corsOrigins + ", timeout=" + timeout + ", callerKey=" + (callerKey == null ? "none" : "(set)") + "]";
	}
}
