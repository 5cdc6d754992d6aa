package dev.byron.deployer.local;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded MongoDB of {@code byron run} (mongo-java-server on H2's MVStore, one file), answering a query sorted
 * by {@code _id} with a limit, as a page of a list is, by reading the collection in key order until it has enough,
 * as MongoDB does with its {@code _id} index. The library matches and sorts the whole collection for every such
 * query, so a page cost time in proportion to the entities held (146 ms a page at 84,000, 47 requests a second at
 * 17,000 where 100 gave 2,571). Every other query is the library's.
 */
final class EmbeddedStore extends H2Backend {
	/** MVStore's names of a collection's maps, as the library opens them (mongo-java-server 1.47). */
	private static final String DATA = "databases.";
	private static final String META = "meta.";

	EmbeddedStore(String file) {
		super(file);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		return new Database(name, getMvStore(), getCursorRegistry());
	}

	/** Inner, not static: the library opens collections from its constructor, before a field of its own would be set. */
	private final class Database extends H2Database {
		Database(String name, MVStore store, CursorRegistry cursors) {
			super(name, store, cursors);
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
			String namespace = getFullCollectionNamespace(name);
			MVMap<Object, Document> data = getMvStore().openMap(DATA + namespace);
			MVMap<String, Object> meta = getMvStore().openMap(META + namespace);
			return new Collection(this, name, options, data, meta, cursorRegistry);
		}
	}

	private static final class Collection extends H2Collection {
		private final MVMap<Object, Document> data;

		Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
			this.data = data;
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Bound from = skip == 0 && limit > 0 && byIdAscending(orderBy) && onlyTextKeys() ? Bound.of(query) : null;
			if (from == null) {
				return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
			}
			Cursor<Object, Document> cursor = data.cursor(from.id());
			Iterator<Document> inKeyOrder = new Iterator<>() {
				@Override
				public boolean hasNext() {
					return cursor.hasNext();
				}

				@Override
				public Document next() {
					cursor.next();
					return cursor.getValue();
				}
			};
			Stream<Document> matching = StreamSupport.stream(Spliterators.spliteratorUnknownSize(inKeyOrder, Spliterator.ORDERED), false)
					.filter(document -> !(from.exclusive() && from.id().equals(document.get("_id"))) && documentMatchesQuery(document, query))
					.limit(limit);
			return matchDocumentsFromStream(matching, query, orderBy, 0, limit, batchSize, fields);
		}

		/** Keys of one type sort together in MVStore: with text first and last, all are text, in MongoDB's order. */
		private boolean onlyTextKeys() {
			return data.isEmpty() || data.firstKey() instanceof String && data.lastKey() instanceof String;
		}

		private static boolean byIdAscending(Document orderBy) {
			return orderBy != null && orderBy.size() == 1 && orderBy.get("_id") instanceof Number order && order.intValue() == 1;
		}
	}

	/**
	 * Where a query's ids begin: its {@code _id} condition, {@code $gt} or {@code $gte} a text, at the top or in an
	 * {@code $and}; no condition on {@code _id} begins at the first. Null for any other condition on {@code _id}.
	 */
	record Bound(String id, boolean exclusive) {
		static Bound of(Document query) {
			Object condition = query.get("_id");
			if (condition == null && query.get("$and") instanceof List<?> all) {
				for (Object part : all) {
					if (part instanceof Document document && document.containsKey("_id")) {
						if (condition != null) {
							return null;
						}
						condition = document.get("_id");
					}
				}
			}
			if (condition == null) {
				return new Bound(null, false);
			}
			if (condition instanceof Document range && range.size() == 1) {
				if (range.get("$gt") instanceof String after) {
					return new Bound(after, true);
				}
				if (range.get("$gte") instanceof String first) {
					return new Bound(first, false);
				}
			}
			return null;
		}
	}
}
