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
	void aSignatureVerifiedOnceIsStillRefusedOnceItExpires() throws Exception {
		Instant[] now = { Instant.parse("2026-11-29T12:00:00Z") };
		Clock moving = new Clock() {
			@Override
			public Instant instant() {
				return now[0];
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		GatewaySignature signature = GatewaySignature.withKey(KEY, moving);
		String header = signature.sign(ADA, "posts");
		assertThat(signature.verify(header, "posts")).isEqualTo(ADA);
		assertThat(signature.sign(ADA, "posts")).as("reused while young").isEqualTo(header);
		assertThatThrownBy(() -> signature.verify(header, "accounts")).hasMessageContaining("another component");
		now[0] = now[0].plusSeconds(20);
		assertThat(signature.sign(ADA, "posts")).as("made anew after a quarter of its lifetime").isNotEqualTo(header);
		now[0] = now[0].plusSeconds(100);
		assertThatThrownBy(() -> signature.verify(header, "posts")).isInstanceOf(GatewaySignature.Refused.class)
				.hasMessageContaining("expired");
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
