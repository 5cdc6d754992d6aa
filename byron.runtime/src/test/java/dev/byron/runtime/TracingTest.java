package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.Route;
import dev.byron.runtime.trace.JsonLinesSpanExporter;
import dev.byron.runtime.trace.TraceTree;
import dev.byron.runtime.trace.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * One mutation through the gateway is one trace: the gateway's span, its call to the component, the component's
 * request, the command, the append and every Sink's handling of the event, each the child of the one before.
 */
class TracingTest {
	@TempDir
	Path dir;

	@Test
	void aFileOfSpansPastItsSizeIsSetAsideAndTheNewestSpansGoToANewOne() throws Exception {
		Path spans = dir.resolve("rotated/spans.jsonl");
		Path previous = dir.resolve("rotated/spans.previous.jsonl");
		JsonLinesSpanExporter file = new JsonLinesSpanExporter(spans, previous, 1_000);
		io.opentelemetry.sdk.trace.SdkTracerProvider provider = io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
				.addSpanProcessor(io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(file)).build();
		for (int i = 0; i < 40; i++) {
			provider.get("test").spanBuilder("span " + i).startSpan().end();
		}
		provider.close();
		assertThat(java.nio.file.Files.size(previous)).as("set aside once past the size").isGreaterThan(1_000);
		assertThat(java.nio.file.Files.size(spans)).isLessThanOrEqualTo(java.nio.file.Files.size(previous));
		assertThat(java.nio.file.Files.readString(spans)).as("the newest span in the file read first").contains("\"span 39\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMutationIsOneTraceFromTheGatewayToEverySink() throws Exception {
		InMemorySpanExporter memory = InMemorySpanExporter.create();
		JsonLinesSpanExporter file = new JsonLinesSpanExporter(dir.resolve("traces/spans.jsonl"));
		Tracing.exportTo(memory);
		Tracing.exportTo(file);
		String system = TestInfra.newSystem();
		String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
		String clientSpan = "00f067aa0ba902b7";
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
				ByronComponent posts = ByronComponent.from(TestDescriptors.posts(system)).broker(broker).mongo(TestInfra.mongo()).start();
				Gateway gateway = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl()),
						new Route(posts.descriptor(), posts.graphqlUrl())), "127.0.0.1", 0)) {
			Http.Response created = Http.post(gateway.url(), Map.of("query",
					"mutation { createUser(input: {handle: \"ada_trace\", name: \"Ada\"}) { id } }"),
					"00-" + clientTrace + "-" + clientSpan + "-01");
			assertThat(created.errors()).isEmpty();
			assertThat((Map<String, Object>) created.body().get("extensions")).containsEntry("traceId", clientTrace);
			String ada = (String) created.object("createUser").get("id");
			Await.until("posts replicated ada", () -> posts.cache().find(Cache.replicaCollection("accounts", "User"), ada).isPresent());
			Await.until("both Sinks' spans are exported", () -> {
				Tracing.flush();
				return memory.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(clientTrace))
						.filter(s -> s.getName().startsWith("sink ")).count() == 2;
			});
		} finally {
			Tracing.stopExportingTo(memory);
			Tracing.stopExportingTo(file);
		}
		List<SpanData> trace = memory.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(clientTrace)).toList();

		SpanData gatewaySpan = one(trace, s -> s.getName().equals("graphql mutation createUser") && s.getKind() == SpanKind.SERVER
				&& service(s).equals("gateway"));
		assertThat(gatewaySpan.getParentSpanId()).as("continues the client's span").isEqualTo(clientSpan);
		SpanData call = one(trace, s -> s.getName().equals("call accounts"));
		assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
		assertThat(call.getParentSpanId()).isEqualTo(gatewaySpan.getSpanId());
		SpanData api = one(trace, s -> service(s).equals("accounts") && s.getKind() == SpanKind.SERVER);
		assertThat(api.getParentSpanId()).isEqualTo(call.getSpanId());
		SpanData command = one(trace, s -> s.getName().equals("command createUser"));
		assertThat(command.getParentSpanId()).isEqualTo(api.getSpanId());
		SpanData append = one(trace, s -> s.getName().equals("append UserCreated"));
		assertThat(append.getKind()).isEqualTo(SpanKind.PRODUCER);
		assertThat(append.getParentSpanId()).isEqualTo(command.getSpanId());
		List<SpanData> sinks = trace.stream().filter(s -> s.getName().equals("sink accounts.UserCreated")).toList();
		assertThat(sinks).extracting(TracingTest::service).containsExactlyInAnyOrder("accounts", "posts");
		assertThat(sinks).allSatisfy(sink -> {
			assertThat(sink.getKind()).isEqualTo(SpanKind.CONSUMER);
			assertThat(sink.getParentSpanId()).isEqualTo(append.getSpanId());
		});

		String tree = TraceTree.read(file.file()).render(clientTrace);
		assertThat(tree).startsWith("trace " + clientTrace + "  7 spans");
		List<String> lines = tree.lines().skip(1).map(String::strip).toList();
		assertThat(lines.get(0)).as("an anonymous request is named by what it asks for").startsWith("└─ gateway       graphql mutation createUser");
		assertThat(lines.get(1)).startsWith("└─ gateway       call accounts");
		assertThat(lines.get(2)).startsWith("└─ accounts      graphql request");
		assertThat(lines.get(3)).startsWith("└─ accounts      command createUser");
		assertThat(lines.get(4)).startsWith("└─ accounts      append UserCreated");
		assertThat(lines.subList(5, 7)).anySatisfy(l -> assertThat(l).contains("posts         sink accounts.UserCreated"))
				.anySatisfy(l -> assertThat(l).contains("accounts      sink accounts.UserCreated"));
		assertThat(tree.lines().skip(6).toList()).allSatisfy(l -> assertThat(l).startsWith("               "));
	}

	@Test
	void withAnEndpointSpansGoOutOverOtlpHttp() throws Exception {
		java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
		com.sun.net.httpserver.HttpServer collector = com.sun.net.httpserver.HttpServer.create(
				new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/v1/traces", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
					+ new String(body, java.nio.charset.StandardCharsets.ISO_8859_1));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
		var otlp = Tracing.configureFromEnvironment("orders", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)::get).orElseThrow();
		try {
			try (var span = Tracing.start("orders", "command placeOrder", SpanKind.INTERNAL, null)) {
				span.attribute("byron.entity.id", "o-1");
			}
			Tracing.flush();
			String request = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(request).as("the collector got the spans").isNotNull();
			assertThat(request).startsWith("POST application/x-protobuf ").contains("command placeOrder", "orders", "o-1");
		} finally {
			Tracing.stopExportingTo(otlp);
			collector.stop(0);
		}
	}

	private static String service(SpanData span) {
		return span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(Tracing.SERVICE));
	}

	private static SpanData one(List<SpanData> spans, Predicate<SpanData> which) {
		List<SpanData> found = spans.stream().filter(which).toList();
		assertThat(found).as("spans: %s", spans.stream().map(s -> service(s) + " " + s.getName()).toList()).hasSize(1);
		return found.get(0);
	}
}
