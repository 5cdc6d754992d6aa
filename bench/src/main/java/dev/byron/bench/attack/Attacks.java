package dev.byron.bench.attack;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.byron.bench.attack.AttackSuite.Case;
import dev.byron.deployer.local.LocalSystem;
import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.EventCodec;
import dev.byron.runtime.event.Operation;
import io.nats.client.Nats;

/** The attacks of the suite, each adding its cases; every answer is kept for the check that no class name leaks. */
final class Attacks {
	private static final ObjectMapper JSON = new ObjectMapper();
	/** A Java or library class name, a stack frame or an exception's name in an answer. */
	private static final Pattern CLASS_NAME = Pattern.compile(
			"(java|javax|com\\.fasterxml|org\\.eclipse|graphql|io\\.nats|dev\\.byron)\\.[a-z]+\\.|\\w+Exception\\b|\\tat "
					+ "|\\b[A-Z][A-Za-z]+\\.[a-z][A-Za-z]+\\(\\)");

	static boolean namesAClass(String answer) {
		return CLASS_NAME.matcher(answer).find();
	}

	private final LocalSystem run;
	private final List<Case> cases;
	private final String gateway;
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
			.build();
	private final List<String> answers = Collections.synchronizedList(new ArrayList<>());
	private final String member;

	Attacks(LocalSystem run, List<Case> cases) throws Exception {
		this.run = run;
		this.cases = cases;
		this.gateway = run.gatewayUrl();
		this.member = token(JWSAlgorithm.HS256, AttackSuite.SECRET, claims("user-ada", List.of("member")));
	}

	/** An answer: status, body and, when it is JSON, the first error's code. */
	record Answer(int status, String body, Map<String, Object> json) {
		@SuppressWarnings("unchecked")
		String code() {
			if (json == null || !(json.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
				return null;
			}
			return String.valueOf(((Map<String, Object>) ((Map<String, Object>) errors.get(0)).getOrDefault("extensions", Map.of()))
					.get("code"));
		}

		@SuppressWarnings("unchecked")
		String message() {
			if (json == null || !(json.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
				return "";
			}
			return String.valueOf(((Map<String, Object>) errors.get(0)).get("message"));
		}

		String shown() {
			return status + (code() == null ? "" : " " + code());
		}
	}

	void stalledSockets(int count) throws Exception {
		List<Socket> stalled = openStalled(count, "POST /graphql HTTP/1.1\r\nHost: " + URI.create(gateway).getHost() + "\r\n");
		try {
			String query = "{ users(first: 1) { nodes { id } } }";
			for (int i = 0; i < 20; i++) {
				post(gateway, member, query, Map.of()); // warm-up, outside the figure
			}
			ExecutorService clients = Executors.newFixedThreadPool(4);
			List<Future<List<Double>>> results = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				results.add(clients.submit(() -> {
					List<Double> millis = new ArrayList<>();
					for (int i = 0; i < 50; i++) {
						long start = System.nanoTime();
						Answer answer = post(gateway, member, query, Map.of());
						millis.add(answer.status() == 200 && answer.code() == null ? (System.nanoTime() - start) / 1e6 : Double.MAX_VALUE);
					}
					return millis;
				}));
			}
			List<Double> all = new ArrayList<>();
			for (Future<List<Double>> result : results) {
				all.addAll(result.get());
			}
			clients.shutdown();
			Collections.sort(all);
			double p99 = all.get((int) Math.ceil(all.size() * 0.99) - 1);
			long failed = all.stream().filter(m -> m == Double.MAX_VALUE).count();
			addTimed(count + " stalled sockets (headers never finished), 200 queries from 4 other clients", "all answered, p99 < 100 ms",
					failed == 0 ? String.format(Locale.ROOT, "all answered, p99 %.1f ms", p99) : failed + " failed", failed == 0, p99 < 100);
		} finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
	}

