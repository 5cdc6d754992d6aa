package dev.byron.deployer.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * byron run's embedded store against the library's own H2 store it builds on: the first page of a list (11 live
 * documents in id order, as the Cache reads a page of 10) with 1,000 / 10,000 / 50,000 entities held. In the
 * package of the store, which is not public.
 */
public final class StoreBench {
	private static final int[] SIZES = { 1_000, 10_000, 50_000 };

	public static void main(String[] args) throws Exception {
		int reads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		System.out.println("\nbyron run's embedded store: the first page of a list, median ms of " + reads + " reads after 20\n");
		System.out.println("| entities | library's H2 store (baseline) ms | Byron's embedded store ms | ratio |");
		System.out.println("|---:|---:|---:|---:|");
		for (int size : SIZES) {
			double plain = median(false, size, reads);
			double ours = median(true, size, reads);
			System.out.printf("| %,d | %.2f | %.2f | %.2f |%n", size, plain, ours, ours / plain);
		}
	}

	private static double median(boolean ours, int size, int reads) throws Exception {
		Path file = Files.createTempFile("byron-store-bench-", ".mv");
		Files.delete(file);
		MongoServer server = new MongoServer(ours ? new EmbeddedStore(file.toString()) : new H2Backend(file.toString()));
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			MongoCollection<Document> users = client.getDatabase("bench").getCollection("users");
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				documents.add(new Document("_id", UUID.randomUUID().toString()).append("deleted", i % 10 == 0).append("handle", "user" + i));
			}
			users.insertMany(documents);
			List<Double> times = new ArrayList<>();
			for (int i = 0; i < reads + 20; i++) {
				long begin = System.nanoTime();
				users.find(Filters.ne("deleted", true)).sort(Sorts.ascending("_id")).limit(11).into(new ArrayList<>());
				if (i >= 20) {
					times.add((System.nanoTime() - begin) / 1e6);
				}
			}
			times.sort(null);
			return times.get(times.size() / 2);
		} finally {
			server.shutdownNow();
			Files.deleteIfExists(file);
		}
	}
}
