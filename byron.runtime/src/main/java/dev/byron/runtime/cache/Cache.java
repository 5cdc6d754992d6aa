package dev.byron.runtime.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.byron.runtime.api.ByronException;

/**
 * A component's own database. Every document carries {@code _seq}, the stream sequence of the last event
 * applied to it; an event is applied only if it is newer, so duplicates and stragglers change nothing.
 * Deleted entities stay as tombstones ({@code _deleted}) so that an older event cannot bring them back.
 */
public final class Cache {
	public static final String SEQ = "_seq";
	public static final String DELETED = "_deleted";

	/** What applying an event did. */
	public enum Applied {
		APPLIED, STALE
	}

	/**
	 * How a Sink writes a document. {@code CONDITIONAL}: one update whose filter holds the sequence check, atomic
	 * against every other writer (MongoDB, Sinks in several processes). {@code BY_ID}: read the document by id, check
	 * the sequence, write it by id, for the embedded server of {@code byron run}, which uses its index only for a
	 * filter on {@code _id} alone (a conditional filter makes every write read the whole collection) and whose one
	 * process holds the only Sink of each component.
	 */
	public enum Writes {
		CONDITIONAL, BY_ID
	}

	private final MongoDatabase database;
	private final Writes writes;
	private final Object[] stripes = new Object[64];

	public Cache(MongoDatabase database) {
		this(database, Writes.CONDITIONAL);
	}

	public Cache(MongoDatabase database, Writes writes) {
		this.database = database;
		this.writes = writes;
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new Object();
		}
	}

	public static String ownCollection(String entity) {
		return entity;
	}

	public static String replicaCollection(String component, String entity) {
		return component + "." + entity;
	}

	public MongoDatabase database() {
		return database;
	}

	/** Sets the state of one document if {@code sequence} is newer than what it holds. */
	public Applied apply(String collection, String id, long sequence, Map<String, Object> state, boolean deleted) {
		if (writes == Writes.BY_ID) {
			synchronized (stripes[Math.floorMod((collection + "/" + id).hashCode(), stripes.length)]) {
				long held = sequenceOf(collection, id);
				if (held >= sequence) {
					return Applied.STALE;
				}
				return write(collection, id, byId(id), sequence, state, deleted, held < 0);
			}
		}
		return write(collection, id, byId(id).append(SEQ, new Document("$lt", sequence)), sequence, state, deleted, true);
	}

	private Applied write(String collection, String id, Bson filter, long sequence, Map<String, Object> state, boolean deleted,
			boolean upsert) {
		Bson newer = filter;
		List<Bson> sets = new ArrayList<>();
		state.forEach((key, value) -> {
			if (!key.equals("_id") && !key.startsWith("_")) {
				sets.add(Updates.set(key, value));
			}
		});
		sets.add(Updates.set(SEQ, sequence));
		sets.add(Updates.set(DELETED, deleted));
		try {
			var result = collection(collection).updateOne(newer, Updates.combine(sets), new UpdateOptions().upsert(upsert));
			return result.getMatchedCount() + (result.getUpsertedId() == null ? 0 : 1) > 0 ? Applied.APPLIED : Applied.STALE;
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return Applied.STALE; // the document exists with a newer or equal sequence
			}
			throw unavailable(e);
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	/** A live (not deleted) document. */
	public Optional<Document> find(String collection, String id) {
		try {
			Document found = collection(collection).find(byId(id)).first();
			return Optional.ofNullable(found).filter(document -> !Boolean.TRUE.equals(document.get(DELETED)));
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	/** The sequence of the last event applied to a document (tombstones included), or -1. */
	public long sequenceOf(String collection, String id) {
		try {
			Document document = collection(collection).find(Filters.eq("_id", id)).first();
			return document == null ? -1 : ((Number) document.get(SEQ)).longValue();
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	/** Up to {@code limit} live documents after {@code afterId}, in id order (ids are time-ordered). */
	public List<Document> page(String collection, String afterId, int limit) {
		Bson filter = afterId == null ? Filters.ne(DELETED, true)
				: Filters.and(Filters.ne(DELETED, true), Filters.gt("_id", afterId));
		try {
			return collection(collection).find(filter).sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>());
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	/** Live documents whose {@code field} equals {@code value}, in id order. */
	public List<Document> where(String collection, String field, Object value, int limit) {
		try {
			return collection(collection).find(Filters.and(Filters.ne(DELETED, true), Filters.eq(field, value)))
					.sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>());
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	/** How many live documents other than {@code exceptId} hold {@code value} in {@code field}. */
	public long countOthers(String collection, String field, Object value, String exceptId) {
		try {
			return collection(collection).countDocuments(
					Filters.and(Filters.ne(DELETED, true), Filters.eq(field, value), Filters.ne("_id", exceptId)));
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	public boolean ping() {
		try {
			database.runCommand(new Document("ping", 1));
			return true;
		} catch (MongoException e) {
			return false;
		}
	}

	/**
	 * A filter on one document by id, as a plain document whose top level names {@code _id} (what {@code Filters.and}
	 * writes as {@code $and} means the same to MongoDB, but the embedded server of {@code byron run} then reads every
	 * document of the collection instead of looking the id up).
	 */
	private static Document byId(String id) {
		return new Document("_id", id);
	}

	private MongoCollection<Document> collection(String name) {
		return database.getCollection(name);
	}

	private static ByronException unavailable(MongoException e) {
		return ByronException.unavailable("Cache unavailable: " + e.getMessage(), e);
	}
}
