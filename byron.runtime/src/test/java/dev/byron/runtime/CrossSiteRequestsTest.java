package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.GatewaySettings;
import dev.byron.runtime.gateway.QueryLimits;
import dev.byron.runtime.gateway.Route;
import dev.byron.runtime.gateway.auth.AuthSettings;

/**
 * What a web page the developer opens can make a browser send without asking (forms, text/plain, multipart) is
 * refused before anything runs, at the gateway and at a component; the local run's management endpoints take
 * no request from another origin, and want a token when the gateway checks tokens; a query built to make the
 * gateway's validation slow is refused on its parsed shape.
 */
class CrossSiteRequestsTest {
	private static final String SECRET = "a-shared-secret-for-local-use-only-0123456789abcdef";
	private static final HttpClient CLIENT = HttpClient.newHttpClient();
	private static final AtomicInteger managed = new AtomicInteger();
	private static Broker broker;
	private static ByronComponent accounts;
	private static Gateway open;
	private static Gateway guarded;

	@BeforeAll
	static void start() throws Exception {
		String system = TestInfra.newSystem();
		broker = TestInfra.broker(system);
		accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
		Map<String, dev.byron.runtime.http.HttpHandler> management = Map.of("/_byron/components", exchange -> {
			managed.incrementAndGet();
			exchange.respond(200);
		});
		List<Route> routes = List.of(new Route(accounts.descriptor(), accounts.graphqlUrl()));
		open = Gateway.start(routes, "127.0.0.1", 0, management, GatewaySettings.DEFAULT);
		guarded = Gateway.start(routes, "127.0.0.1", 0, management, new GatewaySettings(QueryLimits.DEFAULT,
				new AuthSettings("https://id.test/", null, null, "roles"), SECRET));
	}

	@AfterAll
	static void stop() throws Exception {
		guarded.close();
		open.close();
		accounts.close();
		broker.close();
	}

