package dev.byron.runtime.broker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.EventCodec;
import io.nats.client.impl.Headers;

/**
 * The events a command's before hooks decided on, carried in the headers of the command's own append (a
 * transactional outbox inside one message): they commit with the command or not at all, and the component's
 * Sink appends them to their subjects ({@link Broker#publishFollowUp}). One header value per event, the
 * CloudEvent's JSON in base64url, as header values are text without line breaks.
 */
public final class FollowUps {
	static final String HEADER = "Byron-Follow-Up";

	private FollowUps() {
	}

	static void write(Headers headers, List<Event> events) {
		for (Event event : events) {
			headers.add(HEADER, Base64.getUrlEncoder().withoutPadding().encodeToString(EventCodec.encode(event)));
		}
	}

	/** Keeps a message's follow-ups with it when it moves (to the dead letters). */
	public static void copy(Headers from, Headers to) {
		if (from != null && from.get(HEADER) != null) {
			to.put(HEADER, from.get(HEADER));
		}
	}

	/** The follow-up events a stored message carries; none for a message without them. */
	public static List<Event> read(Headers headers) {
		if (headers == null || headers.get(HEADER) == null) {
			return List.of();
		}
		List<Event> events = new ArrayList<>();
		for (String value : headers.get(HEADER)) {
			events.add(EventCodec.decode(Base64.getUrlDecoder().decode(value.getBytes(StandardCharsets.US_ASCII))));
		}
		return events;
	}
}