	/** Bodies that never finish, from a caller with a valid token: more of them than the server has handler threads. */
	void stalledBodies(int count) throws Exception {
		List<Socket> stalled = openStalled(count, "POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + member
				+ "\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n{\"query\":\"");
		try {
			List<Double> millis = new ArrayList<>();
			long failed = 0;
			for (int i = 0; i < 50; i++) {
				long start = System.nanoTime();
				Answer answer = post(gateway, member, "{ users(first: 1) { nodes { id } } }", Map.of());
				if (answer.status() == 200 && answer.code() == null) {
					millis.add((System.nanoTime() - start) / 1e6);
				} else {
					failed++;
				}
			}
			Collections.sort(millis);
			double p99 = millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1);
			addTimed(count + " stalled bodies sent with a valid token, 50 queries from another client", "all answered, slowest < 100 ms",
					failed == 0 ? String.format(Locale.ROOT, "all answered, slowest %.1f ms", p99) : failed + " failed", failed == 0,
					p99 < 100);
		} finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
	}

	/** Sockets that each sent the start of a request and nothing more. */
	private List<Socket> openStalled(int count, String start) throws java.io.IOException {
		URI uri = URI.create(gateway);
		List<Socket> stalled = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket(uri.getHost(), uri.getPort());
			OutputStream out = socket.getOutputStream();
			out.write(start.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			stalled.add(socket);
		}
		return stalled;
	}

	void expensiveQueries() {
		StringBuilder chain = new StringBuilder("query { users { nodes { ...F0 } } }\n");
		for (int i = 0; i < 1000; i++) {
			chain.append("fragment F").append(i).append(" on User { id ...F").append(i + 1).append(" }\n");
		}
		chain.append("fragment F1000 on User { id }\n");
		List<Double> millis = new ArrayList<>();
		Answer refused = null;
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			refused = post(gateway, member, chain.toString(), Map.of());
			millis.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(millis);
		double median = millis.get(2);
		addTimed("1,000 chained fragments (37 KB)", "VALIDATION in < 100 ms", String.format(Locale.ROOT, "%s in %.1f ms", refused.code(), median),
				"VALIDATION".equals(refused.code()), median < 100);

		StringBuilder aliases = new StringBuilder("{ ");
		for (int i = 0; i < 20_000; i++) {
			aliases.append("a").append(i).append(": __typename ");
		}
		Answer wide = post(gateway, member, aliases.append("}").toString(), Map.of());
		add("20,000 aliased fields", "VALIDATION", wide.shown(), "VALIDATION".equals(wide.code()));

		StringBuilder nested = new StringBuilder("{ __schema { types { ");
		for (int i = 0; i < 30; i++) {
			nested.append("fields { type { ");
		}
		nested.append("name ");
		for (int i = 0; i < 30; i++) {
			nested.append("} } ");
		}
		Answer tooDeep = post(gateway, member, nested.append("} } }").toString(), Map.of());
		add("introspection nested 60 levels deep", "VALIDATION", tooDeep.shown(), "VALIDATION".equals(tooDeep.code()));
	}

	void crossSiteRequests() throws Exception {
		String mutation = "{\"query\": \"mutation { createUser(input: {handle: \\\"csrf\\\"}) { id } }\"}";
		for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
			Answer answer = send(HttpRequest.newBuilder(URI.create(gateway)).header("Content-Type", type)
					.header("Authorization", "Bearer " + member).header("Origin", "https://evil.example")
					.POST(HttpRequest.BodyPublishers.ofString(mutation)));
			add("a web page POSTs a mutation as " + type.replaceFirst(";.*", ""), "415", answer.shown(), answer.status() == 415);
		}
		Answer get = send(HttpRequest.newBuilder(URI.create(gateway + "?query=" + java.net.URLEncoder.encode(
				"mutation { createUser(input: {handle: \"viaget\"}) { id } }", StandardCharsets.UTF_8)))
				.header("Authorization", "Bearer " + member).header("Accept", "application/json").GET());
		add("a mutation sent as GET", "405", get.shown(), get.status() == 405);
		String stop = gateway.replace("/graphql", "/_byron/components/posts/stop");
		Answer noToken = send(HttpRequest.newBuilder(URI.create(stop)).POST(HttpRequest.BodyPublishers.noBody()));
		add("stopping a component without a token", "401", noToken.shown(), noToken.status() == 401);
		Answer crossOrigin = send(HttpRequest.newBuilder(URI.create(stop)).header("Authorization", "Bearer " + member)
				.header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
		add("stopping a component from another origin, with a token", "403", crossOrigin.shown(), crossOrigin.status() == 403);
		add("components still running afterwards", "posts running", run.components().get("posts") ? "posts running" : "posts STOPPED",
				run.components().get("posts"));
	}

