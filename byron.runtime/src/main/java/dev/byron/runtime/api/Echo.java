package dev.byron.runtime.api;

/** A value a client sent, as an answer repeats it: at most 64 characters, so that a huge input is not sent back whole. */
public final class Echo {
	static final int MAX = 64;

	private Echo() {
	}

	public static String of(Object value) {
		String text = String.valueOf(value);
		return text.length() <= MAX ? text : text.substring(0, MAX) + "… (" + text.length() + " characters)";
	}
}