	@Test
	void aPostThatIsNotJsonIsRefusedWith415AndRunsNothing() throws Exception {
		String mutation = "{\"query\":\"mutation { createUser(input: {handle: \\\"csrf\\\", name: \\\"X\\\"}) { id } }\"}";
		for (String url : List.of(open.url(), accounts.graphqlUrl())) {
			for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
				HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
						.POST(HttpRequest.BodyPublishers.ofString(mutation)));
				assertThat(answer.statusCode()).as(url + " " + type).isEqualTo(415);
				assertThat(answer.body()).contains("Content-Type: application/json").contains("VALIDATION");
			}
			HttpResponse<String> untyped = send(HttpRequest.newBuilder(URI.create(url))
					.POST(HttpRequest.BodyPublishers.ofString(mutation)));
			assertThat(untyped.statusCode()).as("no Content-Type at all").isEqualTo(415);
		}
		Http.Response users = Http.graphql(open.url(), "{ users { nodes { handle } } }", Map.of());
		assertThat(users.errors()).isEmpty();
		assertThat(users.data().toString()).doesNotContain("csrf");

		HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(open.url()))
				.header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
		assertThat(json.statusCode()).as("JSON with a charset").isEqualTo(200);
	}

	@Test
	void aGetRunsQueriesOnlyAndGraphiqlIsForClientsThatTakeHtml() throws Exception {
		String base = open.url() + "?query=";
		HttpResponse<String> query = send(HttpRequest.newBuilder(URI.create(base + enc("{ users { nodes { handle } } }")))
				.header("Accept", "application/json").GET());
		assertThat(query.statusCode()).isEqualTo(200);
		assertThat(query.body()).contains("\"users\"");

		HttpResponse<String> mutation = send(HttpRequest.newBuilder(URI.create(base
				+ enc("mutation { createUser(input: {handle: \"viaget\", name: \"G\"}) { id } }"))).GET());
		assertThat(mutation.statusCode()).isEqualTo(405);
		assertThat(mutation.body()).contains("Mutations are sent as POST");
		assertThat(Http.graphql(open.url(), "{ users { nodes { handle } } }", Map.of()).data().toString()).doesNotContain("viaget");

		HttpResponse<String> withVariables = send(HttpRequest.newBuilder(URI.create(base + enc("query($n: Int) { users(first: $n) { nodes { id } } }")
				+ "&variables=" + enc("{\"n\": 1}"))).GET());
		assertThat(withVariables.statusCode()).isEqualTo(200);
		assertThat(withVariables.body()).doesNotContain("errors");

		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(open.url())).header("Accept", "text/html").GET());
		assertThat(page.body()).contains("<html");
		HttpResponse<String> jsonOnly = send(HttpRequest.newBuilder(URI.create(open.url())).header("Accept", "application/json").GET());
		assertThat(jsonOnly.body()).doesNotContain("<html");

		HttpResponse<String> unauthenticated = send(HttpRequest.newBuilder(URI.create(guarded.url() + "?query=" + enc("{ __typename }"))).GET());
		assertThat(unauthenticated.statusCode()).as("a query by GET needs the token like a POST").isEqualTo(401);
		HttpResponse<String> browser = send(HttpRequest.newBuilder(URI.create(base + enc("{ __typename }")))
				.header("Accept", "text/html,application/xhtml+xml").GET());
		assertThat(browser.body()).as("a browser gets GraphiQL, its editor filled from ?query=").contains("<html");
		assertThat(dev.byron.runtime.http.GraphQLHandler.parameters("query=%7B__typename%7D%ZZ")).containsKey("query");
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void aThousandChainedFragmentsAreRefusedBeforeValidationNamingTheLimit() throws Exception {
		StringBuilder chain = new StringBuilder("{ users { nodes { ...F0 } } }\n");
		for (int i = 0; i < 1_000; i++) {
			chain.append("fragment F").append(i).append(" on User { id ...F").append(i + 1).append(" }\n");
		}
		chain.append("fragment F1000 on User { id }\n");
		Http.Response refused = Http.graphql(open.url(), chain.toString(), Map.of());
		assertThat(refused.code()).isEqualTo("VALIDATION");
		assertThat(refused.errors().get(0).get("message").toString()).contains("1001 fragments").contains("at most 100");
	}

	@Test
	void aLocalRunRefusesRequestsAddressedToAnotherNameThatPointsAtIt() throws Exception {
		int before = managed.get();
		try (Gateway local = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl())), "127.0.0.1", 0,
				Map.of("/_byron/components", exchange -> {
					managed.incrementAndGet();
					exchange.respond(200);
				}), GatewaySettings.DEFAULT.withLocalHostsOnly())) {
			String rebound = rawPost(local.port(), "/_byron/components/accounts/stop", "evil.example:" + local.port(),
					"http://evil.example:" + local.port(), "");
			assertThat(rebound).as("a page whose name was rebound to 127.0.0.1").startsWith("HTTP/1.1 403").contains("localhost");
			String mutation = rawPost(local.port(), "/graphql", "evil.example:" + local.port(), "http://evil.example:" + local.port(),
					"{\"query\":\"mutation { createUser(input: {handle: \\\"rebound\\\", name: \\\"R\\\"}) { id } }\"}");
			assertThat(mutation).startsWith("HTTP/1.1 403");
			assertThat(managed.get()).isEqualTo(before);
			assertThat(rawPost(local.port(), "/_byron/components", "localhost:" + local.port(), null, "")).startsWith("HTTP/1.1 200");
			assertThat(rawPost(local.port(), "/_byron/components", "127.0.0.1:" + local.port(), null, "")).startsWith("HTTP/1.1 200");
		}
	}

	private static String rawPost(int port, String path, String host, String origin, String body) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
					+ "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(bytes);
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void managementEndpointsRefuseOtherOriginsAndWantATokenWhenTokensAreChecked() throws Exception {
		int before = managed.get();
		String stop = "/_byron/components/accounts/stop";
		assertThat(manage(open, stop, "https://evil.example.net", null).statusCode()).isEqualTo(403);
		assertThat(manage(open, stop, "null", null).statusCode()).as("a sandboxed page").isEqualTo(403);
		assertThat(managed.get()).as("nothing reached the handler").isEqualTo(before);
		assertThat(manage(open, stop, null, null).statusCode()).as("curl sends no Origin").isEqualTo(200);
		assertThat(manage(open, stop, "http://127.0.0.1:" + open.port(), null).statusCode()).as("the same origin").isEqualTo(200);

		assertThat(manage(guarded, stop, null, null).statusCode()).isEqualTo(401);
		assertThat(manage(guarded, "/_byron/components", null, null).statusCode()).as("listing too").isEqualTo(401);
		assertThat(manage(guarded, stop, null, token()).statusCode()).isEqualTo(200);
		assertThat(manage(guarded, stop, "https://evil.example.net", token()).statusCode()).isEqualTo(403);
	}

	private static HttpResponse<String> manage(Gateway gateway, String path, String origin, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
				.POST(HttpRequest.BodyPublishers.noBody());
		if (path.equals("/_byron/components")) {
			request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).GET();
		}
		if (origin != null) {
			request.header("Origin", origin);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private static String token() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer("https://id.test/")
				.subject("dev").expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
		jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
