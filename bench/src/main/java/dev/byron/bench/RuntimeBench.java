package dev.byron.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import org.bson.Document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.byron.runtime.ByronComponent;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.ReactionDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;
import dev.byron.runtime.spi.Hooks;
import io.nats.NatsServerRunner;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

/**
 * Mutations per second and propagation latency (mutation accepted → visible in another component's
 * Cache) at several loads: Byron's accounts → posts replica, beside a hand-written pipeline that does the
 * same HTTP + JetStream publish-ack + consume + Mongo write with the same libraries, in the same run.
 */
public final class RuntimeBench {
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private static final ObjectMapper JSON = new ObjectMapper();

	record Result(double perSecond, double p50, double p99) {
	}

	/**
	 * Warm-up rounds before the tables, not in them: each pipeline, started once as a server is, runs rounds of this
	 * many requests at 16 clients until the JIT compiler is done with it. On 2 cores under load Byron's JVM compiles
	 * for about 100,000 requests: a rate that stopped growing by 3% a round (this bench's earlier rule) still had the
	 * compiler taking a core, and the rate rose by half again once it was done.
	 */
	private static final int WARM_UP_ROUND = 4000;
	private static final int MOST_WARM_UP_ROUNDS = 60;
	/** The JIT counts as done when its compile time in each of three rounds in a row is under this share of the round. */
	private static final double QUIET_COMPILER = 0.05;

	/** A pipeline started once, as a server in use: each run sends {@code count} new users from {@code clients} threads. */
	interface Pipeline extends AutoCloseable {
		Result run(int clients, int count) throws Exception;
	}

	/** Runs rounds until the compiler is quiet (see {@link #QUIET_COMPILER}); prints each round's rate and compile share. */
	private static void warmUp(String name, Pipeline pipeline) throws Exception {
		var compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
		int quiet = 0;
		int rounds = 0;
		List<String> rates = new ArrayList<>();
		while (rounds < MOST_WARM_UP_ROUNDS && quiet < 3) {
			long compiled = compiler.getTotalCompilationTime();
			long start = System.nanoTime();
			double rate = pipeline.run(16, WARM_UP_ROUND).perSecond();
			double share = (compiler.getTotalCompilationTime() - compiled) / ((System.nanoTime() - start) / 1e6);
			rates.add(String.format("%.0f (%.0f%%)", rate, share * 100));
			rounds++;
			quiet = share < QUIET_COMPILER ? quiet + 1 : 0;
		}
		System.out.printf("warm-up of %s: %,d requests in rounds of %,d at 16 clients, until the JIT compiler is done "
				+ "(/s, and the compiler's time as a share of the round: %s)%n", name, rounds * WARM_UP_ROUND, WARM_UP_ROUND,
				String.join(", ", rates));
	}

	/**
	 * How {@code byron run} has Sinks write to the embedded MongoDB (the bench's server too): by id. A conditional
	 * filter, right for MongoDB itself, makes the embedded server read the whole collection on every write.
	 */
	private static final dev.byron.runtime.cache.Cache.Writes EMBEDDED = dev.byron.runtime.cache.Cache.Writes.BY_ID;

	public static void main(String[] args) throws Exception {
		try {
			run(args);
		} finally {
			System.exit(0); // client pools and servers keep non-daemon threads; the table is printed
		}
	}

