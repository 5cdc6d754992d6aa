package dev.byron.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The HTTP servers Byron could stand on, side by side on this machine (ADR 23): each in a fresh JVM answering a
 * GraphQL-sized POST, measured from the outside for time to the first answer, requests per second over 1, 8 and 32
 * kept-alive connections, resident memory after the load, and the size of the jars it needs. The JDK's own server
 * is the baseline every ratio is taken to. {@code bench/run http-servers [seconds]}
 */
public final class HttpServersBench {
	private static final byte[] ANSWER = "{\"data\":{\"__typename\":\"Query\"}}".getBytes(StandardCharsets.UTF_8);
	private static final List<String> SERVERS = List.of("jdk", "jetty", "undertow", "vertx");
	/** The jars each server needs beyond the JDK, by path fragment in the classpath. */
	private static final Map<String, List<String>> JARS = Map.of("jdk", List.of(), "jetty",
			List.of("/org/eclipse/jetty/jetty-server/", "/org/eclipse/jetty/jetty-http/", "/org/eclipse/jetty/jetty-io/",
					"/org/eclipse/jetty/jetty-util/", "/org/eclipse/jetty/http2/"),
			"undertow", List.of("/io/undertow/", "/org/jboss/xnio/", "/org/jboss/logging/", "/org/wildfly/"), "vertx",
			List.of("/io/vertx/vertx-core/", "/io/netty/"));

	private HttpServersBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("serve")) {
			serve(args[1]);
			return;
		}
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		List<String[]> rows = new ArrayList<>();
		double[] baseline = null;
		for (String server : SERVERS) {
			double[] figures = measure(server, seconds);
			if (baseline == null) {
				baseline = figures;
			}
			rows.add(new String[] { server, String.format(Locale.ROOT, "%.0f", figures[0]),
					ratio(figures[1], baseline[1]), ratio(figures[2], baseline[2]), ratio(figures[3], baseline[3]),
					String.format(Locale.ROOT, "%.0f", figures[4]), String.format(Locale.ROOT, "%.1f", figures[5]) });
		}
		System.out.println("HTTP servers on Java " + Runtime.version().feature() + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores: a 35-byte JSON answer to a POST, " + seconds + " s per load (ratio to the JDK server in this run)\n");
		System.out.println("| server | first answer after JVM start (ms) | req/s, 1 connection | 8 | 32 | RSS after load (MB) | jars (MB) |");
		System.out.println("|---|---|---|---|---|---|---|");
		rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
	}

	private static String ratio(double value, double baseline) {
		return String.format(Locale.ROOT, "%,.0f (%.2f)", value, value / baseline);
	}

	/** first answer ms, req/s at 1, 8, 32 connections, RSS MB, jar MB. */
	private static double[] measure(String server, int seconds) throws Exception {
		String classpath = System.getProperty("java.class.path");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				classpath, HttpServersBench.class.getName(), "serve", server).redirectErrorStream(true).start();
		try {
			BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			int port = -1;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("PORT ")) {
					port = Integer.parseInt(line.substring(5).trim());
					break;
				}
			}
			if (port < 0) {
				throw new IllegalStateException(server + " did not start");
			}
			URI uri = URI.create("http://127.0.0.1:" + port + "/graphql");
			HttpClient first = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			while (true) {
				try {
					if (first.send(request(uri), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						break;
					}
				} catch (java.io.IOException notYet) {
					Thread.sleep(5);
				}
			}
			double firstAnswer = (System.nanoTime() - start) / 1e6;
			load(uri, 8, 1); // warm-up
			double one = load(uri, 1, seconds);
			double eight = load(uri, 8, seconds);
			double thirtyTwo = load(uri, 32, seconds);
			double rss = rssMegabytes(process.pid());
			return new double[] { firstAnswer, one, eight, thirtyTwo, rss, jarMegabytes(server, classpath) };
		} finally {
			process.destroyForcibly();
			process.waitFor();
		}
	}

	private static HttpRequest request(URI uri) {
		return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
	}

	private static double load(URI uri, int connections, int seconds) throws Exception {
		String body = "{\"query\":\"{ __typename }\"}";
		return dev.byron.bench.http.HttpLoad.run(uri, connections, Duration.ofSeconds(seconds), i -> body, answer -> true).perSecond();
	}

	private static double rssMegabytes(long pid) throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		return -1;
	}

	private static double jarMegabytes(String server, String classpath) throws Exception {
		long bytes = 0;
		for (String entry : classpath.split(java.io.File.pathSeparator)) {
			String path = entry.replace('\\', '/');
			if (JARS.get(server).stream().anyMatch(path::contains) && entry.endsWith(".jar")) {
				bytes += Files.size(Path.of(entry));
			}
		}
		return bytes / (1024.0 * 1024.0);
	}

	private static void serve(String server) throws Exception {
		int port = switch (server) {
		case "jdk" -> jdk();
		case "jetty" -> jetty();
		case "undertow" -> undertow();
		case "vertx" -> vertx();
		default -> throw new IllegalArgumentException(server);
		};
		System.out.println("PORT " + port);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	private static int jdk() throws Exception {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
		server.setExecutor(Executors.newFixedThreadPool(32));
		server.createContext("/graphql", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, ANSWER.length);
			exchange.getResponseBody().write(ANSWER);
			exchange.close();
		});
		server.start();
		return server.getAddress().getPort();
	}

	/** Byron's own server, as the gateway and the components configure it. */
	private static int jetty() throws Exception {
		return dev.byron.runtime.http.WebServer.start("127.0.0.1", 0, Map.of("/graphql", exchange -> {
			exchange.body().readAllBytes();
			exchange.respond(200, "application/json", ANSWER);
		}), dev.byron.runtime.http.ServerLimits.DEFAULT, "bench-jetty").port();
	}

	private static int undertow() {
		io.undertow.Undertow server = io.undertow.Undertow.builder().addHttpListener(0, "127.0.0.1")
				.setServerOption(io.undertow.UndertowOptions.ENABLE_HTTP2, true).setHandler(new io.undertow.server.handlers.BlockingHandler(
						exchange -> {
							exchange.getInputStream().readAllBytes();
							exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "application/json");
							exchange.getOutputStream().write(ANSWER);
						}))
				.build();
		server.start();
		return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
	}

	private static int vertx() throws Exception {
		io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
		io.vertx.core.http.HttpServer server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setTcpNoDelay(true))
				.requestHandler(request -> request.body().onSuccess(body -> request.response().putHeader("Content-Type", "application/json")
						.end(io.vertx.core.buffer.Buffer.buffer(ANSWER))));
		return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
	}
}
