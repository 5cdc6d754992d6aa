package dev.byron.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.byron.deployer.local.LocalOptions;
import dev.byron.deployer.local.LocalSystem;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;
import dev.byron.generator.Generator;

/**
 * Generation time for models of 10, 50 and 100 components (load + validate, then generate every artifact,
 * beside load + validate alone as the baseline), and the time from {@code byron run} to the gateway answering.
 */
public final class GeneratorBench {
	public static void main(String[] args) throws Exception {
		try {
			run(args.length > 0 ? Path.of(args[0]) : Path.of("examples/microblog"));
		} finally {
			System.exit(0);
		}
	}

	private static void run(Path microblog) throws Exception {
		ByronLoader loader = ByronLoader.create();
		System.out.printf("%nByron generator: median of 7 runs after 3 warm-up runs%n%n");
		System.out.println("| components | artifacts | load + validate ms | + generate ms | generate alone ms | ratio to load |");
		System.out.println("|---:|---:|---:|---:|---:|---:|");
		for (int count : new int[] { 10, 50, 100 }) {
			List<Source> sources = List.of(new Source(Path.of("bench.byron"), ModelGenerator.components(count)));
			List<Double> load = new ArrayList<>();
			List<Double> both = new ArrayList<>();
			int artifacts = 0;
			for (int i = 0; i < 10; i++) {
				long start = System.nanoTime();
				LoadResult result = loader.loadSources(sources);
				long loaded = System.nanoTime();
				artifacts = Generator.artifacts(result.model()).size();
				long generated = System.nanoTime();
				if (i >= 3) {
					load.add((loaded - start) / 1e6);
					both.add((generated - start) / 1e6);
				}
			}
			double l = median(load);
			double b = median(both);
			System.out.printf("| %d | %d | %.0f | %.0f | %.0f | %.2f |%n", count, artifacts, l, b, b - l, (b - l) / l);
		}
		System.out.printf("%nbyron docs: the whole catalogue (pictures laid out, a page per component and per event), after loading;%n"
				+ "median of 5 runs after 2 warm-up runs%n%n");
		System.out.println("| components | files | site ms |");
		System.out.println("|---:|---:|---:|");
		for (int count : new int[] { 10, 50, 100 }) {
			Source source = new Source(Path.of("bench.byron").toAbsolutePath(), ModelGenerator.components(count));
			var model = loader.loadSources(List.of(source)).model();
			List<Double> site = new ArrayList<>();
			int files = 0;
			for (int i = 0; i < 7; i++) {
				long start = System.nanoTime();
				files = dev.byron.generator.docs.DocsSite.pages(model, java.util.Map.of(source.path(), source.text()), null).size();
				if (i >= 2) {
					site.add((System.nanoTime() - start) / 1e6);
				}
			}
			System.out.printf("| %d | %d | %.0f |%n", count, files, median(site));
		}

		System.out.printf("%nbyron run %s: from start to the gateway answering (hooks compiled, 5 components)%n%n", microblog);
		System.out.println("| run | first start s | restart on existing data s |");
		System.out.println("|---:|---:|---:|");
		for (int run = 1; run <= 3; run++) {
			Path copy = Files.createTempDirectory("byron-bench-run");
			dev.byron.bench.Projects.copy(microblog, copy);
			double first = startToAnswer(copy);
			double again = startToAnswer(copy);
			System.out.printf("| %d | %.2f | %.2f |%n", run, first, again);
		}
	}

	private static double startToAnswer(Path project) throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		long start = System.nanoTime();
		try (LocalSystem system = LocalSystem.start(project, new LocalOptions(port, null, null), new PrintWriter(new StringWriter()))) {
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl()))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ users { nodes { id } } }\"}")).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("errors")) {
				throw new IllegalStateException("the gateway did not answer: " + response.body());
			}
			return (System.nanoTime() - start) / 1e9;
		}
	}


	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}
}
