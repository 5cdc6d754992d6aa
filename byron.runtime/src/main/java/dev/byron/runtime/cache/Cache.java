package dev.byron.runtime.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
	 * process holds every Sink of each component (they take turns per document: the locks are per database, in
	 * this process). That store commits to its file in the background, so its Sinks catch up on start
	 * ({@code SinkOptions.catchUpOnStart}).
	 */
	public enum Writes {
		CONDITIONAL, BY_ID
	}

	/**
	 * One document's new state from one event, as {@link #apply} takes it; {@code first} when the event is its entity's
	 * first (a create), so that the document is most likely not there yet.
	 */
	public record Write(String collection, String id, long sequence, Map<String, Object> state, boolean deleted, boolean first) {
		public Write(String collection, String id, long sequence, Map<String, Object> state, boolean deleted) {
			this(collection, id, sequence, state, deleted, false);
		}
	}

	private final MongoDatabase database;
	private final Writes writes;
	/** Per database: every Cache on it in this process takes the same lock for a document. */
	private static final Map<String, Object[]> STRIPES = new java.util.concurrent.ConcurrentHashMap<>();
	private final Object[] stripes;

	public Cache(MongoDatabase database) {
		this(database, Writes.CONDITIONAL);
	}

	public Cache(MongoDatabase database, Writes writes) {
		this.database = database;
		this.writes = writes;
		this.stripes = STRIPES.computeIfAbsent(database.getName(), name -> {
			Object[] locks = new Object[64];
			for (int i = 0; i < locks.length; i++) {
				locks[i] = new Object();
			}
			return locks;
		});
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
		return apply(new Write(collection, id, sequence, state, deleted));
	}

	/**
	 * Sets the state of one document if the write's sequence is newer than what it holds. By id, an entity's first
	 * write is an insert (one round trip instead of a read and a write); a document already there (a redelivered or
	 * re-created entity) makes it read and compare as any other write.
	 */
	public Applied apply(Write write) {
		String collection = write.collection();
		String id = write.id();
		long sequence = write.sequence();
		Map<String, Object> state = write.state();
		boolean deleted = write.deleted();
		if (writes == Writes.BY_ID) {
			synchronized (stripes[stripe(collection, id)]) {
				if (write.first() && inserted(write)) {
					return Applied.APPLIED;
				}
				long held = sequenceOf(collection, id);
				if (held >= sequence) {
					return Applied.STALE;
				}
				return write(collection, id, byId(id), sequence, state, deleted, held < 0);
			}
		}
		return write(collection, id, byId(id).append(SEQ, new Document("$lt", sequence)), sequence, state, deleted, true);
	}

	/**
	 * Applies several events' writes, given in stream order, with one read and one bulk write per collection, to
	 * the same end as applying them one by one: the writes to one document newer than what it holds become one
	 * write of their states in order.
	 */
	public void applyAll(List<Write> batch) {
		Map<String, List<Write>> byCollection = new java.util.LinkedHashMap<>();
		batch.forEach(write -> byCollection.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(write));
		byCollection.forEach((collection, writes) -> {
			if (writes.size() == 1) {
				apply(writes.get(0));
			} else if (this.writes == Writes.BY_ID) {
				applyById(collection, writes);
			} else {
				bulk(collection, folded(writes, Map.of()).stream().map(write -> new com.mongodb.client.model.UpdateOneModel<Document>(
						byId(write.id()).append(SEQ, new Document("$lt", write.sequence())), updates(write),
						new UpdateOptions().upsert(true))).toList());
			}
		});
	}

	/** Per document, its writes newer than {@code held} as one, in the order of the documents' first writes. */
	private static List<Write> folded(List<Write> writes, Map<String, Long> held) {
		Map<String, Write> byId = new java.util.LinkedHashMap<>();
		for (Write write : writes) {
			if (write.sequence() > held.getOrDefault(write.id(), -1L)) {
				byId.merge(write.id(), write, (earlier, later) -> {
					Map<String, Object> state = new java.util.LinkedHashMap<>(earlier.state());
					state.putAll(later.state());
					return new Write(later.collection(), later.id(), Math.max(earlier.sequence(), later.sequence()), state, later.deleted());
				});
			}
		}
		return List.copyOf(byId.values());
	}

	private void applyById(String collection, List<Write> batch) {
		Map<String, Integer> writesPerId = new java.util.HashMap<>();
		batch.forEach(write -> writesPerId.merge(write.id(), 1, Integer::sum));
		java.util.function.Predicate<Write> insert = write -> write.first() && writesPerId.get(write.id()) == 1;
		List<Write> firsts = batch.stream().filter(insert).toList();
		List<Write> writes = batch.stream().filter(insert.negate()).toList();
		if (!firsts.isEmpty()) {
			insertAll(collection, firsts);
		}
		if (writes.isEmpty()) {
			return;
		}
		Set<String> ids = new java.util.LinkedHashSet<>();
		writes.forEach(write -> ids.add(write.id()));
		int[] locks = ids.stream().mapToInt(id -> stripe(collection, id)).distinct().sorted().toArray();
		lockAll(locks, 0, () -> {
			Map<String, Long> held = new java.util.HashMap<>();
			try {
				collection(collection).find(Filters.in("_id", ids)).projection(new Document(SEQ, 1))
						.forEach(document -> held.put(document.getString("_id"), ((Number) document.get(SEQ)).longValue()));
			} catch (MongoException e) {
				throw unavailable(e);
			}
			bulk(collection, folded(writes, held).stream().map(write -> new com.mongodb.client.model.UpdateOneModel<Document>(
					byId(write.id()), updates(write), new UpdateOptions().upsert(true))).toList());
		});
	}

	/**
	 * Entities' first writes, one per document, inserted in one round; a document already there is written as
	 * {@link #apply} writes it.
	 */
	private void insertAll(String collection, List<Write> firsts) {
		int[] locks = firsts.stream().mapToInt(write -> stripe(collection, write.id())).distinct().sorted().toArray();
		lockAll(locks, 0, () -> {
			List<Write> there = new ArrayList<>();
			try {
				collection(collection).insertMany(firsts.stream().map(Cache::document).toList(),
						new com.mongodb.client.model.InsertManyOptions().ordered(false));
			} catch (com.mongodb.MongoBulkWriteException e) {
				if (e.getWriteConcernError() != null
						|| e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
					throw unavailable(e);
				}
				e.getWriteErrors().forEach(error -> there.add(firsts.get(error.getIndex())));
			} catch (MongoException e) {
				throw unavailable(e);
			}
			there.forEach(write -> apply(new Write(write.collection(), write.id(), write.sequence(), write.state(), write.deleted())));
		});
	}

	/** Whether a first write went in as a new document; false when the document is there already. */
	private boolean inserted(Write write) {
		try {
			collection(write.collection()).insertOne(document(write));
			return true;
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw unavailable(e);
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	/** The whole document a write leaves when there was none: what an upsert of {@link #updates} would insert. */
	private static Document document(Write write) {
		Document document = byId(write.id());
		write.state().forEach((key, value) -> {
			if (!key.equals("_id") && !key.startsWith("_")) {
				document.append(key, value);
			}
		});
		return document.append(SEQ, write.sequence()).append(DELETED, write.deleted());
	}

	private void lockAll(int[] stripeIndexes, int from, Runnable then) {
		if (from == stripeIndexes.length) {
			then.run();
			return;
		}
		synchronized (stripes[stripeIndexes[from]]) {
			lockAll(stripeIndexes, from + 1, then);
		}
	}

	private void applyConditionally(String collection, Map<String, Write> byId) {
		List<com.mongodb.client.model.WriteModel<Document>> models = new ArrayList<>();
		byId.values().forEach(write -> models.add(new com.mongodb.client.model.UpdateOneModel<>(
				byId(write.id()).append(SEQ, new Document("$lt", write.sequence())), updates(write), new UpdateOptions().upsert(true))));
		bulk(collection, models);
	}

	private void bulk(String collection, List<? extends com.mongodb.client.model.WriteModel<Document>> models) {
		if (models.isEmpty()) {
			return;
		}
		try {
			collection(collection).bulkWrite(models, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
		} catch (com.mongodb.MongoBulkWriteException e) {
			// a document holding a newer or equal sequence refuses the upsert's insert: that write was stale
			if (e.getWriteConcernError() != null
					|| e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
				throw unavailable(e);
			}
		} catch (MongoException e) {
			throw unavailable(e);
		}
	}

	private static Bson updates(Write write) {
		return updates(write.sequence(), write.state(), write.deleted());
	}

	private static Bson updates(long sequence, Map<String, Object> state, boolean deleted) {
		List<Bson> sets = new ArrayList<>();
		state.forEach((key, value) -> {
			if (!key.equals("_id") && !key.startsWith("_")) {
				sets.add(Updates.set(key, value));
			}
		});
		sets.add(Updates.set(SEQ, sequence));
		sets.add(Updates.set(DELETED, deleted));
		return Updates.combine(sets);
	}

	private int stripe(String collection, String id) {
		return Math.floorMod((collection + "/" + id).hashCode(), stripes.length);
	}

	private Applied write(String collection, String id, Bson filter, long sequence, Map<String, Object> state, boolean deleted,
			boolean upsert) {
		try {
			var result = collection(collection).updateOne(filter, updates(sequence, state, deleted), new UpdateOptions().upsert(upsert));
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

	/** The highest {@code _seq} of a collection's documents (tombstones included), or -1 when it has none. */
	public long newestSequence(String collection) {
		try {
			Document newest = collection(collection).find().sort(Sorts.descending(SEQ)).limit(1).first();
			return newest == null || newest.get(SEQ) == null ? -1 : ((Number) newest.get(SEQ)).longValue();
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

	/** Whether a live document's id sorts at or before {@code id}: the edges before a page that starts after it. */
	public boolean anyUpTo(String collection, String id) {
		try {
			return collection(collection).find(Filters.and(Filters.ne(DELETED, true), Filters.lte("_id", id))).limit(1).first() != null;
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

	/** How many live documents hold {@code value} in {@code field} (on MongoDB, from the field's index alone). */
	public long count(String collection, String field, Object value) {
		try {
			return collection(collection).countDocuments(Filters.and(Filters.ne(DELETED, true), Filters.eq(field, value)));
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