	private static void run(String[] args) throws Exception {
		System.setProperty("sun.net.httpserver.nodelay", "true"); // the same for Byron's server and the raw one
		int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
		int[] loads = { 1, 4, 16 };
		Path store = Files.createTempDirectory("byron-bench-nats");
		java.util.logging.Logger quiet = java.util.logging.Logger.getLogger("bench.nats");
		quiet.setLevel(Level.WARNING);
		try (NatsServerRunner nats = NatsServerRunner.builder().jetstream(true).executablePath(natsServer())
				.customArgs(List.of("-a", "127.0.0.1", "-sd", store.toString())).outputLogger(quiet).build()) {
			MongoServer mongoServer = new MongoServer(new MemoryBackend());
			mongoServer.bind("127.0.0.1", 0);
			try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort())) {
				try (Pipeline byron = byron(nats.getURI(), mongo, "b"); Pipeline raw = raw(nats.getURI(), mongo, "r");
						Pipeline promising = rawKeepingPromises(nats.getURI(), mongo, "p")) {
					warmUp("byron", byron);
					warmUp("raw", raw);
					warmUp("promises", promising);
					System.out.printf("%nByron runtime: %d createUser mutations per load over HTTP; propagation = accepted → in posts' replica%n%n", perLevel);
					System.out.println("| clients | byron mutations/s | raw mutations/s | ratio | raw claiming and waiting /s | ratio "
							+ "| byron p50 / p99 ms | raw p50 / p99 ms |");
					System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
					for (int clients : loads) {
						Result b = byron.run(clients, perLevel);
						Result r = raw.run(clients, perLevel);
						Result p = promising.run(clients, perLevel);
						System.out.printf("| %d | %.0f | %.0f | %.2f | %.0f | %.2f | %.1f / %.1f | %.1f / %.1f |%n", clients, b.perSecond(),
								r.perSecond(), b.perSecond() / r.perSecond(), p.perSecond(), b.perSecond() / p.perSecond(),
								b.p50(), b.p99(), r.p50(), r.p99());
					}
				}
				rules(nats.getURI(), mongo, loads, perLevel);
			} finally {
				mongoServer.shutdownNow();
			}
		}
	}

	/**
	 * What exact rules cost: createRegistration with no hook, with a before hook that counts the talk's
	 * registrations (fenced for the whole component), and the same hook keyed by talk, over 50 talks; beside
	 * the raw pipeline. Request latency, as a client sees it.
	 */
	private static void rules(String natsUrl, MongoClient mongo, int[] loads, int count) throws Exception {
		System.out.printf("%nRules under concurrency: %d createRegistration per load over 50 talks; request latency%n%n", count);
		System.out.println("| clients | plain /s (p99 ms) | unfenced reads /s (p99 ms) | exact /s (p99 ms) | by talk /s (p99 ms) "
				+ "| raw /s (p99 ms) | by talk / plain | by talk / unfenced |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
		int round = 0;
		for (int clients : loads) {
			round++;
			Result plain = registrations(natsUrl, mongo, "p" + round, null, Fencing.NO_HOOK, clients, count);
			Result unfenced = registrations(natsUrl, mongo, "u" + round, null, Fencing.UNFENCED, clients, count);
			Result exact = registrations(natsUrl, mongo, "e" + round, null, Fencing.FENCED, clients, count);
			Result keyed = registrations(natsUrl, mongo, "k" + round, "talk", Fencing.FENCED, clients, count);
			Result raw = rawRequests(natsUrl, mongo, "q" + round, clients, count);
			System.out.printf("| %d | %.0f (%.1f) | %.0f (%.1f) | %.0f (%.1f) | %.0f (%.1f) | %.0f (%.1f) | %.2f | %.2f |%n", clients,
					plain.perSecond(), plain.p99(), unfenced.perSecond(), unfenced.p99(), exact.perSecond(), exact.p99(),
					keyed.perSecond(), keyed.p99(), raw.perSecond(), raw.p99(), keyed.perSecond() / plain.perSecond(),
					keyed.perSecond() / unfenced.perSecond());
		}
	}

	/**
	 * The capacity check of {@link #registrations}: none; the same two reads made straight on MongoDB, where no fence
	 * sees them (so not exact: what the reads cost without Byron's fence); or through the component, fenced.
	 */
	enum Fencing {
		NO_HOOK, UNFENCED, FENCED
	}

	private static Result registrations(String natsUrl, MongoClient mongo, String system, String key, Fencing fencing, int clients,
			int count) throws Exception {
		boolean hooked = fencing != Fencing.NO_HOOK;
		ComponentDescriptor conference = new ComponentDescriptor(1, system, "conference", "per-operation", List.of(
				new EntityDescriptor("Talk", "Talks", List.of(new FieldDescriptor("capacity", FieldType.scalar("Int", true), FieldRules.NONE))),
				new EntityDescriptor("Registration", "Registrations", List.of(
						new FieldDescriptor("attendee", FieldType.scalar("String", true), FieldRules.NONE),
						new FieldDescriptor("talk", FieldType.reference("conference", "Talk", true), FieldRules.NONE)))),
				null, null, null, null,
				hooked ? List.of(new dev.byron.runtime.descriptor.HookDescriptor("BEFORE", "createRegistration", "checkCapacity", key))
						: List.of());
		var database = mongo.getDatabase(new dev.byron.runtime.broker.Names(system).database("conference"));
		Hooks hooks = Hooks.builder().command("checkCapacity", ctx -> {
			String talk = (String) ctx.state().get("talk");
			int capacity;
			long taken;
			if (fencing == Fencing.UNFENCED) {
				capacity = database.getCollection("Talk").find(new org.bson.Document("_id", talk)).first().getInteger("capacity");
				taken = database.getCollection("Registration").countDocuments(com.mongodb.client.model.Filters.and(
						com.mongodb.client.model.Filters.ne("_deleted", true), com.mongodb.client.model.Filters.eq("talk", talk)));
			} else {
				capacity = ((Number) ctx.component().find("Talk", talk).orElseThrow().get("capacity")).intValue();
				taken = ctx.component().count("Registration", "talk", talk);
			}
			if (taken >= capacity) {
				throw new dev.byron.runtime.api.ByronException(dev.byron.runtime.api.ErrorCode.CONFLICT, "full");
			}
		}).build();
		try (Broker broker = Broker.connect(natsUrl, system, "bench");
				ByronComponent component = ByronComponent.from(conference).broker(broker).mongo(mongo).cacheWrites(EMBEDDED).hooks(hooks).maxInFlight(256)
						.start()) {
			List<String> talks = new ArrayList<>();
			for (int t = 0; t < 50; t++) {
				talks.add(component.commands().create("Talk", Map.of("capacity", 1_000_000), null).id());
			}
			String url = component.graphqlUrl();
			if (System.getenv("BYRON_BENCH_STEPS") != null) {
				Runtime.getRuntime().addShutdownHook(new Thread(() -> java.util.stream.Stream.of("byron.command.step", "byron.fence.wait")
						.flatMap(name -> component.metrics().find(name).timers().stream())
						.forEach(t -> System.err.printf("%s %s %.2f ms%n", system, java.util.Objects.requireNonNullElse(t.getId().getTag("step"), "fence " + t.getId().getTag("phase")),
								t.mean(java.util.concurrent.TimeUnit.MILLISECONDS)))));
			}
			Request register = i -> {
				String body = JSON.writeValueAsString(Map.of("query", "mutation($in: RegistrationInput!) { createRegistration(input: $in) { id } }",
						"variables", Map.of("in", Map.of("attendee", "a" + i, "talk", talks.get(i % talks.size())))));
				Map<?, ?> response = JSON.readValue(post(url, body), Map.class);
				if (response.get("errors") != null) {
					throw new IllegalStateException("mutation failed: " + response.get("errors"));
				}
			};
			// each variant is a new component: a quarter as many requests first, unmeasured, so none is timed cold
			int warmUp = count / 4;
			runClients(clients, warmUp, i -> register.run(count + i));
			return requests(clients, count, register);
		}
	}

	/** The raw pipeline's HTTP + publish-ack, timed per request like {@link #registrations}. */
	private static Result rawRequests(String natsUrl, MongoClient mongo, String system, int clients, int count) throws Exception {
		String stream = "rawq-" + system;
		String subject = "rawq." + system + ".registrations";
		try (Connection nc = Nats.connect(natsUrl)) {
			nc.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream).subjects(subject)
					.storageType(StorageType.File).build());
			JetStream js = nc.jetStream();
			HttpServer server = rawServer(js, subject, system, "/registrations", input -> Map.of("attendee", input.get("attendee")));
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/registrations";
			try {
				Request register = i -> post(url, JSON.writeValueAsString(Map.of("attendee", "a" + i)));
				runClients(clients, count / 4, i -> register.run(count + i)); // unmeasured, as for Byron's
				return requests(clients, count, register);
			} finally {
				server.stop(0);
			}
		}
	}

	/**
	 * The hand-written API: HTTP in, the input's {@code fields} plus a new id published with an ack on {@code subject},
	 * the id answered. What the raw pipeline does in place of Byron's.
	 */
	private static HttpServer rawServer(JetStream js, String subject, String system, String path,
			java.util.function.Function<Map<?, ?>, Map<String, Object>> fields) throws IOException {
		return rawServer(js, subject, system, path, fields, event -> true, id -> {
		});
	}

	/** A step of the hand-written API around its publish. */
	interface RawStep<T> {
		void run(T value) throws Exception;
	}

	/**
	 * The hand-written API with a check before the publish ({@code claim}: false answers 409 and publishes nothing) and
	 * a wait after it ({@code settled}, given the id).
	 */
	private static HttpServer rawServer(JetStream js, String subject, String system, String path,
			java.util.function.Function<Map<?, ?>, Map<String, Object>> fields,
			java.util.function.Predicate<Map<String, Object>> claim, RawStep<String> settled) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
		server.setExecutor(Executors.newFixedThreadPool(16));
		AtomicInteger ids = new AtomicInteger();
		server.createContext(path, exchange -> {
			try {
				Map<?, ?> input = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
				String id = system + "-" + ids.incrementAndGet();
				Map<String, Object> event = new java.util.LinkedHashMap<>(fields.apply(input));
				event.put("id", id);
				if (!claim.test(event)) {
					exchange.sendResponseHeaders(409, -1);
					exchange.close();
					return;
				}
				js.publish(subject, JSON.writeValueAsBytes(event));
				settled.run(id);
				byte[] answer = JSON.writeValueAsBytes(Map.of("id", id));
				exchange.sendResponseHeaders(200, answer.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			} catch (Exception e) {
				exchange.sendResponseHeaders(500, -1);
				exchange.close();
			}
		});
		server.start();
		return server;
	}

	interface Request {
		void run(int i) throws Exception;
	}

	private static Result requests(int clients, int count, Request request) throws Exception {
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		double seconds = runClients(clients, count, i -> {
			long start = System.nanoTime();
			request.run(i);
			latencies.add((System.nanoTime() - start) / 1e6);
		});
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(count / seconds, percentile(sorted, 0.5), percentile(sorted, 0.99));
	}

	/** {@code clients} threads run requests 0 .. count-1 between them, all starting at once; the seconds it took. */
	private static double runClients(int clients, int count, Request request) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			futures.add(pool.submit(() -> {
				go.await();
				int i;
				while ((i = next.getAndIncrement()) < count) {
					request.run(i);
				}
				return null;
			}));
		}
		long start = System.nanoTime();
		go.countDown();
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		return (System.nanoTime() - start) / 1e9;
	}


	private static Pipeline byron(String natsUrl, MongoClient mongo, String system) throws Exception {
		Map<String, Long> visible = new ConcurrentHashMap<>();
		Hooks hooks = Hooks.builder().event("seen", ctx -> visible.put(ctx.event().entityId(), System.nanoTime())).build();
		FieldDescriptor handle = new FieldDescriptor("handle", FieldType.scalar("String", true),
				FieldRules.NONE.withUnique().withPattern("^[a-z0-9_]{3,15}$"));
		FieldDescriptor name = new FieldDescriptor("name", FieldType.scalar("String", true), FieldRules.NONE.withLength(1, 50));
		ComponentDescriptor accounts = new ComponentDescriptor(1, system, "accounts", "per-operation",
				List.of(new EntityDescriptor("User", "Users", List.of(handle, name, new FieldDescriptor("age",
						FieldType.scalar("Int", false), FieldRules.NONE.withRange(BigDecimal.ZERO, BigDecimal.valueOf(150)))))),
				null, null, null, null, null);
		ComponentDescriptor posts = new ComponentDescriptor(1, system, "posts", "per-operation", List.of(), null, null,
				List.of(new ReplicaDescriptor("accounts", "User", List.of(handle, name))),
				List.of(new ReactionDescriptor("accounts", "UserCreated", "seen")), null);
		Broker broker = Broker.connect(natsUrl, system, "bench");
		ByronComponent a = ByronComponent.from(accounts).broker(broker).mongo(mongo).cacheWrites(EMBEDDED).maxInFlight(256).start();
		ByronComponent p = ByronComponent.from(posts).broker(broker).mongo(mongo).cacheWrites(EMBEDDED).hooks(hooks).start();
		String url = a.graphqlUrl();
		if (System.getenv("BYRON_BENCH_STEPS") != null) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> java.util.stream.Stream.concat(a.metrics().find("byron.command.step").timers().stream(), a.metrics().find("byron.sink.delay").timers().stream()).toList()
					.forEach(t -> System.err.printf("%s %s %.2f ms%n", system, java.util.Objects.requireNonNullElse(t.getId().getTag("step"), "sink-delay"),
							t.mean(java.util.concurrent.TimeUnit.MILLISECONDS)))));
		}
		return pipeline(visible, i -> {
			String body = JSON.writeValueAsString(Map.of("query", "mutation($in: UserInput!) { createUser(input: $in) { id } }",
					"variables", Map.of("in", Map.of("handle", "user" + i, "name", "User " + i))));
			Map<?, ?> response = JSON.readValue(post(url, body), Map.class);
			if (response.get("errors") != null) {
				throw new IllegalStateException("mutation failed: " + response.get("errors"));
			}
			return (String) ((Map<?, ?>) ((Map<?, ?>) response.get("data")).get("createUser")).get("id");
		}, () -> {
			p.close();
			a.close();
			broker.close();
		});
	}

	/**
	 * Runs of {@code mutation} with numbers new to the pipeline (handles stay unique across its runs), each timed and
	 * followed until its writes are visible; {@code close} stops what the pipeline started.
	 */
	private static Pipeline pipeline(Map<String, Long> visible, Mutation mutation, AutoCloseable close) {
		AtomicInteger sent = new AtomicInteger();
		return new Pipeline() {
			@Override
			public Result run(int clients, int count) throws Exception {
				int first = sent.getAndAdd(count);
				return drive(clients, count, i -> mutation.run(first + i), visible);
			}

			@Override
			public void close() throws Exception {
				close.close();
			}
		};
	}

	/** The same work by hand: HTTP in, publish with ack, answer; a pull consumer writes Mongo. */
	private static Pipeline raw(String natsUrl, MongoClient mongo, String system) throws Exception {
		Map<String, Long> visible = new ConcurrentHashMap<>();
		String stream = "raw-" + system;
		String subject = "raw." + system + ".users";
		Connection nc = Nats.connect(natsUrl);
		nc.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream).subjects(subject)
				.storageType(StorageType.File).build());
		JetStream js = nc.jetStream();
		HttpServer server = rawServer(js, subject, system, "/users",
				input -> Map.of("handle", input.get("handle"), "name", input.get("name")));
		MongoCollection<Document> replica = mongo.getDatabase("raw_" + system).getCollection("users");
		Thread consumer = consume(js.subscribe(subject, PullSubscribeOptions.builder().durable("raw-consumer").build()), replica,
				id -> visible.put(id, System.nanoTime()));
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/users";
		return pipeline(visible, i -> {
			Map<?, ?> response = JSON.readValue(post(url, JSON.writeValueAsString(Map.of("handle", "u" + i, "name", "User " + i))),
					Map.class);
			return (String) response.get("id");
		}, () -> {
			consumer.interrupt();
			server.stop(0);
			nc.close();
		});
	}

	/**
	 * The raw pipeline keeping two of Byron's promises by hand: each handle claimed in a JetStream key-value bucket
	 * before the publish (a second claim of it is refused), and the answer sent once the consumer has written the
	 * document (read-your-writes). What is left between this and Byron is Byron's own doing.
	 */
	private static Pipeline rawKeepingPromises(String natsUrl, MongoClient mongo, String system) throws Exception {
		Map<String, Long> visible = new ConcurrentHashMap<>();
		Map<String, java.util.concurrent.CompletableFuture<Void>> written = new ConcurrentHashMap<>();
		String stream = "rawp-" + system;
		String subject = "rawp." + system + ".users";
		Connection nc = Nats.connect(natsUrl);
		nc.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream).subjects(subject)
				.storageType(StorageType.File).build());
		nc.keyValueManagement().create(io.nats.client.api.KeyValueConfiguration.builder().name(stream).storageType(StorageType.File).build());
		io.nats.client.KeyValue claims = nc.keyValue(stream);
		JetStream js = nc.jetStream();
		HttpServer server = rawServer(js, subject, system, "/users", input -> Map.of("handle", input.get("handle"), "name", input.get("name")),
				event -> {
					try {
						claims.create(String.valueOf(event.get("handle")), String.valueOf(event.get("id")).getBytes(StandardCharsets.UTF_8));
						return true;
					} catch (io.nats.client.JetStreamApiException taken) {
						return false;
					} catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				}, id -> written.computeIfAbsent(id, k -> new java.util.concurrent.CompletableFuture<>())
						.get(5, java.util.concurrent.TimeUnit.SECONDS));
		MongoCollection<Document> replica = mongo.getDatabase("rawp_" + system).getCollection("users");
		Thread consumer = consume(js.subscribe(subject, PullSubscribeOptions.builder().durable("rawp-consumer").build()), replica, id -> {
			written.computeIfAbsent(id, k -> new java.util.concurrent.CompletableFuture<>()).complete(null);
			visible.put(id, System.nanoTime());
		});
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/users";
		return pipeline(visible, i -> {
			Map<?, ?> response = JSON.readValue(post(url, JSON.writeValueAsString(Map.of("handle", "u" + i, "name", "User " + i))),
					Map.class);
			written.remove((String) response.get("id"));
			return (String) response.get("id");
		}, () -> {
			consumer.interrupt();
			server.stop(0);
			nc.close();
		});
	}

	/** The hand-written consumer: each message's document written to {@code replica} by id, acknowledged, then passed on. */
	private static Thread consume(JetStreamSubscription sub, MongoCollection<Document> replica, java.util.function.Consumer<String> written) {
		Thread consumer = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Iterator<Message> batch = sub.iterate(64, Duration.ofMillis(200));
					while (batch.hasNext()) {
						Message m = batch.next();
						Document doc = Document.parse(new String(m.getData(), StandardCharsets.UTF_8));
						String id = doc.getString("id");
						replica.replaceOne(Filters.eq("_id", id), doc.append("_id", id), new ReplaceOptions().upsert(true));
						m.ack();
						written.accept(id);
					}
				} catch (RuntimeException e) {
					return;
				}
			}
		});
		consumer.setDaemon(true);
		consumer.start();
		return consumer;
	}

	interface Mutation {
		String run(int i) throws Exception;
	}

	private static Result drive(int clients, int count, Mutation mutation, Map<String, Long> visible) throws Exception {
		Map<String, Long> accepted = new ConcurrentHashMap<>();
		double seconds = runClients(clients, count, i -> accepted.put(mutation.run(i), System.nanoTime()));
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!visible.keySet().containsAll(accepted.keySet()) && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		List<Double> latencies = new ArrayList<>();
		accepted.forEach((id, t) -> {
			Long seen = visible.get(id);
			if (seen != null) {
				latencies.add(Math.max(0, seen - t) / 1e6);
			}
		});
		Collections.sort(latencies);
		if (latencies.size() < accepted.size()) {
			throw new IllegalStateException((accepted.size() - latencies.size()) + " mutations never became visible");
		}
		return new Result(count / seconds, percentile(latencies, 0.5), percentile(latencies, 0.99));
	}

	private static double percentile(List<Double> sorted, double p) {
		return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
	}

	private static String post(String url, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String natsServer() {
		for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return "nats-server";
	}
}
