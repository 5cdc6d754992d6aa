package dev.byron.runtime.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.broker.FollowUps;
import dev.byron.runtime.event.EventCodec;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;

/**
 * A component's dead-letter stream: events its Sink could not handle after all tries, with the reason.
 * They can be listed, replayed through the Sink's handler (and removed when that succeeds), or dropped.
 */
public final class DeadLetters {
	public static final String ERROR = "Byron-Error";
	public static final String SOURCE_STREAM = "Byron-Source-Stream";
	public static final String SOURCE_SEQUENCE = "Byron-Source-Sequence";
	public static final String SOURCE_SUBJECT = "Byron-Source-Subject";

	/** One dead letter: where it came from, why it failed, and the original bytes. */
	public record DeadLetter(long sequence, String sourceStream, long sourceSequence, String sourceSubject, String error,
			Instant time, byte[] data) {
		public String text() {
			return new String(data, StandardCharsets.UTF_8);
		}
	}

	private final Broker broker;
	private final String component;
	private final EventHandler handler;

	public DeadLetters(Broker broker, String component, EventHandler handler) {
		this.broker = broker;
		this.component = component;
		this.handler = handler;
		broker.ensureDeadLetterStream(component);
	}

	void add(Message message, String source, String error) {
		Headers headers = new Headers().put(ERROR, truncate(error)).put(SOURCE_STREAM, broker.names().stream(source))
				.put(SOURCE_SEQUENCE, String.valueOf(message.metaData().streamSequence()))
				.put(SOURCE_SUBJECT, message.getSubject());
		FollowUps.copy(message.getHeaders(), headers);
		try {
			broker.jetStream().publish(broker.names().deadLetterSubject(component, source), headers, message.getData());
		} catch (IOException | JetStreamApiException e) {
			throw ByronException.unavailable("cannot write to the dead-letter stream: " + e.getMessage(), e);
		}
	}

	/** How many events wait in the dead-letter stream. */
	public long count() {
		try {
			return broker.management().getStreamInfo(broker.names().deadLetterStream(component)).getStreamState().getMsgCount();
		} catch (IOException | JetStreamApiException e) {
			throw ByronException.unavailable("cannot read the dead-letter stream: " + e.getMessage(), e);
		}
	}

	public List<DeadLetter> list() {
		String stream = broker.names().deadLetterStream(component);
		List<DeadLetter> letters = new ArrayList<>();
		try {
			StreamInfo info = broker.management().getStreamInfo(stream);
			long first = info.getStreamState().getFirstSequence();
			long last = info.getStreamState().getLastSequence();
			for (long seq = first; seq <= last && info.getStreamState().getMsgCount() > 0; seq++) {
				try {
					letters.add(toLetter(broker.management().getMessage(stream, seq)));
				} catch (JetStreamApiException e) {
					// deleted in between (replayed or dropped)
				}
			}
		} catch (IOException | JetStreamApiException e) {
			throw ByronException.unavailable("cannot read the dead-letter stream: " + e.getMessage(), e);
		}
		return letters;
	}

	/** Handles a dead letter again; on success it leaves the dead-letter stream. */
	public void replay(long sequence) throws Exception {
		String stream = broker.names().deadLetterStream(component);
		MessageInfo stored = broker.management().getMessage(stream, sequence);
		DeadLetter letter = toLetter(stored);
		handler.handle(EventCodec.decode(letter.data()),
				new Delivery(letter.sourceSequence(), FollowUps.read(stored.getHeaders()), letter.time(), false));
		broker.management().deleteMessage(stream, sequence);
	}

	public void drop(long sequence) throws IOException, JetStreamApiException {
		broker.management().deleteMessage(broker.names().deadLetterStream(component), sequence);
	}

	private static DeadLetter toLetter(MessageInfo info) {
		Headers headers = info.getHeaders();
		return new DeadLetter(info.getSeq(), headers.getFirst(SOURCE_STREAM), Long.parseLong(headers.getFirst(SOURCE_SEQUENCE)),
				headers.getFirst(SOURCE_SUBJECT), headers.getFirst(ERROR), info.getTime().toInstant(), info.getData());
	}

	/** One line of printable ASCII (what a NATS header takes; garbage bytes quoted in a reason would be refused), at most 1,000 characters. */
	static String truncate(String error) {
		String oneLine = String.valueOf(error).replaceAll("[\\r\\n]+", " ").replaceAll("[^\\x20-\\x7e]", "?");
		return oneLine.length() > 1000 ? oneLine.substring(0, 1000) : oneLine;
	}
}
