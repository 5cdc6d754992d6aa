package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code byron run examples/microblog} as a user runs it: a separate process, spoken to over HTTP only.
 * Users, a duplicate handle, follows, a post fanned out to timelines, a stopped component, a restart.
 */
class RunEndToEndTest {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	record Running(Process process, List<String> output, String gateway, int port) {
	}

	@Test
	@SuppressWarnings("unchecked")
	void microblogRunsKeepsItsDataAndIsolatesAStoppedComponent() throws Exception {
		Path project = dir.resolve("microblog");
		CliTest.copyExample("microblog", project);
		Running run = start(project);
		String ada;
		String bob;
		try {
			ada = id(gql(run, "mutation { createUser(input: {handle: \"Ada\", name: \"Ada Lovelace\"}) { id handle } }"), "createUser");
			assertThat(handle(run, ada)).as("the before hook normalized the handle").isEqualTo("ada");
			bob = id(gql(run, "mutation { createUser(input: {handle: \"bob\", name: \"Bob\"}) { id } }"), "createUser");
			String accounts = run.output().stream().filter(line -> line.trim().startsWith("accounts ")).findFirst().orElseThrow()
					.replaceAll(".*(http://\\S+).*", "$1");
			HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(accounts)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"mutation { createUser(input: {handle: \\\"mallory\\\", name: \\\"M\\\"}) { id } }\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(direct.statusCode()).as("a component called past the gateway: " + direct.body()).isEqualTo(401);
			Map<String, Object> duplicate = gql(run, "mutation { createUser(input: {handle: \"ada\", name: \"Other\"}) { id } }");
			assertThat(code(duplicate)).isEqualTo("CONFLICT");

			await("social knows both users", () -> !errors(gql(run, "mutation { createFollow(input: {follower: \"" + bob
					+ "\", followee: \"" + ada + "\"}) { id } }")));
			Map<String, Object> self = gql(run, "mutation { createFollow(input: {follower: \"" + bob + "\", followee: \"" + bob + "\"}) { id } }");
			assertThat(code(self)).as("the typed before hook refuses a self-follow").isEqualTo("VALIDATION");
			assertThat(gql(run, "{ followers(user: \"" + ada + "\") { follower { handle } } }").toString())
					.as("a typed resolver").contains("handle=bob");
			await("posts knows ada", () -> !errors(gql(run, "mutation { createPost(input: {author: \"" + ada
					+ "\", text: \"Hello, world\"}) { id } }")));
			await("the post reached bob's timeline", () -> gql(run, "{ feed(owner: \"" + bob + "\") { post { text } } }")
					.toString().contains("Hello, world"));

			Map<String, Object> stopped = post(run.gateway().replace("/graphql", "/_byron/components/posts/stop"));
			assertThat(stopped).containsEntry("posts", false).containsEntry("accounts", true);
			Map<String, Object> partial = gql(run, "{ posts { nodes { text } } users { nodes { handle } } }");
			assertThat(code(partial)).isEqualTo("UNAVAILABLE");
			Map<String, Object> data = (Map<String, Object>) partial.get("data");
			assertThat(data.get("posts")).isNull();
			assertThat(data.get("users").toString()).contains("ada").contains("bob");
			post(run.gateway().replace("/graphql", "/_byron/components/posts/start"));
			assertThat(errors(gql(run, "{ posts { nodes { text } } }"))).isFalse();
		} finally {
			stop(run);
		}

		Running again = start(project, run.port());
		try {
			assertThat(handle(again, ada)).as("data survives a restart").isEqualTo("ada");
			assertThat(gql(again, "{ feed(owner: \"" + bob + "\") { post { text } } }").toString()).contains("Hello, world");
			assertThat(gql(again, "{ posts { nodes { text likeCount author { handle } } } }").toString())
					.contains("text=Hello, world, likeCount=0, author={handle=ada}");
		} finally {
			stop(again);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void shopRunsItsChoreographyAndCompensatesAFailedPayment() throws Exception {
		Path project = dir.resolve("shop");
		CliTest.copyExample("shop", project);
		Running run = start(project);
		try {
			String book = id(gql(run, "mutation { createProduct(input: {sku: \"BOOK-1\", name: \"Book\", price: 20, stock: 5}) { id } }"), "createProduct");
			String tv = id(gql(run, "mutation { createProduct(input: {sku: \"TV-01\", name: \"TV\", price: 600, stock: 4}) { id } }"), "createProduct");
			String paid = order(run, "ada@example.com", book, 2, 20);
			String declined = order(run, "bob@example.com", tv, 2, 600);
			await("the paid order went through", () -> gql(run, "{ order(id: \"" + paid + "\") { status } }").toString().contains("PAID"));
			await("the declined order was cancelled", () -> gql(run, "{ order(id: \"" + declined + "\") { status } }").toString().contains("CANCELLED"));
			await("the declined order's stock came back", () -> gql(run, "{ product(id: \"" + tv + "\") { stock } }").toString().contains("stock=4"));
			assertThat(gql(run, "{ product(id: \"" + book + "\") { stock } }").toString()).contains("stock=3");
			await("a shipment is prepared", () -> gql(run, "{ shipments { nodes { status } } }").toString().contains("PREPARING"));
			await("bob was told", () -> gql(run, "{ notifications { nodes { recipient subject } } }").toString()
					.contains("recipient=bob@example.com, subject=Your payment failed"));

			String placeOrder = traceIds.get(0);
			await("the paid order's trace reached payments and inventory", () -> trace(project, placeOrder).contains("payments")
					&& trace(project, placeOrder).contains("inventory"));
			String tree = trace(project, placeOrder.substring(0, 12));
			assertThat(tree).startsWith("trace " + placeOrder).contains("gateway       graphql mutation placeOrder", "gateway       call orders",
					"orders        graphql request", "orders        command ", "append ", "orders        publish OrderPlaced",
					"sink orders.OrderPlaced", "payments      sink inventory.StockReserved");
			assertThat(tree.lines().filter(l -> l.contains(" sink ")).count()).as(tree).isGreaterThanOrEqualTo(3);
			StringWriter listed = new StringWriter();
			assertThat(Byron.commandLine().setOut(new PrintWriter(listed)).execute("trace", "--project", project.toString()))
					.isZero();
			assertThat(listed.toString()).contains(placeOrder);
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "\nbyron run said:\n" + String.join("\n", run.output()), e);
		} finally {
			stop(run);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void conferenceAcceptsExactlyItsSeatsWhenRegistrationsRaceThroughTheGatewayAndAnnouncesOnce() throws Exception {
		Path project = dir.resolve("conference");
		CliTest.copyExample("conference", project);
		Running run = start(project);
		try {
			String talk = id(gql(run, "mutation { createTalk(input: {title: \"Exact rules\", capacity: 5}) { id } }"), "createTalk");
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
			List<java.util.concurrent.Future<Map<String, Object>>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String attendee = "attendee" + i + "@example.com";
				answers.add(pool.submit(() -> gql(run, "mutation { createRegistration(input: {attendee: \"" + attendee
						+ "\", talk: \"" + talk + "\"}) { id } }")));
			}
			List<String> codes = new java.util.ArrayList<>();
			for (var answer : answers) {
				Map<String, Object> result = answer.get();
				codes.add(errors(result) ? code(result) : "OK");
			}
			pool.shutdown();
			assertThat(codes).as(codes.toString()).filteredOn("OK"::equals).hasSize(5);
			assertThat(codes).filteredOn(c -> !"OK".equals(c)).hasSize(7).containsOnly("CONFLICT");
			await("the mailer announced the full talk", () -> gql(run, "{ announcements { nodes { text } } }").toString()
					.contains("is full"));
			Thread.sleep(500);
			assertThat(gql(run, "{ announcements { nodes { text } } }").toString().split("is full", -1)).as("once").hasSize(2);
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "\nbyron run said:\n" + String.join("\n", run.output()), e);
		} finally {
			stop(run);
		}
	}

	private static final List<String> traceIds = new CopyOnWriteArrayList<>();

	private static String order(Running run, String email, String product, int quantity, int price) throws Exception {
		String order = id(gql(run, "mutation { createOrder(input: {email: \"" + email + "\", total: 0}) { id } }"), "createOrder");
		await("orders knows the product", () -> !errors(gql(run, "mutation { createOrderLine(input: {order: \"" + order
				+ "\", product: \"" + product + "\", quantity: " + quantity + ", unitPrice: " + price + "}) { id } }")));
		Map<String, Object> placed = gql(run, "mutation { placeOrder(order: \"" + order + "\") { total } }");
		assertThat(placed).doesNotContainKey("errors");
		traceIds.add((String) ((Map<?, ?>) placed.get("extensions")).get("traceId"));
		return order;
	}

	/** {@code byron trace} run in this JVM against the run's trace file. */
	private static String trace(Path project, String id) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = Byron.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
				.execute("trace", id, "--project", project.toString());
		return exit == 0 ? out.toString() : err.toString();
	}

