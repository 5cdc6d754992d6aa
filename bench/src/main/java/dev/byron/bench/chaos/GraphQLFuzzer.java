package dev.byron.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Random and mutated GraphQL requests against the gateway: valid queries and mutations built from the microblog's
 * schema, the same with characters dropped, doubled or swapped, wrongly typed and oversized variables, bodies that
 * are not GraphQL or not JSON, deep and wide selections. Every answer must be a 2xx or 4xx, carry no stack trace, and
 * the services must stay healthy.
 */
final class GraphQLFuzzer {
	private static final Pattern STACK_TRACE = Pattern.compile(
			"\\tat |Exception|\\.java:\\d+|java\\.lang\\.|at dev\\.byron|'(?:Linked)?HashMap'|'ArrayList'|'(?:Double|Integer|Long)'|(?:Object|Array)Value\\{");
	private static final List<String> VALID = List.of(
			"{ users(first: 5) { nodes { id handle name bio status joinedAt } pageInfo { hasNextPage endCursor } } }",
			"query($id: ID!) { user(id: $id) { handle } }",
			"{ posts(first: 3) { edges { cursor node { text likeCount author { handle } } } } }",
			"{ follows { nodes { follower { handle } followee { handle } } } likes { nodes { id } } }",
			"{ entries(first: 2) { nodes { owner { name } post { text } } } }",
			"mutation($in: UserInput!) { createUser(input: $in) { id handle } }",
			"mutation($id: ID!, $in: PostPatch!) { updatePost(id: $id, input: $in) { id } }",
			"mutation($id: ID!) { deleteFollow(id: $id) }",
			"query Named { __schema { types { name fields { name } } } }",
			"fragment U on User { handle } query { users { nodes { ...U } } }");
	private static final List<Object> ODD_VALUES = List.of("", " ", "x".repeat(5000), -1, Long.MAX_VALUE, 1.5e308, true,
			List.of(), Map.of(), Map.of("handle", List.of(1)), "\u0000", "☃🙂", "'; DROP TABLE users; --", "<script>");

	final AtomicInteger requests = new AtomicInteger();
	final AtomicInteger serverErrors = new AtomicInteger();
	final AtomicInteger stackTraces = new AtomicInteger();
	final AtomicInteger notJson = new AtomicInteger();
	final Map<String, AtomicInteger> codes = new ConcurrentHashMap<>();
	final List<String> samples = new CopyOnWriteArrayList<>();
	private final GraphQLClient client;

	GraphQLFuzzer(GraphQLClient client) {
		this.client = client;
	}

	void run(int count, int threads, long seed) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			Random random = new Random(seed + t);
			pool.submit(() -> {
				while (requests.incrementAndGet() <= count) {
					try {
						judge(send(random));
					} catch (RuntimeException e) {
						serverErrors.incrementAndGet();
						samples.add("client failure: " + e);
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		requests.set(Math.min(requests.get(), count));
	}

	Map<String, Integer> codes() {
		Map<String, Integer> sorted = new TreeMap<>();
		codes.forEach((code, n) -> sorted.put(code, n.get()));
		return sorted;
	}

	private GraphQLClient.Answer send(Random random) {
		return switch (random.nextInt(8)) {
			case 0, 1 -> client.execute(pick(random, VALID), variables(random));
			case 2, 3 -> client.execute(mutate(random, pick(random, VALID)), variables(random));
			case 4 -> client.execute(deep(random), Map.of());
			case 5 -> client.raw(mutate(random, "{\"query\":\"" + pick(random, VALID).replace("\"", "\\\"") + "\"}"));
			case 6 -> client.raw(randomText(random));
			default -> client.execute(pick(random, VALID), Map.of("id", pick(random, ODD_VALUES), "in", pick(random, ODD_VALUES)));
		};
	}

	private void judge(GraphQLClient.Answer answer) {
		if (answer.status() >= 500 || answer.status() < 0) {
			serverErrors.incrementAndGet();
			sample(answer);
		}
		if (STACK_TRACE.matcher(answer.body()).find()) {
			stackTraces.incrementAndGet();
			sample(answer);
		}
		if (answer.json() == null) {
			notJson.incrementAndGet();
			sample(answer);
		}
		String code = answer.code();
		codes.computeIfAbsent(code == null ? (answer.status() == 200 ? "ok" : "HTTP " + answer.status()) : code,
				c -> new AtomicInteger()).incrementAndGet();
	}

	private void sample(GraphQLClient.Answer answer) {
		if (samples.size() < 10) {
			samples.add(answer.status() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
		}
	}

	private static Map<String, Object> variables(Random random) {
		if (random.nextBoolean()) {
			return Map.of("id", "00000000-0000-0000-0000-00000000000" + random.nextInt(10), "in",
					Map.of("handle", "fz" + random.nextInt(1_000_000), "name", "Fuzz"));
		}
		return Map.of("id", pick(random, ODD_VALUES), "in", Map.of("text", pick(random, ODD_VALUES), "likeCount",
				pick(random, ODD_VALUES)));
	}

	private static String mutate(Random random, String text) {
		StringBuilder out = new StringBuilder(text);
		int edits = 1 + random.nextInt(4);
		for (int i = 0; i < edits && out.length() > 1; i++) {
			int at = random.nextInt(out.length());
			switch (random.nextInt(4)) {
				case 0 -> out.deleteCharAt(at);
				case 1 -> out.insert(at, out.charAt(random.nextInt(out.length())));
				case 2 -> out.insert(at, "{}()[]:$@!\"\\,.#…".charAt(random.nextInt(16)));
				default -> {
					int other = random.nextInt(out.length());
					char c = out.charAt(at);
					out.setCharAt(at, out.charAt(other));
					out.setCharAt(other, c);
				}
			}
		}
		return out.toString();
	}

	private static String deep(Random random) {
		int depth = 5 + random.nextInt(30);
		return "{ __schema { types { " + "fields { type { ".repeat(depth / 2) + "name" + " } }".repeat(depth / 2) + " } } }";
	}

	private static String randomText(Random random) {
		StringBuilder out = new StringBuilder();
		int length = random.nextInt(200);
		for (int i = 0; i < length; i++) {
			out.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
		}
		return out.toString();
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	static List<String> unhealthy(ChaosSystem system, GraphQLClient client) {
		List<String> down = new ArrayList<>();
		for (String url : system.healthUrls()) {
			if (client.status(url) != 200) {
				down.add(url);
			}
		}
		return down;
	}
}
