package dev.byron.runtime.gateway.auth;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.ErrorCode;

/**
 * Verifies the bearer token of a request (Nimbus JOSE+JWT): its signature against the issuer's JWKS or the shared
 * secret, its issuer, audience, expiry and not-before (with a minute of clock skew), and that it names a subject.
 */
public final class TokenVerifier {
	private static final int MIN_SECRET_BYTES = 32;
	private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
			JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
	private static final Set<JWSAlgorithm> SECRET_ALGORITHMS = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384,
			JWSAlgorithm.HS512);

	private final AuthSettings settings;
	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
	/** The algorithms this system's keys can verify: the issuer's key types, or the HMACs the secret is long enough for. */
	private final Set<JWSAlgorithm> accepted;
	private final boolean remoteKeys;

	/**
	 * @param sharedSecret the secret of credentials.byron ({@code BYRON_JWT_SECRET}); used only without a JWKS URL
	 */
	public TokenVerifier(AuthSettings settings, String sharedSecret) {
		this.settings = settings;
		if (settings.jwksUrl() != null && !settings.jwksUrl().isBlank()) {
			JWKSource<SecurityContext> keys;
			try {
				keys = JWKSourceBuilder.create(URI.create(settings.jwksUrl()).toURL()).retrying(true).build();
			} catch (MalformedURLException | IllegalArgumentException e) {
				throw new IllegalArgumentException("gateway auth: jwksUrl '" + settings.jwksUrl() + "' is not a URL", e);
			}
			processor.setJWSKeySelector(new JWSVerificationKeySelector<>(PUBLIC_KEY_ALGORITHMS, keys));
			accepted = PUBLIC_KEY_ALGORITHMS;
			remoteKeys = true;
		} else if (sharedSecret != null && !sharedSecret.isEmpty()) {
			byte[] secret = sharedSecret.getBytes(StandardCharsets.UTF_8);
			if (secret.length < MIN_SECRET_BYTES) {
				throw new IllegalArgumentException("gateway auth: the JWT secret must be at least " + MIN_SECRET_BYTES
						+ " bytes (256 bits) long for HS256; generate one with: openssl rand -base64 48");
			}
			// an HMAC needs a secret at least as long as its hash: HS384 48 bytes, HS512 64
			accepted = SECRET_ALGORITHMS.stream().filter(a -> secret.length * 8 >= Integer.parseInt(a.getName().substring(2)))
					.collect(java.util.stream.Collectors.toUnmodifiableSet());
			remoteKeys = false;
			processor.setJWSKeySelector(new JWSVerificationKeySelector<>(accepted, new ImmutableSecret<>(secret)));
		} else {
			throw new IllegalArgumentException("gateway auth needs the issuer's keys: set jwksUrl in config.byron"
					+ " (gateway { auth { jwksUrl: \"https://...\" } }) or a shared secret in credentials.byron"
					+ " (jwt { secret: env(\"JWT_SECRET\") }), which the gateway reads from BYRON_JWT_SECRET");
		}
		JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(settings.issuer()).build();
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
				settings.audience() == null || settings.audience().isBlank() ? null : Set.of(settings.audience()), exact,
				Set.of("sub", "exp"), null));
	}

	public AuthSettings settings() {
		return settings;
	}

	/** The caller an {@code Authorization} header proves, or why it proves none. */
	public Caller verify(String authorization) throws AuthenticationFailed {
		if (authorization == null || authorization.isBlank()) {
			throw new AuthenticationFailed("This system needs a token: send 'Authorization: Bearer <JWT>' with a token"
					+ " issued by " + settings.issuer() + ".");
		}
		String[] scheme = authorization.trim().split("\\s+", 2);
		if (scheme.length != 2 || !scheme[0].equalsIgnoreCase("Bearer")) {
			throw new AuthenticationFailed("Send the token as 'Authorization: Bearer <JWT>'.");
		}
		JWTClaimsSet claims;
		try {
			com.nimbusds.jwt.SignedJWT parsed = com.nimbusds.jwt.SignedJWT.parse(scheme[1]);
			Object rawSubject = parsed.getPayload().toJSONObject() == null ? null : parsed.getPayload().toJSONObject().get("sub");
			if (rawSubject != null && !(rawSubject instanceof String)) { // the parser would quietly turn 123 into "123"
				throw new AuthenticationFailed("The token names nobody: its subject (sub) must be a non-empty string.");
			}
			JWSAlgorithm algorithm = parsed.getHeader().getAlgorithm();
			if (!accepted.contains(algorithm)) {
				throw new AuthenticationFailed("The token is signed with " + algorithm.getName() + "; this system accepts "
						+ accepted.stream().map(JWSAlgorithm::getName).sorted().collect(java.util.stream.Collectors.joining(", "))
						+ (remoteKeys ? "." : " (an HMAC needs a secret at least as long as its hash: HS384 48 bytes, HS512 64)."));
			}
			claims = processor.process(scheme[1], null);
		} catch (ParseException e) {
			throw new AuthenticationFailed("The bearer token is not a JWT: send a signed JWT issued by " + settings.issuer() + ".");
		} catch (BadJOSEException e) {
			throw new AuthenticationFailed(explain(e.getMessage()));
		} catch (JOSEException e) {
			if (!remoteKeys) {
				throw new AuthenticationFailed("The token's signature cannot be checked with this system's secret.");
			}
			throw new AuthenticationFailed(ErrorCode.UNAVAILABLE,
					"The issuer's keys (" + settings.jwksUrl() + ") cannot be read now; retry later.");
		}
		if (!(claims.getClaim("sub") instanceof String subject) || subject.isBlank()) {
			throw new AuthenticationFailed("The token names nobody: its subject (sub) must be a non-empty string.");
		}
		Map<String, Object> all = claims.toJSONObject();
		return new Caller(claims.getSubject(), roles(all.get(settings.rolesClaim())), all);
	}

	private String explain(String reason) {
		String message = reason == null ? "" : reason;
		if (message.startsWith("Expired JWT")) {
			return "The token has expired: get a new one from " + settings.issuer() + ".";
		}
		if (message.startsWith("JWT before use time")) {
			return "The token is not valid yet (nbf is in the future).";
		}
		if (message.startsWith("JWT iss claim")) {
			return "The token was issued by someone else: this system accepts tokens of " + settings.issuer() + ".";
		}
		if (message.startsWith("JWT aud") || message.startsWith("JWT audience") || message.startsWith("JWT missing required audience")) {
			return "The token is not meant for this system: its audience must be " + settings.audience() + ".";
		}
		if (message.startsWith("JWT missing required claims")) {
			return "The token lacks a required claim (sub and exp are required).";
		}
		if (message.contains("Invalid signature") || message.contains("no matching key")) {
			return "The token's signature does not verify with the issuer's keys.";
		}
		return "The token was refused: " + message + ".";
	}

	static Set<String> roles(Object claim) {
		Set<String> roles = new LinkedHashSet<>();
		if (claim instanceof Collection<?> list) {
			list.forEach(role -> roles.add(String.valueOf(role)));
		} else if (claim instanceof String text) {
			roles.addAll(Arrays.asList(text.trim().split("\\s+")));
			roles.remove("");
		}
		return roles;
	}
}
