package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.GatewaySettings;
import dev.byron.runtime.gateway.QueryLimits;
import dev.byron.runtime.gateway.Route;

/** The gateway's CORS answers for browser apps on other origins, and its bound on how long a component may take. */
class GatewayEdgeTest {
	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Test
	void corsIsOpenToTheListedOriginsOnlyAndASlowComponentTimesOut() throws Exception {
		String system = TestInfra.newSystem();
		HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		slow.createContext("/graphql", exchange -> {
			try {
				Thread.sleep(3_000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			byte[] body = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		slow.start();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
				Gateway gateway = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl()),
						new Route(TestDescriptors.posts(system), "http://127.0.0.1:" + slow.getAddress().getPort() + "/graphql")),
						"127.0.0.1", 0, Map.of(), new GatewaySettings(QueryLimits.DEFAULT, null, null,
								List.of("https://app.example.com"), Duration.ofSeconds(1), null))) {
			HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(gateway.url()))
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.com")
					.header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "authorization, content-type"));
			assertThat(preflight.statusCode()).isEqualTo(204);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Authorization").contains("Idempotency-Key");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");

			HttpResponse<String> strangerPreflight = send(HttpRequest.newBuilder(URI.create(gateway.url()))
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example.net")
					.header("Access-Control-Request-Method", "POST"));
			assertThat(strangerPreflight.statusCode()).isEqualTo(403);
			assertThat(strangerPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

			String query = "{\"query\":\"{ users { nodes { handle } } }\"}";
			HttpResponse<String> fromApp = send(post(gateway.url(), query).header("Origin", "https://app.example.com"));
			assertThat(fromApp.statusCode()).isEqualTo(200);
			assertThat(fromApp.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
			HttpResponse<String> fromStranger = send(post(gateway.url(), query).header("Origin", "https://evil.example.net"));
			assertThat(fromStranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

			Http.Response mixed = Http.graphql(gateway.url(), "{ users { nodes { handle } } posts { nodes { text } } }", Map.of());
			assertThat(mixed.data()).containsKey("users").containsEntry("posts", null);
			assertThat(mixed.code()).isEqualTo("UNAVAILABLE");
			assertThat(mixed.errors().get(0).get("message").toString()).contains("posts did not answer within 1 s");
			Http.Response unanswered = Http.graphql(gateway.url(),
					"mutation { createPost(input: {author: \"u1\", text: \"hi\"}) { id } }", Map.of());
			assertThat(unanswered.code()).isEqualTo("UNAVAILABLE");
			assertThat(unanswered.errors().get(0).get("message").toString()).as("a mutation sent and not answered may have committed")
					.isEqualTo("posts did not answer within 1 s; the mutation may have been applied: send it again with the same"
							+ " Idempotency-Key header, or read before you send it again without one.");
		} finally {
			slow.stop(0);
		}
	}

	private static HttpRequest.Builder post(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
