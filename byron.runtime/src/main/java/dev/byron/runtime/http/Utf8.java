package dev.byron.runtime.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Text as clients must send it: well-formed UTF-8 (no overlong forms, no encoded surrogates, which lenient decoders
 * turn into other characters, the classic way past a filter) and no half characters in JSON escapes.
 */
final class Utf8 {
	private Utf8() {
	}

	/** The text the bytes encode, or null when they are not well-formed UTF-8. */
	static String strict(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			return null;
		}
	}

	/** Whether a parsed JSON value holds a string with an unpaired surrogate (from a {@code \\ud800} escape). */
	static boolean hasLoneSurrogate(Object value) {
		if (value instanceof String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
						return true;
					}
					i++;
				} else if (Character.isLowSurrogate(c)) {
					return true;
				}
			}
			return false;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (hasLoneSurrogate(entry.getKey()) || hasLoneSurrogate(entry.getValue())) {
					return true;
				}
			}
			return false;
		}
		if (value instanceof Iterable<?> list) {
			for (Object item : list) {
				if (hasLoneSurrogate(item)) {
					return true;
				}
			}
		}
		return false;
	}
}
