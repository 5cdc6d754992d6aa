package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.Route;

/**
 * GraphiQL as a browser shows it: headless Chromium (installed by .ci/run) loads the gateway's page, runs
 * its scripts and renders the editor; driven by puppeteer-core, its Run button answers the query. The
 * screenshot goes to target/ for a person to look at (and to docs/images/ when it changed for the better).
 */
class GraphiQLBrowserTest {
	@TempDir
	Path profile;

	@Test
	void headlessChromiumRendersGraphiQLFromTheGateway() throws Exception {
		Path chromium = Path.of("/usr/bin/chromium");
		assumeTrue(Files.isExecutable(chromium), "Chromium is not installed here (.ci/run installs it)");
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
				Gateway gateway = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl())), "127.0.0.1", 0)) {
			String url = gateway.url() + "?query=" + URLEncoder.encode("{\n  users(first: 5) {\n    nodes { handle name }\n  }\n}\n",
					StandardCharsets.UTF_8);
			String dom = chromium(chromium, "--dump-dom", url);
			assertThat(dom).as("GraphiQL's React app rendered").contains("graphiql-container").contains(">users<").contains(">handle<");
			for (String handle : List.of("ada", "grace")) {
				String created = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url()))
						.header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
								"{\"query\":\"mutation { createUser(input: {handle: \\\"" + handle + "\\\", name: \\\"" + handle.toUpperCase()
										+ "\\\"}) { id } }\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
				assertThat(created).contains("\"id\"");
			}
			Path browser = Path.of("src/test/browser");
			Tools.npmPackages(browser, "puppeteer-core");
			Path screenshot = Path.of("target/graphiql.png").toAbsolutePath();
			Tools.Run run = Tools.run(List.of("node", "graphiql.mjs", url, screenshot.toString()), browser);
			assertThat(run.exit()).as(run.output()).isZero();
			assertThat(run.output()).as("the answer GraphiQL shows").contains("\"handle\": \"ada\"", "\"name\": \"GRACE\"");
			assertThat(Files.size(screenshot)).isGreaterThan(20_000);
		}
	}

	private String chromium(Path chromium, String action, String url) throws Exception {
		List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,900", "--virtual-time-budget=10000",
				action, url));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
		return out;
	}
}
