package dev.byron.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GatewaySignatureTest {
	private static final String KEY = GatewaySignature.newKey();
	private static final Caller ADA = new Caller("user-ada", Set.of("member"), Map.of("tenant", "t1"));

	@Test
	void aSignedCallerArrivesWithItsSubjectRolesAndClaims() throws Exception {
		GatewaySignature signature = GatewaySignature.withKey(KEY);
		assertThat(signature.verify(signature.sign(ADA, "posts"), "posts")).isEqualTo(ADA);
		assertThat(signature.verify(signature.sign(Caller.ANONYMOUS, "posts"), "posts")).isEqualTo(Caller.ANONYMOUS);
	}

	@Test
	void aSignatureOlderThanItsLifetimeAndTheClockSkewIsRefused() {
		Instant signedAt = Instant.parse("2026-11-29T12:00:00Z");
		String header = GatewaySignature.withKey(KEY, Clock.fixed(signedAt, ZoneOffset.UTC)).sign(ADA, "posts");
		GatewaySignature later = GatewaySignature.withKey(KEY, Clock.fixed(signedAt.plusSeconds(120), ZoneOffset.UTC));
		assertThatThrownBy(() -> later.verify(header, "posts")).isInstanceOf(GatewaySignature.Refused.class).hasMessageContaining("expired");
	}

	@Test
	void aSignatureWithItsAlgorithmChangedToNoneIsRefused() {
		String[] parts = GatewaySignature.withKey(KEY).sign(ADA, "posts").split("\\.");
		String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
		assertThatThrownBy(() -> GatewaySignature.withKey(KEY).verify(none, "posts")).isInstanceOf(GatewaySignature.Refused.class);
	}

	@Test
	void aKeyShorterThan32BytesIsRefusedWithHowToMakeOne() {
		assertThatThrownBy(() -> GatewaySignature.withKey("short")).hasMessageContaining("at least 32 bytes")
				.hasMessageContaining("openssl rand");
	}
}