	/** {@code byron run} on a free port. */
	private Running start(Path project) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		return start(project, port);
	}

	private Running start(Path project, int port) throws Exception {
		String classpath = Files.readString(Path.of("target/runtime-classpath.txt")).trim() + ":target/classes";
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
				Byron.class.getName(), "run", project.toString(), "--port", String.valueOf(port)).redirectErrorStream(true).start();
		List<String> output = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					output.add(line);
				}
			} catch (Exception e) {
				// the process ended
			}
		});
		reader.setDaemon(true);
		reader.start();
		Running running = new Running(process, output, "http://127.0.0.1:" + port + "/graphql", port);
		try {
			// the banner ends with this line; waiting for "is running" alone raced the lines printed after it
			await("byron run is up: " + output, () -> output.stream().anyMatch(l -> l.contains("Press Ctrl-C to stop.")) || !process.isAlive());
			assertThat(process.isAlive()).as(String.join("\n", output)).isTrue();
			assertThat(output).anyMatch(l -> l.contains("GraphQL + GraphiQL   http://localhost:" + port + "/graphql"));
			assertThat(output).as("a healthy start has no library warnings").noneMatch(l -> l.contains(" WARN "));
			return running;
		} catch (AssertionError | RuntimeException e) {
			stop(running); // a start that failed the test must not outlive it, with its nats-server
			throw e;
		}
	}

	private static void stop(Running run) throws InterruptedException {
		run.process().destroy(); // SIGTERM, as Ctrl-C would
		assertThat(run.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
	}

	private static String handle(Running run, String id) throws Exception {
		Map<String, Object> user = gql(run, "{ user(id: \"" + id + "\") { handle } }");
		return (String) ((Map<?, ?>) ((Map<?, ?>) user.get("data")).get("user")).get("handle");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> gql(Running run, String query) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(run.gateway()))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readValue(response.body(), Map.class);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> post(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readValue(response.body(), Map.class);
	}

	private static String id(Map<String, Object> response, String field) {
		assertThat(response).doesNotContainKey("errors");
		return (String) ((Map<?, ?>) ((Map<?, ?>) response.get("data")).get(field)).get("id");
	}

	private static boolean errors(Map<String, Object> response) {
		return response.containsKey("errors");
	}

	private static String code(Map<String, Object> response) {
		List<?> errors = (List<?>) response.get("errors");
		return errors == null ? null : (String) ((Map<?, ?>) ((Map<?, ?>) errors.get(0)).get("extensions")).get("code");
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not reached within 60 s: " + what);
			}
			Thread.sleep(100);
		}
	}
}
