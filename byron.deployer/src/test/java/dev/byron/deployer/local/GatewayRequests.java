package dev.byron.deployer.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A GraphQL request to a local run's gateway, as a client sends it, in the local-run tests. */
final class GatewayRequests {
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final ObjectMapper JSON = new ObjectMapper();

	private GatewayRequests() {
	}

	/** The answer's body; what a failed request throws is each test's to judge. */
	static String post(LocalSystem run, String query) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(run.gatewayUrl())).header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
	}
}
