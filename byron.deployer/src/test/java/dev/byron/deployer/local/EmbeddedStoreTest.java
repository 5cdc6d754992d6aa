package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The embedded store answers every page exactly as the library's own store does, for any start and size. */
class EmbeddedStoreTest {
	@TempDir
	Path data;

	@Test
	void pagesInIdOrderAreTheLibrarysOwnForEveryStartAndSize() {
		MongoServer ours = new MongoServer(new EmbeddedStore(data.resolve("ours.mv").toString()));
		MongoServer theirs = new MongoServer(new H2Backend(data.resolve("theirs.mv").toString()));
		ours.bind("127.0.0.1", 0);
		theirs.bind("127.0.0.1", 0);
		try (MongoClient a = MongoClients.create("mongodb://127.0.0.1:" + ours.getLocalAddress().getPort());
				MongoClient b = MongoClients.create("mongodb://127.0.0.1:" + theirs.getLocalAddress().getPort())) {
			MongoCollection<Document> fast = a.getDatabase("d").getCollection("users");
			MongoCollection<Document> plain = b.getDatabase("d").getCollection("users");
			List<String> ids = new ArrayList<>();
			Random random = new Random(16);
			for (int i = 0; i < 1_500; i++) {
				ids.add(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
			}
			List<Document> documents = new ArrayList<>();
			for (String id : ids) { // inserted out of order, a fifth of them deleted
				documents.add(new Document("_id", id).append("n", random.nextInt(10)).append("deleted", random.nextInt(5) == 0));
			}
			fast.insertMany(documents.stream().map(Document::new).toList());
			plain.insertMany(documents.stream().map(Document::new).toList());
			Collections.sort(ids);
			List<Bson> filters = new ArrayList<>(List.of(Filters.ne("deleted", true), Filters.eq("n", 3)));
			for (int at = 0; at < ids.size(); at += 97) {
				filters.add(Filters.and(Filters.ne("deleted", true), Filters.gt("_id", ids.get(at))));
				filters.add(Filters.and(Filters.gte("_id", ids.get(at)), Filters.ne("deleted", true)));
				filters.add(Filters.gt("_id", ids.get(at).substring(0, 3))); // a start that is no id
			}
			for (Bson filter : filters) {
				for (int limit : new int[] { 1, 10, 101, 5_000 }) {
					assertThat(fast.find(filter).sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>()))
							.as(filter + " limit " + limit)
							.isEqualTo(plain.find(filter).sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>()));
				}
			}
			assertThat(fast.find().sort(Sorts.descending("_id")).limit(5).into(new ArrayList<>())).as("other orders: the library's")
					.isEqualTo(plain.find().sort(Sorts.descending("_id")).limit(5).into(new ArrayList<>()));
		} finally {
			ours.shutdownNow();
			theirs.shutdownNow();
		}
	}
}
