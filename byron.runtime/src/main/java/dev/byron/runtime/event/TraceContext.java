package dev.byron.runtime.event;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C Trace Context: continues a valid incoming {@code traceparent}, or starts a new trace. */
public final class TraceContext {
	private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
	private static final SecureRandom RANDOM = new SecureRandom();

	private TraceContext() {
	}

	/** A child span of {@code incoming} in the same trace, or the root of a new trace. */
	public static String childOf(String incoming) {
		String traceId = incoming != null && TRACEPARENT.matcher(incoming).matches() ? incoming.substring(3, 35) : hex(16);
		return "00-" + traceId + "-" + hex(8) + "-01";
	}

	public static String traceId(String traceparent) {
		return traceparent == null || traceparent.length() < 35 ? null : traceparent.substring(3, 35);
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}
}
