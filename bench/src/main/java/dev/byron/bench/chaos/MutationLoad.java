package dev.byron.bench.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;

import dev.byron.runtime.broker.StoredEvent;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;

/**
 * Random creates, updates and deletes across the microblog's components through the gateway, remembering what each
 * acknowledged mutation left behind, and the check that the system kept all of it: each entity's owner and every
 * replica of it hold the state of the entity's last event, and that is the state the last acknowledged mutation set.
 */
final class MutationLoad {
	record Key(String component, String entity, String id) {
	}

	/** What the check found. */
	record Check(int entities, int lost, int stale, int replicas, int replicasEqual, List<String> problems) {
	}

	private static final Map<String, Object> DELETED = Map.of("__deleted", true);
	private final GraphQLClient client;
	private final Map<Key, Map<String, Object>> expected = new ConcurrentHashMap<>();
	private final List<String> users = new CopyOnWriteArrayList<>();
	private final List<String> posts = new CopyOnWriteArrayList<>();
	final AtomicInteger sent = new AtomicInteger();
	final AtomicInteger acknowledged = new AtomicInteger();
	final AtomicInteger refused = new AtomicInteger();
	/** Why mutations were refused: each message with its numbers and ids blanked, and how often it came. */
	final Map<String, AtomicInteger> refusedBecause = new ConcurrentHashMap<>();
	final AtomicInteger unavailable = new AtomicInteger();
	final AtomicInteger wrong = new AtomicInteger();
	final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
	private final AtomicInteger handles = new AtomicInteger();

	private final String handlePrefix;

	/** {@code handlePrefix} keeps the handles of two loads on one system apart (handles are unique). */
	MutationLoad(GraphQLClient client, String handlePrefix) {
		this.client = client;
		this.handlePrefix = handlePrefix;
	}

