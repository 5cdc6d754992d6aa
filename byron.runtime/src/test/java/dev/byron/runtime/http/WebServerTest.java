package dev.byron.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebServerTest {
	private WebServer server;
	private final List<Socket> stalled = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		server = WebServer.start("127.0.0.1", 0, Map.of("/echo", exchange -> exchange.respond(200, "text/plain",
				exchange.body().readAllBytes())), new ServerLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20, 4096, 16 * 1024, 16),
				"test-http");
	}

	@AfterEach
	void stop() throws Exception {
		for (Socket socket : stalled) {
			socket.close();
		}
		server.close();
	}

	@Test
	void sixtyFourStalledRequestsDoNotHoldUpOtherClients() throws Exception {
		for (int i = 0; i < 64; i++) {
			Socket socket = new Socket("127.0.0.1", server.port());
			socket.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
			stalled.add(socket);
		}
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int i = 0; i < 50; i++) {
			HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + "/echo")).timeout(Duration.ofSeconds(1))
					.POST(HttpRequest.BodyPublishers.ofString("hello " + i)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.body()).isEqualTo("hello " + i);
		}
	}

	@Test
	void moreStalledBodiesThanHandlerThreadsDoNotHoldUpOtherClients() throws Exception {
		for (int i = 0; i < 64; i++) { // four times the 16 handler threads of this server
			Socket socket = new Socket("127.0.0.1", server.port());
			socket.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 900000\r\n\r\n{\"q"
					.getBytes(StandardCharsets.US_ASCII));
			stalled.add(socket);
		}
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + "/echo")).timeout(Duration.ofSeconds(1))
					.POST(HttpRequest.BodyPublishers.ofString("hello " + i)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.body()).isEqualTo("hello " + i);
		}
	}

	@Test
	void aBodyThatDripsInPastTheDeadlineIsAnswered408() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: text/plain\r\n\r\n".getBytes(
					StandardCharsets.US_ASCII));
			for (int i = 0; i < 4; i++) { // one byte a second: never idle for 2 s, but past the 3 s deadline
				out.write('x');
				out.flush();
				Thread.sleep(1000);
			}
			String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(answer).isEqualTo("HTTP/1.1 408");
		}
	}

	@Test
	void aBodyLargerThanTheLimitIsAnswered413() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/echo"))
				.POST(HttpRequest.BodyPublishers.ofString("x".repeat((1 << 20) + 1))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("VALIDATION");
	}

	@Test
	void aChunkedBodyThatGrowsPastTheLimitIsAnswered413() throws Exception {
		byte[] body = "x".repeat((1 << 20) + 1).getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
				URI.create(base() + "/echo")).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("VALIDATION");
	}

	@Test
	void aDeclaredBodyFarPastTheLimitIsRefusedBeforeItIsSent() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\nContent-Type: text/plain\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			assertThat(answer).startsWith("HTTP/1.1 413").contains("VALIDATION");
		}
	}

	@Test
	void aBodyThatStopsArrivingForTheIdleTimeoutIsAnswered408NotAnInternalError() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: text/plain\r\n\r\nonly part"
					.getBytes(StandardCharsets.US_ASCII)); // then nothing: idle for 2 s, before the 3 s deadline
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"VALIDATION\"", "stopped arriving").doesNotContain("Exception");
		}
	}

	@Test
	void aRequestThatStallsIsClosedAfterTheIdleTimeout() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: text/plain\r\n\r\nonly part".getBytes(
					StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] answer = in.readAllBytes(); // ends when the server closes the connection
			assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("only part");
		}
	}

	@Test
	void headersTooLargeAreRefusedWithAnErrorCodeAndNoClassName() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/echo"))
				.header("X-Big", "x".repeat(32 * 1024)).POST(HttpRequest.BodyPublishers.ofString("hi")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(431);
		assertThat(answer.body()).contains("\"code\":\"VALIDATION\"").contains("headers are too large").doesNotContain("org.eclipse")
				.doesNotContain("Exception");
	}

	@Test
	void anUnknownPathIsAnsweredWithJsonThatSaysWhereGraphQLIs() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/nothing")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("NOT_FOUND").contains("/graphql");
	}

	@Test
	void anHttp2ClientIsAnsweredOverHttp2WithoutTls() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
		// the JDK client asks to upgrade to h2c on a request without a body
		HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base() + "/echo")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(base() + "/echo"))
				.POST(HttpRequest.BodyPublishers.ofString("over h2c")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo("over h2c");
		assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
	}

	@Test
	void aHandlerThatFailsGivesAnInternalErrorWithoutDetails() throws Exception {
		try (WebServer failing = WebServer.start("127.0.0.1", 0, Map.of("/", exchange -> {
			throw new IllegalStateException("secret detail");
		}), ServerLimits.DEFAULT, "test-failing")) {
			HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + failing.port() + "/x")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(500);
			assertThat(answer.body()).contains("INTERNAL").doesNotContain("secret detail").doesNotContain("IllegalState");
		}
	}

	private String base() {
		return "http://127.0.0.1:" + server.port();
	}
}
