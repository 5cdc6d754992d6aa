package dev.byron.runtime.api;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The gateway's signature on the caller it passes to a component in {@value Caller#HEADER}: an HS256 JWT with the
 * caller's subject, roles and claims, addressed to that one component and valid for {@link #LIFETIME}. Components
 * answer only requests that carry it, so a client that reaches a component's port directly is refused, and a caller
 * cannot be forged there. The key is the run's own ({@code byron run}) or the credentials Secret's
 * ({@value #ENVIRONMENT} on Kubernetes).
 */
public final class GatewaySignature {
	public static final String ENVIRONMENT = "BYRON_CALLER_KEY";
	public static final Duration LIFETIME = Duration.ofSeconds(60);
	/** How far the clocks of the gateway's and a component's machines may disagree. */
	private static final Duration SKEW = Duration.ofSeconds(30);
	private static final int MIN_KEY_BYTES = 32;

	/** A component refusing a request: the signature is missing, forged, expired or for another component. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}
	}

	/** A signature is used again for a quarter of its lifetime: clients repeat the same caller many times a second. */
	private static final Duration REUSE = LIFETIME.dividedBy(4);

	private record Signed(String header, java.time.Instant until) {
	}

	private record Verified(Caller caller, String component, java.time.Instant expires) {
	}

	private final MACSigner signer;
	private final MACVerifier verifier;
	private final Clock clock;
	private final dev.byron.runtime.memo.BoundedCache<java.util.List<Object>, Signed> signed = new dev.byron.runtime.memo.BoundedCache<>(4096);
	private final dev.byron.runtime.memo.BoundedCache<String, Verified> verified = new dev.byron.runtime.memo.BoundedCache<>(4096);

	private GatewaySignature(byte[] key, Clock clock) {
		try {
			this.signer = new MACSigner(key);
			this.verifier = new MACVerifier(key);
		} catch (JOSEException e) {
			throw new IllegalArgumentException("The caller key cannot sign: " + e.getMessage(), e);
		}
		this.clock = clock;
	}

	/** With {@code key} as the text of {@value #ENVIRONMENT}, at least 32 bytes. */
	public static GatewaySignature withKey(String key) {
		return withKey(key, Clock.systemUTC());
	}

	static GatewaySignature withKey(String key, Clock clock) {
		byte[] bytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException(ENVIRONMENT + " must be at least " + MIN_KEY_BYTES
					+ " bytes long; `byron deploy` puts one in the credentials Secret, or generate one with: openssl rand -base64 48");
		}
		return new GatewaySignature(bytes, clock);
	}

	/** A new random key (256 bits, base64url). */
	public static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/** The header value that passes {@code caller} on to {@code component}. */
	public String sign(Caller caller, String component) {
		java.util.List<Object> key = java.util.List.of(caller, component);
		Signed reused = signed.get(key);
		if (reused != null && clock.instant().isBefore(reused.until())) {
			return reused.header();
		}
		String header = signNow(caller, component);
		signed.put(key, new Signed(header, clock.instant().plus(REUSE)));
		return header;
	}

	private String signNow(Caller caller, String component) {
		Date now = Date.from(clock.instant());
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("byron-gateway").audience(component).issueTime(now)
				.expirationTime(Date.from(clock.instant().plus(LIFETIME))).claim("roles", new ArrayList<>(caller.roles()))
				.claim("claims", caller.claims());
		if (caller.authenticated()) {
			claims.subject(caller.subject());
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
		try {
			jwt.sign(signer);
		} catch (JOSEException e) {
			throw new IllegalStateException("The caller could not be signed: " + e.getMessage(), e);
		}
		return jwt.serialize();
	}

	/** The caller a request to {@code component} comes from, if the gateway signed it for this component lately. */
	@SuppressWarnings("unchecked")
	public Caller verify(String header, String component) throws Refused {
		if (header == null || header.isBlank()) {
			throw new Refused("Components answer the gateway only: send requests to the gateway's /graphql.");
		}
		Verified seen = verified.get(header);
		if (seen != null && seen.component().equals(component) && seen.expires().plus(SKEW).isAfter(clock.instant())) {
			return seen.caller(); // this very header verified before: its signature cannot have changed
		}
		return verifyNow(header, component);
	}

	@SuppressWarnings("unchecked")
	private Caller verifyNow(String header, String component) throws Refused {
		try {
			SignedJWT jwt = SignedJWT.parse(header.trim());
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
				throw new Refused("The gateway's signature on this request does not verify.");
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (claims.getAudience() == null || !claims.getAudience().contains(component)) {
				throw new Refused("This request was signed for another component.");
			}
			Date expires = claims.getExpirationTime();
			if (expires == null || expires.toInstant().plus(SKEW).isBefore(clock.instant())) {
				throw new Refused("The gateway's signature on this request has expired.");
			}
			List<String> roles = claims.getStringListClaim("roles");
			Map<String, Object> callerClaims = claims.getJSONObjectClaim("claims");
			String subject = claims.getSubject();
			Caller caller = subject == null ? Caller.ANONYMOUS
					: new Caller(subject, roles == null ? null : new java.util.TreeSet<>(roles), callerClaims);
			verified.put(header, new Verified(caller, component, expires.toInstant()));
			return caller;
		} catch (ParseException | JOSEException e) {
			throw new Refused("The gateway's signature on this request is malformed.");
		}
	}
}
