package dev.byron.runtime.api;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who sent a request: the token's subject, its roles and all its claims, as the gateway verified them.
 * The gateway passes it on to components in the {@value #HEADER} header; components are reached only through
 * the gateway (in-cluster Services), and the gateway never passes on a header a client sent.
 */
public record Caller(String subject, Set<String> roles, Map<String, Object> claims) {
	public static final String HEADER = "Byron-Caller";
	public static final Caller ANONYMOUS = new Caller(null, Set.of(), Map.of());

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	public Caller {
		roles = roles == null ? Set.of() : Set.copyOf(new TreeSet<>(roles));
		claims = claims == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	public boolean authenticated() {
		return subject != null;
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	/** The header value: the claims as base64url JSON (subject and roles are read from them again). */
	public String toHeader() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sub", subject);
		body.put("roles", roles);
		body.put("claims", claims);
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(body));
		} catch (IOException e) {
			throw new IllegalStateException("Claims that cannot be written as JSON: " + e.getMessage(), e);
		}
	}

	/** The caller a header names, or {@link #ANONYMOUS} for none or a malformed one. */
	@SuppressWarnings("unchecked")
	public static Caller fromHeader(String header) {
		if (header == null || header.isBlank()) {
			return ANONYMOUS;
		}
		try {
			Map<String, Object> body = JSON.readValue(Base64.getUrlDecoder().decode(header.trim()), MAP);
			Object roles = body.get("roles");
			Object claims = body.get("claims");
			return new Caller((String) body.get("sub"),
					roles instanceof Iterable<?> list ? toStrings(list) : Set.of(),
					claims instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
		} catch (IOException | IllegalArgumentException | ClassCastException e) {
			return ANONYMOUS;
		}
	}

	private static Set<String> toStrings(Iterable<?> values) {
		Set<String> strings = new TreeSet<>();
		values.forEach(v -> strings.add(String.valueOf(v)));
		return strings;
	}

	@Override
	public String toString() {
		return authenticated() ? "Caller[" + subject + ", roles=" + roles + "]" : "Caller[anonymous]";
	}

}
