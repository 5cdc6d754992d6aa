package dev.byron.bench.http;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.http.GraphQLHandler;
import dev.byron.runtime.http.ServerLimits;
import dev.byron.runtime.http.WebServer;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * Byron as a user runs it, measured from outside: {@code byron run examples/microblog} (the distribution's jar, its
 * own JVM, no bench-only flags) under 1, 8 and 32 kept-alive connections, a query and a mutation, beside the bare
 * baseline of what the stack can do here: graphql-java answering the same query from memory on the same HTTP server
 * in a JVM of its own. {@code bench/run http [seconds]}; docs/benchmarks.md's HTTP table comes from it.
 */
public final class HttpBench {
	private static final String QUERY = "{ users(first: 10) { nodes { id handle } } }";
	private static final int[] CONNECTIONS = { 1, 8, 32 };
	private static final Duration ROUND = Duration.ofSeconds(5);
	private static final int ROUNDS = 3;

	private HttpBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("bare")) {
			bare(Integer.parseInt(args[1]));
			return;
		}
		if (args.length == 2 && args[0].equals("bare-db")) {
			bareWithDatabase(Integer.parseInt(args[1]));
			return;
		}
		if (args.length == 3 && args[0].equals("hop")) {
			hop(Integer.parseInt(args[1]), URI.create(args[2]));
			return;
		}
		Duration each = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
		Path jar = Path.of("byron.cli/target/byron.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Build the distribution first: ./mvnw -pl byron.cli -am package -DskipTests");
		}
		List<String[]> queries = new ArrayList<>();
		List<String[]> mutations = new ArrayList<>();
		List<String> warmUps = new ArrayList<>();
		int barePort = freePort();
		int dbPort = freePort();
		int hopPort = freePort();
		String classPath = System.getProperty("java.class.path");
		Process bare = javaProcess(List.of("-cp", classPath, HttpBench.class.getName(), "bare", String.valueOf(barePort)));
		URI withDb = URI.create("http://127.0.0.1:" + dbPort + "/graphql");
		Process bareDb = javaProcess(List.of("-cp", classPath, HttpBench.class.getName(), "bare-db", String.valueOf(dbPort)));
		Process hop = javaProcess(List.of("-cp", classPath, HttpBench.class.getName(), "hop", String.valueOf(hopPort), withDb.toString()));
		List<String[]> floors = new ArrayList<>();
		HttpLoad.Result halfLoad = null;
		double halfOf = 0;
		Process byron = null;
		try {
			URI bareUri = URI.create("http://127.0.0.1:" + barePort + "/graphql");
			URI hopUri = URI.create("http://127.0.0.1:" + hopPort + "/graphql");
			awaitAnswer(bareUri);
			awaitAnswer(withDb);
			awaitAnswer(hopUri);
			int port = freePort();
			Path project = Files.createTempDirectory("byron-http-bench").resolve("microblog");
			dev.byron.bench.Projects.copy(Path.of("examples/microblog"), project);
			byron = javaProcess(List.of("-jar", jar.toString(), "run", project.toString(), "--port", String.valueOf(port)));
			URI gateway = URI.create("http://127.0.0.1:" + port + "/graphql");
			awaitAnswer(gateway);
			for (int i = 0; i < 10; i++) {
				send(gateway, "{\"query\":\"mutation { createUser(input: {handle: \\\"seed" + i + "\\\", name: \\\"Seed\\\"}) { id } }\"}");
			}
			String queryBody = "{\"query\":\"" + QUERY + "\"}";
			// warm-up: every JVM compiles its hot paths first; on 2 cores Byron's (two GraphQL executions, a MongoDB
			// read) is still compiling after 30 s, and a server in use has long been warm
			Process server = byron;
			warmUps.add(Compiled.warm("the query through Byron", () -> HttpLoad.run(gateway, 8, ROUND, i -> queryBody, ok()).perSecond(), server));
			warmUps.add(Compiled.warm("the bare baseline", () -> HttpLoad.run(bareUri, 8, ROUND, i -> queryBody, ok()).perSecond(), bare));
			warmUps.add(Compiled.warm("the read behind a hop", () -> HttpLoad.run(hopUri, 8, ROUND, i -> queryBody, ok()).perSecond(),
					hop, bareDb));
			// the loads take turns, three rounds of each, and each figure is its median: one sample per load on 2 cores
			// is as likely to catch the machine's noise as the load's effect
			Map<Integer, List<HttpLoad.Result>> bases = new java.util.TreeMap<>();
			Map<Integer, List<HttpLoad.Result>> throughs = new java.util.TreeMap<>();
			Map<Integer, List<HttpLoad.Result>> reads = new java.util.TreeMap<>();
			Map<Integer, List<HttpLoad.Result>> hops = new java.util.TreeMap<>();
			for (int round = 0; round < ROUNDS; round++) {
				for (int connections : CONNECTIONS) {
					bases.computeIfAbsent(connections, c -> new ArrayList<>()).add(HttpLoad.run(bareUri, connections, each, i -> queryBody, ok()));
					throughs.computeIfAbsent(connections, c -> new ArrayList<>()).add(HttpLoad.run(gateway, connections, each, i -> queryBody, ok()));
					reads.computeIfAbsent(connections, c -> new ArrayList<>()).add(HttpLoad.run(withDb, connections, each, i -> queryBody, ok()));
					hops.computeIfAbsent(connections, c -> new ArrayList<>()).add(HttpLoad.run(hopUri, connections, each, i -> queryBody, ok()));
					System.out.printf(Locale.ROOT, "query round %d, %d connections: bare %,.0f, Byron %,.0f, read %,.0f, hop %,.0f /s%n", round + 1,
							connections, last(bases, connections), last(throughs, connections), last(reads, connections), last(hops, connections));
				}
			}
			for (int connections : CONNECTIONS) {
				HttpLoad.Result base = median(bases.get(connections));
				HttpLoad.Result through = median(throughs.get(connections));
				queries.add(new String[] { String.valueOf(connections), figures(base), figures(through),
						String.format(Locale.ROOT, "%.2f", through.perSecond() / base.perSecond()), rates(throughs.get(connections)),
						String.valueOf(failed(bases.get(connections)) + failed(throughs.get(connections))) });
				HttpLoad.Result read = median(reads.get(connections));
				HttpLoad.Result hopped = median(hops.get(connections));
				floors.add(new String[] { String.valueOf(connections), figures(read), figures(hopped),
						String.format(Locale.ROOT, "%.2f", read.perSecond() / base.perSecond()),
						String.format(Locale.ROOT, "%.2f", hopped.perSecond() / base.perSecond()),
						String.format(Locale.ROOT, "%.2f", through.perSecond() / hopped.perSecond()),
						String.valueOf(failed(reads.get(connections)) + failed(hops.get(connections))) });
			}
			// the mutations come last: the users they create would make the query read a larger collection
			warmUps.add(Compiled.warm("createUser through Byron", createUsers(gateway), server));
			Map<Integer, List<HttpLoad.Result>> creates = new java.util.TreeMap<>();
			for (int round = 0; round < ROUNDS; round++) {
				for (int connections : CONNECTIONS) {
					String prefix = "h" + round + "c" + connections + "x";
					creates.computeIfAbsent(connections, c -> new ArrayList<>()).add(HttpLoad.run(gateway, connections, each,
							i -> createUser(prefix + Integer.toString(i, 36)), ok()));
				}
			}
			double most = 0;
			for (int connections : CONNECTIONS) {
				HttpLoad.Result created = median(creates.get(connections));
				mutations.add(new String[] { String.valueOf(connections), figures(created), rates(creates.get(connections)),
						String.valueOf(failed(creates.get(connections))) });
				most = Math.max(most, created.perSecond());
			}
			halfLoad = HttpLoad.atRate(gateway, 32, most / 2, each, i -> createUser("half" + Integer.toString(i, 36)), ok());
			halfOf = most;
		} finally {
			bare.destroyForcibly();
			bareDb.destroyForcibly();
			hop.destroyForcibly();
			stop(byron);
		}
		List<String[]> scaled = new ArrayList<>();
		for (List<String> flags : List.of(List.of("--replicas", "2"), List.of("--nats-cluster", "3"))) {
			Process run = null;
			try {
				int port = freePort();
				Path project = Files.createTempDirectory("byron-http-bench").resolve("microblog");
				dev.byron.bench.Projects.copy(Path.of("examples/microblog"), project);
				List<String> command = new ArrayList<>(List.of("-jar", jar.toString(), "run", project.toString(), "--port", String.valueOf(port)));
				command.addAll(flags);
				run = javaProcess(command);
				URI gateway = URI.create("http://127.0.0.1:" + port + "/graphql");
				awaitAnswer(gateway);
				warmUps.add(Compiled.warm("createUser, " + String.join(" ", flags), createUsers(gateway), run));
				List<String> row = new ArrayList<>(List.of("`" + String.join(" ", flags) + "`"));
				for (int connections : new int[] { 8, 32 }) {
					int load = connections;
					HttpLoad.Result created = HttpLoad.run(gateway, connections, each,
							i -> createUser("s" + load + "x" + Integer.toString(i, 36)), ok());
					row.add(figures(created));
					row.add(String.valueOf(created.failed()));
				}
				scaled.add(row.toArray(String[]::new));
			} finally {
				stop(run);
			}
		}
		warmUps.forEach(System.out::println);
		System.out.println("\nbyron run examples/microblog (java -jar byron.jar, as shipped) vs graphql-java from memory on the same HTTP"
				+ " server, " + each.toSeconds() + " s per load after each server's JIT compiler is done (rounds of "
				+ ROUND.toSeconds() + " s at 8 connections until it takes under 5% of each of three); the loads take turns, "
				+ ROUNDS + " rounds of each, and each figure is the median round's, "
				+ Runtime.getRuntime().availableProcessors() + " cores\n");
		System.out.println("`" + QUERY + "`\n");
		System.out.println("| connections | bare req/s (p50 / p99 ms) | through the gateway req/s (p50 / p99 ms) | ratio | its rounds req/s | failed |");
		System.out.println("|---:|---|---|---:|---|---:|");
		queries.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
		System.out.println("\nWhat the hops a request through Byron makes cost by themselves: the same graphql-java reading the 10 users"
				+ " from an embedded MongoDB (the H2 store of byron run) over the MongoDB driver, then that behind one more HTTP hop"
				+ " (a server forwarding the body with Jetty's client, as the gateway calls a component)\n");
		System.out.println("| connections | bare + MongoDB read req/s (p50 / p99 ms) | + one HTTP hop req/s (p50 / p99 ms) "
				+ "| read / bare | hop / bare | Byron / hop | failed |");
		System.out.println("|---:|---|---|---:|---:|---:|---:|");
		floors.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
		System.out.println("\n`createUser` (read-your-writes on, a unique handle each in variables)\n");
		System.out.println("| connections | req/s (p50 / p99 ms) | its rounds req/s | failed |");
		System.out.println("|---:|---|---|---:|");
		mutations.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
		if (halfLoad != null) {
			System.out.printf(Locale.ROOT, "%nAt half the most (%,.0f of %,.0f /s), sent at that rate whatever the answers (open loop, latency from when"
					+ " each was due): %,.0f /s answered, p50 %.1f ms, p99 %.1f ms, %d failed%n", halfOf / 2, halfOf, halfLoad.perSecond(),
					halfLoad.p50Millis(), halfLoad.p99Millis(), halfLoad.failed());
		}
		System.out.println("\n`createUser` with the system scaled out (beside the table above: one instance each, one nats-server)\n");
		System.out.println("| byron run … | 8 connections req/s (p50 / p99 ms) | failed | 32 connections req/s (p50 / p99 ms) | failed |");
		System.out.println("|---|---|---:|---|---:|");
		scaled.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
	}

	private static void stop(Process run) throws InterruptedException {
		if (run != null) {
			run.destroy(); // SIGTERM: the run stops its nats-servers
			run.waitFor();
		}
	}

	/** Warm-up rounds of {@code createUser} at 8 connections, each round's handles new. */
	private static Compiled.Round createUsers(URI gateway) {
		int[] round = { 0 };
		return () -> {
			String prefix = "w" + round[0]++ + "x";
			return HttpLoad.run(gateway, 8, ROUND, i -> createUser(prefix + Integer.toString(i, 36)), ok()).perSecond();
		};
	}

	/** A create as clients send it: one document, the value in variables. */
	private static String createUser(String handle) {
		return "{\"query\":\"mutation($handle: String!) { createUser(input: {handle: $handle, name: \\\"Load\\\"}) { id } }\","
				+ "\"variables\":{\"handle\":\"" + handle + "\"}}";
	}

	private static java.util.function.Predicate<String> ok() {
		return body -> !body.contains("\"errors\"");
	}

	/** The round with the median rate (of an odd count, so one that was measured). */
	private static HttpLoad.Result median(List<HttpLoad.Result> rounds) {
		List<HttpLoad.Result> sorted = new ArrayList<>(rounds);
		sorted.sort(java.util.Comparator.comparingDouble(HttpLoad.Result::perSecond));
		return sorted.get(sorted.size() / 2);
	}

	private static double last(Map<Integer, List<HttpLoad.Result>> rounds, int connections) {
		List<HttpLoad.Result> results = rounds.get(connections);
		return results.get(results.size() - 1).perSecond();
	}

	private static String rates(List<HttpLoad.Result> rounds) {
		return String.join(" / ", rounds.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond())).toList());
	}

	private static long failed(List<HttpLoad.Result> rounds) {
		return rounds.stream().mapToLong(HttpLoad.Result::failed).sum();
	}

	private static String figures(HttpLoad.Result result) {
		return String.format(Locale.ROOT, "%,.0f (%.1f / %.1f)", result.perSecond(), result.p50Millis(), result.p99Millis());
	}

	/** graphql-java with the query's shape, answering from memory on Byron's HTTP server and GraphQL handler. */
	private static void bare(int port) throws Exception {
		serve(port, "bare", env -> {
			List<Map<String, Object>> users = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				users.add(Map.of("id", "0192c9a0-0000-7000-8000-00000000000" + i, "handle", "seed" + i));
			}
			return Map.of("nodes", users);
		});
	}

	/** graphql-java with the query's shape, its users read from an embedded MongoDB as a component's Cache reads them. */
	private static void bareWithDatabase(int port) throws Exception {
		Path store = Files.createTempDirectory("byron-http-bench-mongo").resolve("mongo.mv");
		var mongoServer = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(store.toString()));
		mongoServer.bind("127.0.0.1", 0);
		var mongo = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort());
		var users = mongo.getDatabase("bench").getCollection("User");
		for (int i = 0; i < 10; i++) {
			users.insertOne(new org.bson.Document("_id", "0192c9a0-0000-7000-8000-00000000000" + i).append("handle", "seed" + i)
					.append("_seq", (long) i).append("_deleted", false));
		}
		serve(port, "bare-db", env -> {
			List<Map<String, Object>> nodes = new ArrayList<>();
			users.find(com.mongodb.client.model.Filters.ne("_deleted", true)).sort(com.mongodb.client.model.Sorts.ascending("_id"))
					.limit(11).forEach(d -> nodes.add(Map.of("id", d.getString("_id"), "handle", d.getString("handle"))));
			return Map.of("nodes", nodes.subList(0, Math.min(10, nodes.size())));
		});
	}

	/** graphql-java with the query's shape, {@code users} answered by {@code fetcher}, on Byron's HTTP server and GraphQL handler. */
	private static void serve(int port, String name, graphql.schema.DataFetcher<?> fetcher) throws Exception {
		var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
				type Query { users(first: Int): UserConnection }
				type UserConnection { nodes: [User!]! }
				type User { id: ID! handle: String! }
				"""), RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("users", fetcher)).build());
		GraphQL graphQL = GraphQL.newGraphQL(schema).build();
		WebServer.start("127.0.0.1", port, Map.of("/graphql", new GraphQLHandler(request -> graphQL.execute(
				ExecutionInput.newExecutionInput().query(request.query()).variables(request.variables() == null ? Map.of()
						: request.variables()).build()).toSpecification(), null, exchange -> Caller.ANONYMOUS)),
				ServerLimits.DEFAULT, name);
		Thread.sleep(Long.MAX_VALUE);
	}

	/** One HTTP hop: the request's body forwarded as it came, with Jetty's client on kept-alive connections, the answer back. */
	private static void hop(int port, URI target) throws Exception {
		var client = new org.eclipse.jetty.client.HttpClient();
		client.setMaxConnectionsPerDestination(256);
		client.start();
		WebServer.start("127.0.0.1", port, Map.of("/graphql", exchange -> {
			try {
				var answer = client.newRequest(target).method(org.eclipse.jetty.http.HttpMethod.POST)
						.body(new org.eclipse.jetty.client.BytesRequestContent("application/json", exchange.body().readAllBytes())).send();
				exchange.respond(answer.getStatus(), "application/json", answer.getContent());
			} catch (InterruptedException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
				exchange.respond(502, "text/plain", String.valueOf(e.getMessage()));
			}
		}), ServerLimits.DEFAULT, "hop");
		Thread.sleep(Long.MAX_VALUE);
	}

	private static Process javaProcess(List<String> arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

	private static void awaitAnswer(URI gateway) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (send(gateway, "{\"query\":\"{ users { nodes { id } } }\"}").contains("\"data\"")) {
					return;
				}
			} catch (java.io.IOException notYet) {
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("byron run did not answer within 120 s");
	}

	private static String send(URI uri, String body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
