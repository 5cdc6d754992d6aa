package dev.byron.runtime.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;

/**
 * Mutations a client may send again. The first request with an {@code Idempotency-Key} records, in the system's
 * key-value bucket of requests, what it asks and the ids its command uses: the new entity's (a create), its event's
 * and the command's own. The same request sent again with the key runs the same command with those ids, so it finds
 * what the first one wrote (the entity's event with that id) and answers with it instead of writing it twice; the
 * stream's de-duplication of the event's id covers the two running at once. Another request under the key, in this
 * component or another, is refused. A key is the caller's own and is kept for {@link #KEPT}.
 */
final class IdempotencyKeys {
	static final Duration KEPT = Duration.ofHours(24);
	private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
	private static final int TRIES = 3;

	/** The ids a keyed request's command uses each time it comes; {@code again}: the key was seen before. */
	record Attempt(String commandId, String entityId, String eventId, boolean again) {
	}

	private final Broker broker;
	private volatile KeyValue bucket;

	IdempotencyKeys(Broker broker) {
		this.broker = broker;
	}

	/**
	 * The attempt a request stands for: a new one the first time its key comes (with {@code entityId} for the entity
	 * it is about), the first one's ids after that.
	 *
	 * @param request what the request asks (its field and arguments): the same key with another request is refused
	 */
	Attempt attempt(Caller caller, String key, String field, Map<String, Object> request, String entityId) {
		String name = name(caller, key);
		String asked = digest(field + "\u0000" + json(request));
		for (int tries = 1;; tries++) {
			Map<String, String> fresh = Map.of("request", asked, "command", AppendEvent.newId(), "entity", entityId, "event",
					AppendEvent.newId());
			try {
				Broker.whileLeaderless(() -> bucket().create(name, json(fresh).getBytes(StandardCharsets.UTF_8)));
				return new Attempt(fresh.get("command"), entityId, fresh.get("event"), false);
			} catch (JetStreamApiException e) {
				if (e.getApiErrorCode() != Broker.WRONG_LAST_SEQUENCE) {
					throw ByronException.unavailable("cannot record the Idempotency-Key: " + e.getMessage(), e);
				}
			} catch (IOException e) {
				throw ByronException.unavailable("The broker did not answer the record of the Idempotency-Key (" + e.getMessage()
						+ "), so nothing was written: send the request again with the same key.", e);
			}
			KeyValueEntry entry = get(name);
			if (entry != null && entry.getOperation() == KeyValueOperation.PUT) {
				Map<String, String> first = read(entry.getValue());
				if (!asked.equals(first.get("request"))) {
					throw new ByronException(ErrorCode.VALIDATION, "This Idempotency-Key came before with another request (another "
							+ "mutation, in the same place of the request, or other arguments), so nothing was run. A key stands for one"
							+ " request: send a new key with a new request.", dev.byron.runtime.http.GraphQLRequest.IDEMPOTENCY_KEY, null);
				}
				return new Attempt(first.get("command"), first.get("entity"), first.get("event"), true);
			}
			if (tries == TRIES) { // dropped as it was read, again and again: it cannot stay long enough to be used
				throw ByronException.unavailable("cannot keep the Idempotency-Key's record in " + bucket().getBucketName(), null);
			}
		}
	}

	/** One caller's key, as a bucket's key can be written (letters and digits): another caller's same key is another. */
	private static String name(Caller caller, String key) {
		return digest((caller.subject() == null ? "" : caller.subject()) + "\u0000" + key);
	}

	private KeyValue bucket() {
		KeyValue opened = bucket;
		if (opened == null) { // made the first time a client sends a key, not for every component
			synchronized (this) {
				if (bucket == null) {
					bucket = broker.bucket(broker.names().idempotencyBucket(), KEPT);
				}
				opened = bucket;
			}
		}
		return opened;
	}

	private KeyValueEntry get(String name) {
		try {
			return Broker.whileLeaderless(() -> bucket().get(name));
		} catch (JetStreamApiException | IOException e) {
			throw ByronException.unavailable("cannot read the Idempotency-Key's record: " + e.getMessage(), e);
		}
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, String> read(byte[] value) {
		try {
			return JSON.readValue(value, new TypeReference<Map<String, String>>() {
			});
		} catch (IOException e) {
			return Map.of(); // not a record of ours: its request matches no request
		}
	}

	private static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
