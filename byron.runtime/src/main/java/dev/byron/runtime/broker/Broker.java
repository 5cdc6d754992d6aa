package dev.byron.runtime.broker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.EventCodec;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;

/**
 * The component's view of NATS JetStream: streams, appends with optimistic concurrency, the last event of
 * an entity, and key-value buckets.
 */
public final class Broker implements AutoCloseable {
	/** JetStream's "wrong last sequence": another append to the same subject came first. */
	public static final int WRONG_LAST_SEQUENCE = 10071;
	/** JetStream's "wrong last msg ID": the stream's last message is not the one the append was chained to. */
	private static final int WRONG_LAST_MESSAGE = 10070;
	private static final int NO_MESSAGE_FOUND = 10037;
	private static final int STREAM_NOT_FOUND = 10059;
	private static final int BUCKET_NOT_FOUND = 10059;

	private final Connection connection;
	private final JetStream jetStream;
	private final JetStreamManagement management;
	private final Names names;
	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Broker.class);
	private volatile int streamReplicas = 1;
	/** How long an append waits for a stream without a leader to get one: a cluster elects one in a few seconds. */
	public static final Duration LEADERLESS_WAIT = Duration.ofSeconds(5);
	private static final Duration PEERS_WAIT = Duration.ofSeconds(30);
	/** JetStream's "insufficient resources": no servers enough to place the copies asked for. */
	private static final int NO_SUITABLE_PEERS = 10005;
	/** "JetStream system temporarily unavailable": a server that has no leader for what was asked yet. */
	private static final int TEMPORARILY_UNAVAILABLE = 10008;

	public Broker(Connection connection, Names names) throws IOException {
		this.connection = connection;
		this.jetStream = connection.jetStream();
		this.management = connection.jetStreamManagement();
		this.names = names;
	}

	public static Broker connect(String url, String system, String clientName) throws IOException, InterruptedException {
		return connect(url, system, clientName, null);
	}

	/**
	 * As one component's user (its credentials in {@code url}), taking replies on the inbox prefix its permissions
	 * allow ({@link NatsPermissions#inboxPrefix}); null: the default inboxes.
	 */
	public static Broker connect(String url, String system, String clientName, String inboxPrefix)
			throws IOException, InterruptedException {
		Options.Builder options = Options.builder().server(url).connectionName(clientName).maxReconnects(-1)
				.reconnectWait(Duration.ofMillis(500)).connectionTimeout(Duration.ofSeconds(5)).errorListener(new QuietErrors(clientName));
		if (inboxPrefix != null) {
			options.inboxPrefix(inboxPrefix);
		}
		return new Broker(Nats.connect(options.build()), new Names(system));
	}

	/** A broker URL with its user and password masked ({@code nats://***@nats:4222}), for logs. */
	public static String redacted(String url) {
		return url == null ? null : url.replaceAll("://[^/@,]*@", "://***@");
	}

	public Names names() {
		return names;
	}

	/**
	 * How many copies of each stream and bucket this connection creates: 1 on one server, 3 on a JetStream cluster
	 * of three (an append is then acknowledged once a majority stored it, and one server may be lost). A stream that
	 * exists with fewer is given more.
	 */
	public Broker streamReplicas(int replicas) {
		if (replicas < 1 || replicas > 5) {
			throw new IllegalArgumentException("a stream keeps 1 to 5 copies, not " + replicas);
		}
		this.streamReplicas = replicas;
		return this;
	}

	/**
	 * Waits until JetStream answers: a cluster's servers first elect a leader among themselves, and until then
	 * refuse to create or read a stream.
	 */
	public void awaitJetStream(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			try {
				management.getAccountStatistics();
				return;
			} catch (IOException | JetStreamApiException e) {
				if (System.nanoTime() > deadline) {
					throw unavailable("JetStream did not answer within " + within.toSeconds() + " s", e);
				}
				Thread.sleep(200);
			}
		}
	}

	/**
	 * Waits until every stream the account holds has a leader: a cluster started again on its stores elects them one by
	 * one after JetStream answers, and a write (a unique claim's bucket among them) that comes first is refused.
	 */
	public void awaitStreamLeaders(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		Exception last = null; // a stream without a leader yet may not answer at all
		while (true) {
			try {
				boolean led = true;
				for (String stream : management.getStreamNames()) {
					var cluster = management.getStreamInfo(stream).getClusterInfo();
					led &= cluster == null || cluster.getLeader() != null;
				}
				if (led) {
					return;
				}
			} catch (IOException | JetStreamApiException e) {
				last = e;
			}
			if (System.nanoTime() > deadline) {
				throw ByronException.unavailable("Broker unavailable: the streams had no leaders within " + within.toSeconds() + " s"
						+ (last == null ? "" : " (" + last.getMessage() + ")"), last);
			}
			Thread.sleep(200);
		}
	}

	public Connection connection() {
		return connection;
	}

	public JetStream jetStream() {
		return jetStream;
	}

	public JetStreamManagement management() {
		return management;
	}

	public boolean isConnected() {
		return connection.getStatus() == Connection.Status.CONNECTED;
	}

	/** Creates the component's stream (file storage, every event kept) unless it exists. */
	public void ensureStream(String component) {
		ensureStream(names.stream(component), names.streamSubjects(component));
	}

	public void ensureDeadLetterStream(String component) {
		ensureStream(names.deadLetterStream(component), names.deadLetterSubjects(component));
	}

	private void ensureStream(String stream, String subjects) {
		try {
			StreamConfiguration held = whileStarting(() -> management.getStreamInfo(stream)).getConfiguration();
			if (held.getReplicas() < streamReplicas) {
				try {
					management.updateStream(StreamConfiguration.builder(held).replicas(streamReplicas).build());
				} catch (IOException | JetStreamApiException e) {
					// another component's stream is its owner's to change; it is used as it is meanwhile
					LOG.info("stream {} keeps {} copies for now: {}", stream, held.getReplicas(), e.getMessage());
				}
			}
		} catch (JetStreamApiException e) {
			if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
				throw unavailable("cannot read stream " + stream, e);
			}
			try {
				whenPeersJoined(() -> management.addStream(StreamConfiguration.builder().name(stream).subjects(subjects)
						.storageType(StorageType.File).replicas(streamReplicas).build()));
			} catch (IOException | JetStreamApiException e2) {
				throw unavailable("cannot create stream " + stream, e2);
			}
		} catch (IOException e) {
			throw unavailable("cannot read stream " + stream, e);
		}
	}

	/**
	 * The client's errors in the process's log, one line each: a connection dropped as a server goes is followed by a
	 * reconnect to another, which the client does by itself, so it is a debug line; jnats' default wrote two-line
	 * {@code SEVERE} records into the console of {@code byron run} for each.
	 */
	private record QuietErrors(String client) implements io.nats.client.ErrorListener {
		@Override
		public void exceptionOccurred(Connection connection, Exception exception) {
			if (exception instanceof IOException) {
				LOG.debug("{}: connection to the broker: {}", client, exception.getMessage());
			} else {
				LOG.warn("{}: connection to the broker: {}", client, exception.toString());
			}
		}

		@Override
		public void errorOccurred(Connection connection, String error) {
			LOG.warn("{}: the broker says: {}", client, error);
		}
	}

	/** A call to JetStream, as {@link #whileLeaderless} and {@link #whenPeersJoined} repeat it. */
	public interface JetStreamCall<T> {
		T call() throws IOException, JetStreamApiException;
	}

	/**
	 * Makes a call to a stream or bucket again while it has no leader, for up to {@link #LEADERLESS_WAIT}: a cluster
	 * electing one answers 503 (no responders) or "temporarily unavailable", and a request that reached a server as it
	 * died gets no answer at all (a timeout). Only calls that are safe to repeat come here: an append carries its event's
	 * id, which the stream de-duplicates, and a unique claim found already made is recognised as its own.
	 */
	public static <T> T whileLeaderless(JetStreamCall<T> call) throws IOException, JetStreamApiException {
		return again(call, Broker::passes, LEADERLESS_WAIT);
	}

	/**
	 * Makes a call of a component's start again while the cluster forms, for up to {@link #PEERS_WAIT}: servers started
	 * again on their stores elect a leader for each stream, and until then answer as {@link #whileLeaderless} says.
	 */
	public static <T> T whileStarting(JetStreamCall<T> call) throws IOException, JetStreamApiException {
		return again(call, Broker::passes, PEERS_WAIT);
	}

	/** Whether a failure is one that passes once the cluster has its leaders (see {@link #whileLeaderless}). */
	private static boolean passes(Exception e) {
		return e instanceof IOException && (String.valueOf(e.getMessage()).contains("503") || timedOut(e))
				|| e instanceof JetStreamApiException api && api.getApiErrorCode() == TEMPORARILY_UNAVAILABLE;
	}

	/** A request no server answered in time: it may have been carried out, its answer lost. */
	private static boolean timedOut(Exception e) {
		return e instanceof IOException && String.valueOf(e.getMessage()).startsWith("Timeout");
	}

	/**
	 * Creates something with several copies once the cluster has the servers to hold them: a cluster that has just
	 * started answers before all its servers have joined, and refuses placement until then.
	 */
	private static <T> T whenPeersJoined(JetStreamCall<T> create) throws IOException, JetStreamApiException {
		return again(create, e -> e instanceof JetStreamApiException api && api.getApiErrorCode() == NO_SUITABLE_PEERS, PEERS_WAIT);
	}

	/** Makes a call again, 100 ms apart, while it fails in a way that {@code passing} says will pass, for up to {@code within}. */
	private static <T> T again(JetStreamCall<T> call, java.util.function.Predicate<Exception> passing, Duration within)
			throws IOException, JetStreamApiException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			try {
				return call.call();
			} catch (IOException | JetStreamApiException e) {
				if (!passing.test(e) || System.nanoTime() > deadline) {
					throw e;
				}
				try {
					Thread.sleep(100);
				} catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

	/**
	 * Appends an event to the component's stream; the append is the commit point. {@code expectedLast} is
	 * the stream sequence of the subject's last event (0 for a new entity): if another append came in
	 * between, the result is {@code CONFLICT} and nothing is written.
	 */
	public long append(String component, Event event, long expectedLast) {
		return append(component, event, expectedLast, -1);
	}

	/**
	 * An append that also expects the whole stream to end at {@code expectedStreamLast} (unless negative): it
	 * commits only if nothing at all was appended to the component's stream since that sequence was read.
	 */
	public long append(String component, Event event, long expectedLast, long expectedStreamLast) {
		return append(component, event, expectedLast, expectedStreamLast, List.of());
	}

	/** An append carrying {@code followUps}, the events its command decided on, which commit with it ({@link FollowUps}). */
	public long append(String component, Event event, long expectedLast, long expectedStreamLast, List<Event> followUps) {
		try {
			PublishAck ack = whileLeaderless(() -> jetStream.publish(event.subject(), headers(event, followUps),
					EventCodec.encode(event), expecting(component, expectedLast, expectedStreamLast, null)));
			return ack.getSeqno();
		} catch (JetStreamApiException e) {
			if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
				throw new ConcurrentAppend("The " + event.entity() + " " + event.entityId()
						+ " was changed by another request meanwhile, so nothing was written: send this one again to apply it to"
						+ " the new state.", e);
			}
			throw unavailable("the broker refused the event", e);
		} catch (IOException e) {
			if (timedOut(e)) {
				throw ByronException.unavailable("The broker did not confirm the event within " + LEADERLESS_WAIT.toSeconds()
						+ " s (a server of its cluster is down or a leader is being elected), so it may or may not have been"
						+ " written: send the request again with the same Idempotency-Key header, or read the " + event.entity()
						+ " before sending it again without one.", e);
			}
			throw unavailable("the broker is unreachable", e);
		}
	}

	/**
	 * Sends an append without waiting for the broker's answer, so that one process can have several in flight.
	 * When it names {@code afterId}, the append commits only if the stream's last message is the one with that id:
	 * a chain of appends sent in order, each after the one before, commits whole or breaks at the first message
	 * another writer put in between. Otherwise it expects the stream to end at {@code expectedStreamLast}, as
	 * {@link #append(String, Event, long, long, List)} does. Refusals complete it with {@link ConcurrentAppend}.
	 */
	public java.util.concurrent.CompletableFuture<Long> appendAsync(String component, Event event, long expectedLast,
			long expectedStreamLast, String afterId, List<Event> followUps) {
		return jetStream.publishAsync(event.subject(), headers(event, followUps), EventCodec.encode(event),
				expecting(component, expectedLast, expectedStreamLast, afterId))
				.handle((ack, failure) -> {
					if (failure == null) {
						return ack.getSeqno();
					}
					Throwable cause = failure;
					while (cause.getCause() != null && !(cause instanceof JetStreamApiException)) {
						cause = cause.getCause();
					}
					if (cause instanceof JetStreamApiException api
							&& (api.getApiErrorCode() == WRONG_LAST_SEQUENCE || api.getApiErrorCode() == WRONG_LAST_MESSAGE)) {
						throw new ConcurrentAppend("The stream moved on before " + event.type() + " " + event.entityId()
								+ " was appended.", api, api.getApiErrorCode() == WRONG_LAST_MESSAGE);
					}
					throw unavailable("the broker refused the event", cause instanceof Exception e ? e : new IOException(cause));
				});
	}

	/** What an entity's append expects: its subject's last sequence, and the stream's end (a sequence, or the last message's id). */
	private PublishOptions expecting(String component, long expectedLast, long expectedStreamLast, String afterId) {
		PublishOptions.Builder options = PublishOptions.builder().expectedStream(names.stream(component))
				.expectedLastSubjectSequence(expectedLast);
		if (afterId != null) {
			options.expectedLastMsgId(afterId);
		} else if (expectedStreamLast >= 0) {
			options.expectedLastSequence(expectedStreamLast);
		}
		return options.build();
	}

	/** The event's id for the broker's de-duplication, and the follow-ups it carries. */
	private static Headers headers(Event event, List<Event> followUps) {
		Headers headers = new Headers().put("Nats-Msg-Id", event.id());
		FollowUps.write(headers, followUps);
		return headers;
	}

	/** Appends a declared domain event (no concurrency control: it belongs to no entity). */
	public long publish(String component, Event event) {
		return append(event.subject(), event, component);
	}

	private long append(String subject, Event event, String component) {
		try {
			PublishOptions options = PublishOptions.builder().expectedStream(names.stream(component)).build();
			return jetStream.publish(subject, new Headers().put("Nats-Msg-Id", event.id()), EventCodec.encode(event), options)
					.getSeqno();
		} catch (JetStreamApiException | IOException e) {
			throw unavailable("the broker refused the event", e);
		}
	}

	/**
	 * Appends a follow-up of the command committed at {@code commitSequence}, unless it is there already. Within
	 * {@link #TRUSTED_DEDUPLICATION} of the commit, on the message's first delivery, the stream's de-duplication
	 * of its id covers any repeat; otherwise the subject's messages since the commit are read for its id first
	 * (a follow-up is only ever appended after its command, by the Sink that applies the command).
	 */
	public void publishFollowUp(String component, Event followUp, long commitSequence, java.time.Instant committedAt,
			boolean firstDelivery) {
		boolean trusted = firstDelivery && committedAt.isAfter(java.time.Instant.now().minus(TRUSTED_DEDUPLICATION));
		if (trusted || !contains(component, followUp, commitSequence)) {
			publish(component, followUp);
		}
	}

	/** Well inside JetStream's default de-duplication window of two minutes, leaving room for clock skew. */
	static final Duration TRUSTED_DEDUPLICATION = Duration.ofSeconds(60);

	private boolean contains(String component, Event event, long after) {
		return find(component, event.subject(), event.id(), after).isPresent();
	}

	/** The event with this id among the subject's messages after sequence {@code after}, if it is there. */
	public Optional<StoredEvent> find(String component, String subject, String id, long after) {
		String stream = names.stream(component);
		long from = after + 1;
		try {
			while (true) {
				MessageInfo next = management.getNextMessage(stream, from, subject);
				Event stored = decodedOrNull(next);
				if (stored != null && stored.id().equals(id)) {
					return Optional.of(new StoredEvent(stored, next.getSeq()));
				}
				from = next.getSeq() + 1;
			}
		} catch (JetStreamApiException e) {
			if (e.getApiErrorCode() == NO_MESSAGE_FOUND || e.getErrorCode() == 404) {
				return Optional.empty();
			}
			throw unavailable("cannot read " + subject, e);
		} catch (IOException e) {
			throw unavailable("the broker is unreachable", e);
		}
	}

	/** The sequence of the last message in the component's stream (0 when it is empty). */
	public long lastSequence(String component) {
		try {
			return management.getStreamInfo(names.stream(component)).getStreamState().getLastSequence();
		} catch (IOException | JetStreamApiException e) {
			throw unavailable("cannot read stream " + names.stream(component), e);
		}
	}

	/**
	 * How far a durable consumer got: every message of its stream up to this sequence is acknowledged (for a
	 * Sink: applied, or moved to its dead letters). Empty while the consumer does not exist.
	 */
	public Optional<Long> acknowledgedThrough(String stream, String consumer) {
		return consumerPosition(stream, consumer).map(ConsumerPosition::acknowledged);
	}

	/**
	 * Where a durable consumer over a whole stream stands, in one request: acknowledged through (as
	 * {@link #acknowledgedThrough}) and the stream's head as it sees it, its last delivery plus what is pending.
	 * Exact unless messages were deleted beyond its last delivery, which makes the head read low, never high.
	 */
	public record ConsumerPosition(long acknowledged, long head) {
	}

	public Optional<ConsumerPosition> consumerPosition(String stream, String consumer) {
		try {
			var info = management.getConsumerInfo(stream, consumer);
			return Optional.of(new ConsumerPosition(info.getAckFloor().getStreamSequence(),
					info.getDelivered().getStreamSequence() + info.getNumPending()));
		} catch (JetStreamApiException e) {
			if (e.getErrorCode() == 404) {
				return Optional.empty();
			}
			throw unavailable("cannot read consumer " + consumer, e);
		} catch (IOException e) {
			throw unavailable("the broker is unreachable", e);
		}
	}

	/** The event at a sequence of the component's stream; empty if there is none or it cannot be decoded. */
	public Optional<Event> event(String component, long sequence) {
		try {
			return Optional.of(EventCodec.decode(management.getMessage(names.stream(component), sequence).getData()));
		} catch (dev.byron.runtime.event.MalformedEventException e) {
			return Optional.empty();
		} catch (JetStreamApiException e) {
			if (e.getApiErrorCode() == NO_MESSAGE_FOUND || e.getErrorCode() == 404) {
				return Optional.empty();
			}
			throw unavailable("cannot read " + names.stream(component) + " #" + sequence, e);
		} catch (IOException e) {
			throw unavailable("the broker is unreachable", e);
		}
	}

	/** The last event appended to a subject (an entity's current state), if any. */
	public Optional<StoredEvent> last(String component, String subject) {
		return last(component, subject, event -> true);
	}

	/**
	 * The last event on a subject that decodes and {@code fits}, if any. Messages after it that do not (garbage a
	 * foreign publisher put there, an event the model cannot hold) are read past, not failed on: the subject's events
	 * are read again from its first (the server skips other subjects), which is as cheap as the entity's history.
	 */
	public Optional<StoredEvent> last(String component, String subject, java.util.function.Predicate<Event> fits) {
		String stream = names.stream(component);
		try {
			MessageInfo info = management.getLastMessage(stream, subject);
			Event last = decodedOrNull(info);
			if (last != null && fits.test(last)) {
				return Optional.of(new StoredEvent(last, info.getSeq()));
			}
			long head = info.getSeq();
			StoredEvent found = null;
			long from = 1;
			while (from < head) {
				MessageInfo next = management.getNextMessage(stream, from, subject);
				if (next.getSeq() >= head) {
					break;
				}
				Event event = decodedOrNull(next);
				if (event != null && fits.test(event)) {
					found = new StoredEvent(event, next.getSeq(), head);
				}
				from = next.getSeq() + 1;
			}
			return Optional.ofNullable(found);
		} catch (JetStreamApiException e) {
			if (e.getApiErrorCode() == NO_MESSAGE_FOUND || e.getErrorCode() == 404) {
				return Optional.empty();
			}
			throw unavailable("cannot read " + subject, e);
		} catch (IOException e) {
			throw unavailable("the broker is unreachable", e);
		}
	}

	private static Event decodedOrNull(MessageInfo info) {
		try {
			return EventCodec.decode(info.getData());
		} catch (dev.byron.runtime.event.MalformedEventException e) {
			return null;
		}
	}

	public KeyValue bucket(String name) {
		return bucket(name, null);
	}

	/** A key-value bucket whose entries are dropped {@code kept} after they were last written (null: never). */
	public KeyValue bucket(String name, Duration kept) {
		try {
			try {
				whileStarting(() -> connection.keyValueManagement().getBucketInfo(name));
			} catch (JetStreamApiException e) {
				if (e.getApiErrorCode() != BUCKET_NOT_FOUND && e.getErrorCode() != 404) {
					throw e;
				}
				KeyValueConfiguration.Builder config = KeyValueConfiguration.builder().name(name).storageType(StorageType.File)
						.replicas(streamReplicas);
				if (kept != null) {
					config.ttl(kept);
				}
				whenPeersJoined(() -> connection.keyValueManagement().create(config.build()));
			}
			return connection.keyValue(name);
		} catch (IOException | JetStreamApiException e) {
			throw unavailable("cannot open bucket " + name, e);
		}
	}

	public List<String> streamNames() {
		try {
			return management.getStreamNames();
		} catch (IOException | JetStreamApiException e) {
			throw unavailable("cannot list streams", e);
		}
	}

	private static ByronException unavailable(String message, Exception cause) {
		return ByronException.unavailable("Broker unavailable: " + message + " (" + cause.getMessage() + ")", cause);
	}

	@Override
	public void close() throws InterruptedException {
		connection.close();
	}
}