	/** {@code count} mutations from {@code workers} threads; each entity is changed by the worker that created it. */
	void run(int count, int workers, long seed) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		for (int w = 0; w < workers; w++) {
			Random random = new Random(seed + w);
			pool.submit(() -> {
				Map<String, List<String>> own = new LinkedHashMap<>();
				while (sent.get() < count) {
					try {
						step(random, own);
					} catch (RuntimeException e) {
						wrong.incrementAndGet();
						wrongAnswers.add(e.toString());
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
	}

	/** Creates and renames users only (the broker-restart phase), for {@code millis}. */
	void runUsersFor(long millis, int workers, long seed) throws InterruptedException {
		long end = System.nanoTime() + millis * 1_000_000;
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		for (int w = 0; w < workers; w++) {
			Random random = new Random(seed + w);
			pool.submit(() -> {
				Map<String, List<String>> own = new LinkedHashMap<>();
				while (System.nanoTime() < end) {
					if (own.getOrDefault("User", List.of()).isEmpty() || random.nextBoolean()) {
						createUser(random, own);
					} else {
						update(random, own, "accounts", "User", Map.of("name", words(random, 1, 40)));
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
	}

	private void step(Random random, Map<String, List<String>> own) {
		int roll = random.nextInt(100);
		if (users.size() < 2 || roll < 20) {
			createUser(random, own);
		} else if (roll < 30) {
			update(random, own, "accounts", "User", Map.of("name", words(random, 1, 50), "bio", words(random, 0, 160),
					"status", random.nextBoolean() ? "ACTIVE" : "SUSPENDED"));
		} else if (roll < 32) {
			delete(random, own, "accounts", "User");
		} else if (roll < 47) {
			create(own, "posts", "Post", Map.of("author", pick(random, users), "text", words(random, 1, 280),
					"likeCount", random.nextInt(1000)), posts);
		} else if (roll < 55) {
			update(random, own, "posts", "Post", Map.of("text", words(random, 1, 280), "likeCount", random.nextInt(1000)));
		} else if (roll < 58) {
			delete(random, own, "posts", "Post");
		} else if (roll < 68) {
			create(own, "social", "Follow", Map.of("follower", pick(random, users), "followee", pick(random, users)), null);
		} else if (roll < 71) {
			delete(random, own, "social", "Follow");
		} else if (roll < 81 && !posts.isEmpty()) {
			create(own, "likes", "Like", Map.of("post", pick(random, posts), "user", pick(random, users)), null);
		} else if (roll < 84) {
			delete(random, own, "likes", "Like");
		} else if (roll < 94 && !posts.isEmpty()) {
			create(own, "timeline", "Entry", Map.of("owner", pick(random, users), "post", pick(random, posts),
					"postedAt", "2026-11-22T08:00:00Z"), null);
		} else if (roll < 98) {
			update(random, own, "timeline", "Entry", Map.of("postedAt", "2026-11-22T09:00:00Z"));
		} else {
			delete(random, own, "timeline", "Entry");
		}
	}

	private void createUser(Random random, Map<String, List<String>> own) {
		create(own, "accounts", "User", Map.of("handle", handlePrefix + String.format("%06d", handles.incrementAndGet()), "name",
				words(random, 1, 50)), users);
	}

	private void create(Map<String, List<String>> own, String component, String entity, Map<String, Object> input,
			List<String> pool) {
		sent.incrementAndGet();
		GraphQLClient.Answer answer = client.execute("mutation($in: " + entity + "Input!) { r: create" + entity
				+ "(input: $in) { id " + String.join(" ", scalarFields(input)) + " } }", Map.of("in", input));
		Map<String, Object> result = answer.data("r");
		if (result == null) {
			refusedOrUnavailable(answer);
			return;
		}
		echoes(answer, result, input);
		String id = (String) result.get("id");
		expected.put(new Key(component, entity, id), new LinkedHashMap<>(input));
		own.computeIfAbsent(entity, e -> new ArrayList<>()).add(id);
		if (pool != null) {
			pool.add(id);
		}
		acknowledged.incrementAndGet();
	}

	private void update(Random random, Map<String, List<String>> own, String component, String entity, Map<String, Object> patch) {
		List<String> mine = own.getOrDefault(entity, List.of());
		if (mine.isEmpty()) {
			return;
		}
		String id = mine.get(random.nextInt(mine.size()));
		sent.incrementAndGet();
		for (int attempt = 0; attempt < 50; attempt++) {
			GraphQLClient.Answer answer = client.execute("mutation($id: ID!, $in: " + entity + "Patch!) { r: update" + entity
					+ "(id: $id, input: $in) { id " + String.join(" ", scalarFields(patch)) + " } }", Map.of("id", id, "in", patch));
			Map<String, Object> result = answer.data("r");
			if (result != null) {
				echoes(answer, result, patch);
				expected.get(new Key(component, entity, id)).putAll(patch);
				acknowledged.incrementAndGet();
				return;
			}
			if (!"UNAVAILABLE".equals(answer.code())) {
				refusedOrUnavailable(answer);
				return;
			}
			unavailable.incrementAndGet();
			pause(100L * (attempt + 1));
		}
	}

	private void delete(Random random, Map<String, List<String>> own, String component, String entity) {
		List<String> mine = own.getOrDefault(entity, List.of());
		if (mine.isEmpty()) {
			return;
		}
		String id = mine.remove(random.nextInt(mine.size()));
		users.remove(id);
		posts.remove(id);
		sent.incrementAndGet();
		for (int attempt = 0; attempt < 50; attempt++) {
			GraphQLClient.Answer answer = client.execute("mutation($id: ID!) { r: delete" + entity + "(id: $id) }", Map.of("id", id));
			String code = answer.code();
			boolean retriedAndGone = attempt > 0 && "NOT_FOUND".equals(code);
			if (code == null || retriedAndGone) {
				expected.put(new Key(component, entity, id), DELETED);
				acknowledged.incrementAndGet();
				return;
			}
			if (!"UNAVAILABLE".equals(code)) {
				refusedOrUnavailable(answer);
				return;
			}
			unavailable.incrementAndGet();
			pause(100L * (attempt + 1));
		}
	}

	/** A refusal the model explains (a reference not replicated yet, say) or UNAVAILABLE; anything else is wrong. */
	private void refusedOrUnavailable(GraphQLClient.Answer answer) {
		String code = answer.code();
		if ("UNAVAILABLE".equals(code)) {
			unavailable.incrementAndGet();
		} else if ("VALIDATION".equals(code) || "CONFLICT".equals(code) || "NOT_FOUND".equals(code)) {
			refused.incrementAndGet();
			refusedBecause.computeIfAbsent(code + ": " + reason(answer), r -> new AtomicInteger()).incrementAndGet();
		} else {
			wrong.incrementAndGet();
			wrongAnswers.add(answer.status() + " " + answer.body());
		}
	}

	@SuppressWarnings("unchecked")
	private static String reason(GraphQLClient.Answer answer) {
		Object message = ((Map<String, Object>) ((List<?>) answer.json().get("errors")).get(0)).get("message");
		return String.valueOf(message).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").replaceAll("\\d+", "<n>");
	}

	/** The most frequent reasons for refusals, most frequent first. */
	List<String> topRefusals(int limit) {
		return refusedBecause.entrySet().stream()
				.sorted((a, b) -> Integer.compare(b.getValue().get(), a.getValue().get()))
				.limit(limit).map(e -> e.getValue().get() + " × " + e.getKey()).toList();
	}

	/** A success must answer with what was asked for. */
	private void echoes(GraphQLClient.Answer answer, Map<String, Object> result, Map<String, Object> input) {
		for (String field : scalarFields(input)) {
			if (!Objects.equals(String.valueOf(result.get(field)), String.valueOf(input.get(field)))) {
				wrong.incrementAndGet();
				wrongAnswers.add("asked " + field + "=" + input.get(field) + ", answered " + answer.body());
				return;
			}
		}
	}

	/** The fields a selection can name directly: not references, not DateTimes (their text may be normalised). */
	private static List<String> scalarFields(Map<String, Object> input) {
		return input.keySet().stream().filter(f -> !Set.of("author", "follower", "followee", "post", "user", "owner", "postedAt")
				.contains(f)).toList();
	}

	/**
	 * Once the load has stopped: waits until every owner and replica holds its entity's last event; returns how long
	 * that took in ms, or -1 after {@code timeoutMillis}.
	 */
	long awaitCatchUp(ChaosSystem system, long timeoutMillis) throws InterruptedException {
		long start = System.nanoTime();
		java.util.Set<Key> waiting = new java.util.HashSet<>(expected.keySet());
		while (true) {
			waiting.removeIf(key -> caughtUp(system, key));
			if (waiting.isEmpty()) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			if (System.nanoTime() - start > timeoutMillis * 1_000_000) {
				return -1;
			}
			Thread.sleep(250);
		}
	}

	private boolean caughtUp(ChaosSystem system, Key key) {
		long last = lastSequence(system, key);
		if (system.api(key.component()).cache().sequenceOf(Cache.ownCollection(key.entity()), key.id()) != last) {
			return false;
		}
		return replicasOf(system, key).stream().allMatch(replicating -> system.api(replicating.name()).cache()
				.sequenceOf(Cache.replicaCollection(key.component(), key.entity()), key.id()) == last);
	}

	/** Compares what the system holds with what the acknowledged mutations left behind. */
	Check check(ChaosSystem system) {
		int lost = 0;
		int stale = 0;
		int replicas = 0;
		int equal = 0;
		List<String> problems = new ArrayList<>();
		for (Map.Entry<Key, Map<String, Object>> entry : expected.entrySet()) {
			Key key = entry.getKey();
			Cache owner = system.api(key.component()).cache();
			long last = lastSequence(system, key);
			if (owner.sequenceOf(Cache.ownCollection(key.entity()), key.id()) != last) {
				stale++;
				problems.add("stale owner " + key);
			}
			Document document = owner.find(Cache.ownCollection(key.entity()), key.id()).orElse(null);
			boolean deleted = entry.getValue() == DELETED;
			if (deleted ? document != null : document == null || !holds(document, entry.getValue())) {
				lost++;
				problems.add("lost " + key + ": expected " + entry.getValue() + ", found " + document);
			}
			for (ComponentDescriptor replicating : replicasOf(system, key)) {
				replicas++;
				Cache copy = system.api(replicating.name()).cache();
				String collection = Cache.replicaCollection(key.component(), key.entity());
				Document replica = copy.find(collection, key.id()).orElse(null);
				boolean same = copy.sequenceOf(collection, key.id()) == last && (document == null ? replica == null
						: replica != null && holds(replica, projection(document, replicaFields(replicating, key))));
				if (same) {
					equal++;
				} else {
					problems.add("replica in " + replicating.name() + " of " + key + " differs: " + replica + " vs " + document);
				}
			}
		}
		return new Check(expected.size(), lost, stale, replicas, equal, problems.subList(0, Math.min(10, problems.size())));
	}

	private static boolean holds(Document document, Map<String, Object> values) {
		return values.entrySet().stream().filter(e -> !e.getKey().equals("postedAt"))
				.allMatch(e -> Objects.equals(String.valueOf(document.get(e.getKey())), String.valueOf(e.getValue())));
	}

	private static Map<String, Object> projection(Document document, List<String> fields) {
		Map<String, Object> kept = new LinkedHashMap<>();
		fields.forEach(f -> kept.put(f, document.get(f)));
		return kept;
	}

	private final Map<Key, Long> lastSequences = new ConcurrentHashMap<>();

	/** The sequence of the entity's last event on its stream (read once: the check runs after the load). */
	private long lastSequence(ChaosSystem system, Key key) {
		return lastSequences.computeIfAbsent(key, k -> readLastSequence(system, k));
	}

	private static long readLastSequence(ChaosSystem system, Key key) {
		return system.broker().last(key.component(), system.broker().names().entitySubject(key.component(), key.entity(), key.id()))
				.map(StoredEvent::sequence).orElse(-1L);
	}

	private static List<ComponentDescriptor> replicasOf(ChaosSystem system, Key key) {
		return system.descriptors().values().stream().filter(d -> d.replicas().stream()
				.anyMatch(r -> r.component().equals(key.component()) && r.entity().equals(key.entity()))).toList();
	}

	private static List<String> replicaFields(ComponentDescriptor replicating, Key key) {
		return replicating.replicas().stream().filter(r -> r.component().equals(key.component()) && r.entity().equals(key.entity()))
				.findFirst().map(ReplicaDescriptor::fieldNames).orElse(List.of());
	}

	private static String pick(Random random, List<String> ids) {
		return ids.get(random.nextInt(ids.size()));
	}

	private static String words(Random random, int min, int max) {
		int length = min + random.nextInt(Math.max(1, Math.min(max, 40) - min + 1));
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			text.append((char) ('a' + random.nextInt(26)));
			if (random.nextInt(6) == 0 && text.length() < length - 1) {
				text.append(' ');
			}
		}
		return text.toString().trim().isEmpty() ? "x" : text.toString().trim();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
