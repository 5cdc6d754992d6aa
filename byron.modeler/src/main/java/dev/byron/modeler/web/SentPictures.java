package dev.byron.modeler.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.diagram.SvgWriter;

/**
 * The pictures lately sent to the pages, each as its elements. A page names the picture it shows, and is sent the
 * next one as the elements it lacks and the numbers of those it has: at 100 components an edit changes a few of some
 * 400 elements, and the page then reads a few kilobytes instead of a third of a megabyte and parses only what is new.
 */
final class SentPictures {
	private static final int KEPT = 16; // a few pages, each a picture or two behind

	/** A picture: its name (a digest of its text), its opening tag, and its elements, each a line of its text. */
	private record Picture(String name, String opening, List<String> parts) {
	}

	private final Map<String, Picture> sent = new LinkedHashMap<>(KEPT, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Picture> eldest) {
			return size() > KEPT;
		}
	};

	/**
	 * Puts {@code svg} into a page's answer: {@code picture} names it; when the page shows {@code shown}, one sent lately,
	 * {@code svg} is null, {@code base} is {@code shown}, {@code opening} the picture's opening tag and {@code parts}
	 * its elements in order, each the number of one of {@code shown}'s elements or the text of a new one.
	 * Otherwise {@code svg} is the whole picture.
	 */
	void answer(String svg, String shown, Map<String, Object> answer) {
		Picture picture = new Picture(name(svg), SvgWriter.opening(svg), SvgWriter.parts(svg));
		Picture base;
		synchronized (sent) {
			base = shown == null ? null : sent.get(shown);
			sent.put(picture.name(), picture);
		}
		answer.put("picture", picture.name());
		if (base == null) {
			answer.put("svg", svg);
			return;
		}
		answer.put("svg", null);
		answer.put("base", base.name());
		answer.put("opening", picture.opening());
		answer.put("parts", parts(picture.parts(), base.parts()));
	}

	/** Each part as the number of an equal part of {@code base} (each of those used once), else as its text. */
	static List<Object> parts(List<String> parts, List<String> base) {
		Map<String, ArrayDeque<Integer>> where = new HashMap<>();
		for (int i = 0; i < base.size(); i++) {
			where.computeIfAbsent(base.get(i), text -> new ArrayDeque<>()).add(i);
		}
		List<Object> answer = new ArrayList<>(parts.size());
		for (String part : parts) {
			ArrayDeque<Integer> found = where.get(part);
			answer.add(found == null || found.isEmpty() ? part : found.poll());
		}
		return answer;
	}

	private static String name(String svg) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(svg.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("The JDK has no SHA-256", e);
		}
	}
}
