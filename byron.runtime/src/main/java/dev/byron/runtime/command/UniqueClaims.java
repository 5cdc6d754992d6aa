package dev.byron.runtime.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Objects;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;

/**
 * Exact {@code @unique} across API replicas: a value is claimed in a JetStream key-value bucket (an atomic
 * create) before the event is appended. A claim left by a crash between claim and append, or by an entity
 * that later changed or lost the value, is stale once older than {@code grace} and is then taken over.
 */
final class UniqueClaims {
	record Claim(String key, String entity, String field, Object value) {
	}

	private final Broker broker;
	private final String component;
	private final KeyValue bucket;
	private final Duration grace;

	UniqueClaims(Broker broker, String component, Duration grace) {
		this.broker = broker;
		this.component = component;
		this.bucket = broker.bucket(broker.names().uniqueBucket(component));
		this.grace = grace;
	}

	Claim claim(String entity, String field, Object value, String id) {
		String key = key(entity, field, value);
		Claim claim = new Claim(key, entity, field, value);
		try {
			bucket.create(key, id.getBytes(StandardCharsets.UTF_8));
			return claim;
		} catch (JetStreamApiException e) {
			if (e.getApiErrorCode() != Broker.WRONG_LAST_SEQUENCE) {
				throw ByronException.unavailable("cannot claim a unique value: " + e.getMessage(), e);
			}
		} catch (java.io.IOException e) {
			throw ByronException.unavailable("the broker is unreachable", e);
		}
		KeyValueEntry entry = get(key);
		if (entry != null && entry.getOperation() == KeyValueOperation.PUT) {
			String owner = new String(entry.getValue(), StandardCharsets.UTF_8);
			if (owner.equals(id)) {
				return claim;
			}
			if (stale(entry, owner, entity, field, value)) {
				try {
					bucket.update(key, id.getBytes(StandardCharsets.UTF_8), entry.getRevision());
					return claim;
				} catch (JetStreamApiException | java.io.IOException e) {
					// someone else took it over first
				}
			}
		}
		throw new ByronException(ErrorCode.CONFLICT, "Another " + entity + " already has " + field + " '" + value + "'.",
				field, null);
	}

	void release(Claim claim, String id) {
		KeyValueEntry entry = get(claim.key());
		if (entry != null && entry.getOperation() == KeyValueOperation.PUT
				&& new String(entry.getValue(), StandardCharsets.UTF_8).equals(id)) {
			try {
				bucket.delete(claim.key(), entry.getRevision());
			} catch (JetStreamApiException | java.io.IOException e) {
				// a stale claim is taken over later; nothing is lost by leaving it
			}
		}
	}

	private boolean stale(KeyValueEntry entry, String owner, String entity, String field, Object value) {
		ZonedDateTime created = entry.getCreated();
		if (created != null && created.plus(grace).isAfter(ZonedDateTime.now())) {
			return false; // the owner may still be appending
		}
		var last = broker.last(component, broker.names().entitySubject(component, entity, owner));
		return last.isEmpty() || last.get().event().isDeletion()
				|| !Objects.equals(String.valueOf(last.get().event().data().get(field)), String.valueOf(value));
	}

	private KeyValueEntry get(String key) {
		try {
			return bucket.get(key);
		} catch (JetStreamApiException | java.io.IOException e) {
			throw ByronException.unavailable("cannot read unique claims: " + e.getMessage(), e);
		}
	}

	static String key(String entity, String field, Object value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
			return entity + "." + field + "." + HexFormat.of().formatHex(digest);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
