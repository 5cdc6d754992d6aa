package dev.byron.runtime.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.UniqueKey;
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
	record Claim(String key, String entity, UniqueKey unique, List<Object> values) {
	}

	private final Broker broker;
	private final String component;
	private final KeyValue bucket;
	private final Duration grace;

	private final EntityLog log;

	UniqueClaims(Broker broker, String component, EntityLog log, Duration grace) {
		this.broker = broker;
		this.log = log;
		this.component = component;
		this.bucket = broker.bucket(broker.names().uniqueBucket(component));
		this.grace = grace;
	}

	/** The key's values in a state, as they are compared; empty when one of them is missing (nothing to claim). */
	static Optional<List<Object>> values(UniqueKey unique, Map<String, Object> state) {
		List<Object> values = new ArrayList<>();
		for (String field : unique.fields()) {
			Object value = state.get(field);
			if (value == null) {
				return Optional.empty();
			}
			values.add(unique.ignoreCase() && value instanceof String text ? text.toLowerCase(Locale.ROOT) : value);
		}
		return Optional.of(values);
	}

	static Claim of(String entity, UniqueKey unique, List<Object> values) {
		return new Claim(key(entity, unique, values), entity, unique, values);
	}

	Claim claim(String entity, UniqueKey unique, List<Object> values, String id) {
		Claim claim = of(entity, unique, values);
		String key = claim.key();
		try {
			Broker.whileLeaderless(() -> bucket.create(key, id.getBytes(StandardCharsets.UTF_8)));
			return claim;
		} catch (JetStreamApiException e) {
			if (e.getApiErrorCode() != Broker.WRONG_LAST_SEQUENCE) {
				throw ByronException.unavailable("cannot claim a unique value: " + e.getMessage(), e);
			}
		} catch (java.io.IOException e) {
			// before the append: whatever the broker did with the claim, the request wrote nothing
			throw ByronException.unavailable("The broker did not answer the claim of " + describe(claim) + " (" + e.getMessage()
					+ "), so nothing was written: send the request again.", e);
		}
		KeyValueEntry entry = get(key);
		if (entry != null && entry.getOperation() == KeyValueOperation.PUT) {
			String owner = new String(entry.getValue(), StandardCharsets.UTF_8);
			if (owner.equals(id)) {
				return claim;
			}
			if (stale(entry, owner, claim)) {
				try {
					bucket.update(key, id.getBytes(StandardCharsets.UTF_8), entry.getRevision());
					return claim;
				} catch (JetStreamApiException | java.io.IOException e) {
					// someone else took it over first
				}
			}
		}
		throw new ByronException(ErrorCode.CONFLICT, "Another " + entity + " already has " + describe(claim) + ".",
				unique.fields().get(0), null);
	}

	private static String describe(Claim claim) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < claim.unique().fields().size(); i++) {
			parts.add(claim.unique().fields().get(i) + " '" + dev.byron.runtime.api.Echo.of(claim.values().get(i)) + "'");
		}
		return String.join(" and ", parts) + (claim.unique().ignoreCase() ? " (ignoring case)" : "");
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

	private boolean stale(KeyValueEntry entry, String owner, Claim claim) {
		ZonedDateTime created = entry.getCreated();
		if (created != null && created.plus(grace).isAfter(ZonedDateTime.now())) {
			return false; // the owner may still be appending
		}
		var last = log.last(claim.entity(), owner);
		if (last.isEmpty() || last.get().event().isDeletion()) {
			return true;
		}
		return !values(claim.unique(), last.get().event().data()).map(held -> String.valueOf(held).equals(String.valueOf(claim.values())))
				.orElse(false);
	}

	private KeyValueEntry get(String key) {
		try {
			return Broker.whileLeaderless(() -> bucket.get(key));
		} catch (JetStreamApiException | java.io.IOException e) {
			throw ByronException.unavailable("cannot read unique claims: " + e.getMessage(), e);
		}
	}

	/** One field keeps the key of the first versions (claims in existing buckets stay valid); keys of several fields join them. */
	static String key(String entity, UniqueKey unique, List<Object> values) {
		// a KV key takes letters, digits and - _ / = . only; field names never hold '-' or '='
		String name = String.join("-", unique.fields()) + (unique.ignoreCase() ? "=i" : "");
		String text = values.size() == 1 ? String.valueOf(values.get(0))
				: String.join("\u0000", values.stream().map(String::valueOf).toList());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return entity + "." + name + "." + HexFormat.of().formatHex(digest);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
