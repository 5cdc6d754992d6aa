package dev.byron.runtime.gateway.auth;

/**
 * How the gateway authenticates requests ({@code gateway { auth { ... } }} in config.byron): tokens from
 * {@code issuer}, for {@code audience} when given, signed by a key of {@code jwksUrl} or, without one, by the
 * shared secret of credentials.byron ({@code jwt { secret }}, HS256, for local use). {@code rolesClaim} names the
 * claim holding the caller's roles: a list, or a space-separated string like {@code scope}.
 */
public record AuthSettings(String issuer, String audience, String jwksUrl, String rolesClaim) {
	public static final String DEFAULT_ROLES_CLAIM = "roles";

	public AuthSettings {
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("gateway auth needs the issuer its tokens come from");
		}
		rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? DEFAULT_ROLES_CLAIM : rolesClaim;
	}
}