	void rebinding() throws Exception {
		URI uri = URI.create(gateway);
		String answer;
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(10_000);
			String host = "evil.example:" + uri.getPort();
			String body = "{\"query\":\"mutation { createUser(input: {handle: \\\"rebound\\\"}) { id } }\"}";
			socket.getOutputStream().write(("POST /graphql HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host
					+ "\r\nAuthorization: Bearer " + member + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
					+ "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		answers.add(answer.substring(Math.max(0, answer.indexOf("\r\n\r\n"))));
		String status = answer.length() >= 12 ? answer.substring(9, 12) : "none";
		add("a page whose name was rebound to 127.0.0.1 posts a mutation (Host: evil.example)", "403", status, status.equals("403"));
	}

	void tokens() throws Exception {
		String query = "{ users { nodes { id } } }";
		Map<String, String> attempts = new LinkedHashMap<>();
		attempts.put("no token", null);
		attempts.put("alg none", new PlainJWT(claims("user-ada", List.of("admin")).build()).serialize());
		attempts.put("signed with another key", token(JWSAlgorithm.HS256, "another-secret-that-is-long-enough-0123456789",
				claims("user-ada", List.of("admin"))));
		attempts.put("expired", token(JWSAlgorithm.HS256, AttackSuite.SECRET,
				claims("user-ada", List.of("member")).expirationTime(Date.from(Instant.now().minusSeconds(3600)))));
		attempts.put("another issuer", token(JWSAlgorithm.HS256, AttackSuite.SECRET,
				claims("user-ada", List.of("member")).issuer("https://evil.example/")));
		attempts.put("empty subject", token(JWSAlgorithm.HS256, AttackSuite.SECRET, claims("", List.of("member"))));
		attempts.put("HS512, which a 44-byte secret cannot sign", token(JWSAlgorithm.HS512, AttackSuite.SECRET + AttackSuite.SECRET,
				claims("user-ada", List.of("member"))));
		for (Map.Entry<String, String> attempt : attempts.entrySet()) {
			Answer answer = post(gateway, attempt.getValue(), query, Map.of());
			add("token: " + attempt.getKey(), "401 UNAUTHENTICATED", answer.shown(), answer.status() == 401
					&& "UNAUTHENTICATED".equals(answer.code()));
		}
		Answer forged = post(gateway, member, "{ users { nodes { bio } } }", Map.of(),
				Map.of(Caller.HEADER, new Caller("user-ada", Set.of("admin", "member"), Map.of()).toHeader()));
		add("a member sends a Byron-Caller header claiming admin", "FORBIDDEN (bio needs admin)", forged.shown(),
				"FORBIDDEN".equals(forged.code()));
	}

	void callsPastTheGateway() {
		int attempts = 0;
		int accepted = 0;
		List<String> headers = new ArrayList<>();
		headers.add(null);
		headers.add(new Caller("user-ada", Set.of("admin", "member"), Map.of()).toHeader());
		headers.add(GatewaySignature.withKey(GatewaySignature.newKey()).sign(new Caller("user-ada", Set.of("admin", "member"), Map.of()),
				"accounts"));
		headers.add(GatewaySignature.withKey(GatewaySignature.newKey()).sign(Caller.ANONYMOUS, "posts"));
		for (String component : List.of("accounts", "posts")) {
			String url = run.componentUrl(component);
			String create = component.equals("accounts") ? "mutation { createUser(input: {handle: \"direct\"}) { id } }"
					: "mutation { createPost(input: {author: \"user-ada\", text: \"direct\"}) { id } }";
			for (String header : headers) {
				for (String query : List.of(create, component.equals("accounts") ? "{ users { nodes { bio } } }" : "{ posts { nodes { id } } }")) {
					attempts++;
					Answer answer = post(url, null, query, Map.of(), header == null ? Map.of() : Map.of(Caller.HEADER, header));
					if (answer.status() != 401) {
						accepted++;
					}
				}
			}
		}
		add(attempts + " calls straight to components (no, forged or foreign-key signatures)", "0 accepted, all 401",
				accepted + " accepted", accepted == 0);
	}

	void poisonedEvents() throws Exception {
		Broker accounts = run.broker("accounts");
		String system = accounts.names().system();
		Answer created = post(gateway, member, "mutation { createUser(input: {handle: \"victim\", status: ACTIVE}) { id } }", Map.of());
		String victim = String.valueOf(((Map<?, ?>) ((Map<?, ?>) created.json().get("data")).get("createUser")).get("id"));
		long before = deadLetters(accounts);
		publish(accounts, event(system, "User", "poison-enum", Map.of("handle", "eve", "status", "ROOT")));
		publish(accounts, event(system, "User", "poison-type", Map.of("handle", 42)));
		publish(accounts, event(system, "Ghost", "poison-ghost", Map.of("name", "nobody")));
		accounts.jetStream().publish(accounts.names().entitySubject("accounts", "User", victim), new byte[] { 0, (byte) 0xFF, (byte) 0xFE });
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (deadLetters(accounts) - before < 4 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		long dead = deadLetters(accounts) - before;
		add("4 poisoned events on accounts' stream (bad enum, bad type, unknown entity, garbage bytes)",
				"4 dead-lettered, 0 applied", dead + " dead-lettered", dead == 4);
		Answer users = post(gateway, member, "{ users { nodes { id handle status } } }", Map.of());
		boolean readable = users.json() != null && users.json().get("data") instanceof Map<?, ?> data && data.get("users") != null
				&& users.code() == null;
		add("reading users after the poison", "data, no error, no poisoned id", readable && !users.body().contains("poison-")
				? "data" : users.shown() + " " + users.body().substring(0, Math.min(120, users.body().length())),
				readable && !users.body().contains("poison-"));
		Answer updated = post(gateway, member, "mutation($id: ID!) { updateUser(id: $id, input: {name: \"still here\"}) { name } }",
				Map.of("id", victim));
		add("updating a user whose subject got garbage", "updated", updated.code() == null ? "updated" : updated.shown(),
				updated.code() == null && updated.status() == 200);
	}

	void theBroker() {
		String url = run.natsServerUrl().orElseThrow();
		String refused;
		try (var anonymous = Nats.connect(io.nats.client.Options.builder().server(url).connectionTimeout(Duration.ofSeconds(3))
				.maxReconnects(0).build())) {
			refused = "connected";
		} catch (Exception e) {
			refused = "refused";
		}
		add("connecting to NATS without credentials", "refused", refused, refused.equals("refused"));
		Broker posts = run.broker("posts");
		String subject = posts.names().entitySubject("accounts", "User", "forged-by-posts");
		String published;
		try {
			posts.jetStream().publish(subject, "{}".getBytes(StandardCharsets.UTF_8));
			published = "published";
		} catch (Exception e) {
			published = "refused";
		}
		add("posts' NATS user publishing on accounts' subjects", "refused", published, published.equals("refused"));
	}

	void hostileValues() throws Exception {
		Answer huge = post(gateway, member, "query($id: ID!) { user(id: $id) { id } }", Map.of("id", "x".repeat(500_000)));
		add("a 500 KB id", "answer under 2 KB", huge.body().length() + " bytes, " + huge.shown(), huge.body().length() < 2048);
		Answer nul = post(gateway, member, "mutation { createUser(input: {handle: \"nul\\u0000byte\"}) { id } }", Map.of());
		add("a NUL character in a string", "VALIDATION", nul.shown(), "VALIDATION".equals(nul.code()));
		Answer bigHeader = send(HttpRequest.newBuilder(URI.create(gateway)).header("Content-Type", "application/json")
				.header("X-Filler", "x".repeat(32 * 1024)).POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")));
		add("32 KB of request headers", "431", bigHeader.shown(), bigHeader.status() == 431);
		Answer twice = send(HttpRequest.newBuilder(URI.create(gateway)).header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + member).POST(HttpRequest.BodyPublishers.ofString(
						"{\"query\": \"{ __typename }\", \"query\": \"mutation { createUser(input: {handle: \\\"twice\\\"}) { id } }\"}")));
		add("the key \"query\" twice in one body (a query, then a mutation)", "400", twice.shown(), twice.status() == 400);
		byte[] overlong = "{\"query\": \"query($h: String) { __typename }\", \"variables\": {\"h\": \"..\"}}".getBytes(StandardCharsets.UTF_8);
		int dots = new String(overlong, StandardCharsets.UTF_8).indexOf("..");
		overlong[dots] = (byte) 0xC0; // an overlong '/', which lenient decoders read as a slash
		overlong[dots + 1] = (byte) 0xAF;
		Answer malformed = send(HttpRequest.newBuilder(URI.create(gateway)).header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + member).POST(HttpRequest.BodyPublishers.ofByteArray(overlong)));
		add("an overlong UTF-8 sequence in a variable", "400", malformed.shown(), malformed.status() == 400);
		Answer literal = post(gateway, member, "{ users(first: \"ten\") { nodes { id } } }", Map.of());
		add("a wrong literal (its message must not print the parser's classes)", "VALIDATION, no AST names", literal.shown()
				+ (literal.message().contains("Value") ? " naming " + literal.message() : ""), "VALIDATION".equals(literal.code())
						&& !literal.message().contains("StringValue") && !literal.message().contains("AST"));
		Answer notJson = send(HttpRequest.newBuilder(URI.create(gateway)).header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + member).POST(HttpRequest.BodyPublishers.ofString("{\"query\": 1e999999999}")));
		add("a number too large for the JSON parser", "400", notJson.shown(), notJson.status() == 400);
	}

	void noClassNames() {
		List<String> leaking;
		synchronized (answers) {
			leaking = answers.stream().filter(Attacks::namesAClass).toList();
		}
		add("answers naming a Java or library class (of " + answers.size() + ")", "0",
				leaking.isEmpty() ? "0" : leaking.size() + ": " + leaking.get(0).substring(0, Math.min(100, leaking.get(0).length())),
				leaking.isEmpty());
	}

	private static long deadLetters(Broker broker) throws Exception {
		return broker.management().getStreamInfo(broker.names().deadLetterStream("accounts")).getStreamState().getMsgCount();
	}

	private static Event event(String system, String entity, String id, Map<String, Object> data) {
		Map<String, Object> state = new LinkedHashMap<>(data);
		state.put("id", id);
		return new Event("attack-" + id, "/byron/" + system + "/accounts", "accounts." + entity + "Created",
				"byron." + system + ".accounts.entity." + entity + "." + id, Instant.now(), null, "accounts", entity, id,
				Operation.CREATED, List.of(), List.of(entity + "Created"), state);
	}

	private static void publish(Broker broker, Event event) throws Exception {
		broker.jetStream().publish(event.subject(), EventCodec.encode(event));
	}

	private void add(String attack, String expected, String got, boolean passed) {
		cases.add(new Case(attack, expected, got, passed, passed));
	}

	/** An attempt with a time bound: {@code answered} without it, {@code passed} with it. */
	private void addTimed(String attack, String expected, String got, boolean answered, boolean inTime) {
		cases.add(new Case(attack, expected, got, answered && inTime, answered));
	}

	private static JWTClaimsSet.Builder claims(String subject, List<String> roles) {
		return new JWTClaimsSet.Builder().issuer(AttackSuite.ISSUER).subject(subject).claim("roles", roles)
				.expirationTime(Date.from(Instant.now().plusSeconds(3600)));
	}

	private static String token(JWSAlgorithm algorithm, String secret, JWTClaimsSet.Builder claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
		jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	private Answer post(String url, String token, String query, Map<String, Object> variables) {
		return post(url, token, query, variables, Map.of());
	}

	private Answer post(String url, String token, String query, Map<String, Object> variables, Map<String, String> headers) {
		try {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", query);
			body.put("variables", variables);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			headers.forEach(request::header);
			return send(request);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
			answers.add(response.body());
			Map<String, Object> json;
			try {
				json = JSON.readValue(response.body(), new TypeReference<>() {
				});
			} catch (java.io.IOException notJson) {
				json = null;
			}
			return new Answer(response.statusCode(), response.body(), json);
		} catch (java.io.IOException e) {
			return new Answer(-1, "no answer", null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Answer(-1, "interrupted", null);
		}
	}
}
