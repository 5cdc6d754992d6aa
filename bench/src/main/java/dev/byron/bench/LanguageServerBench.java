package dev.byron.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.Source;

/**
 * The language server jar in its own process, as an editor uses it: start to the initialize result,
 * didChange to diagnostics on a 5,000-line model, completion. Each beside its baseline from the same run:
 * a bare JVM start, the in-process load (parse + link + validate) of the same text, and a request the
 * server answers without work (hover on whitespace).
 */
public final class LanguageServerBench {
	private static final int LINES = 5_000;

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		Path jar = Path.of(System.getProperty("byron.languageServerJar", "byron.dsl.ide/target/byron-language-server.jar"));
		String model = ModelGenerator.model(LINES);
		Path project = Files.createTempDirectory("byron-lsp-bench-");
		Path file = project.resolve("bench.byron");
		Files.writeString(file, model);

		// as the VS Code extension and `byron lsp` start it: the first start records a class-data archive, unmeasured
		Path archive = Files.createTempFile("byron-lsp-bench-", ".jsa");
		Files.delete(archive);
		try (Server recording = Server.start(jar, project, List.of("-XX:ArchiveClassesAtExit=" + archive))) {
			recording.awaitDiagnostics(file.toUri().toString());
		}
		List<String> sharing = List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive);
		List<Double> jvm = new ArrayList<>();
		List<Double> start = new ArrayList<>();
		List<Double> ready = new ArrayList<>();
		List<Double> coldStart = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			jvm.add(bareJvm());
			try (Server server = Server.start(jar, project, sharing)) {
				start.add(server.initializeMillis);
				server.awaitDiagnostics(file.toUri().toString());
				ready.add(server.sinceStart());
			}
			try (Server server = Server.start(jar, project, List.of())) {
				coldStart.add(server.initializeMillis);
			}
		}
		Files.deleteIfExists(archive);

		List<Double> loads = new ArrayList<>();
		ByronLoader loader = ByronLoader.create();
		List<Source> sources = List.of(new Source(file, model));
		for (int i = 0; i < runs + 10; i++) {
			double ms = time(() -> loader.loadSources(sources));
			if (i >= 10) {
				loads.add(ms);
			}
		}

		List<Double> changes = new ArrayList<>();
		List<Double> typed = new ArrayList<>();
		List<Double> completions = new ArrayList<>();
		List<Double> floors = new ArrayList<>();
		try (Server server = Server.start(jar, project, sharing)) {
			String uri = file.toUri().toString();
			server.open(uri, model);
			int cursorLine = lineOf(model, "    title: String!");
			for (int i = 0; i < runs + 10; i++) {
				// An edit that keeps the model valid, so the server does the same work as the baseline load.
				String edited = edited(model, i);
				double change = server.change(uri, i + 2, edited);
				Position typePosition = new Position(cursorLine, "    title: ".length());
				double completion = time(() -> server.completion(uri, typePosition));
				double floor = time(() -> server.hover(uri, new Position(cursorLine, 0)));
				if (i >= 10) {
					changes.add(change);
					completions.add(completion);
					floors.add(floor);
				}
			}
			// the same edit as an editor sends it (the server syncs incrementally): the three digits, on their line
			int digits = edited(model, runs + 9).indexOf("max: 20", model.indexOf("    title: String! @length(min: 1, max: 20")) + "max: ".length();
			Position from = position(model, digits);
			for (int i = 0; i < runs + 10; i++) {
				double change = server.change(uri, runs + 20 + i, new org.eclipse.lsp4j.Range(from,
						new Position(from.getLine(), from.getCharacter() + 3)), String.valueOf(200 + i % 7));
				if (i >= 10) {
					typed.add(change);
				}
			}
		} finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(project);
		}

		System.out.printf("%nByron language server: %,d-line model, %d measured runs after 10 warm-up (5 server starts)%n%n",
				model.split("\n").length, runs);
		System.out.println("| measure | p50 ms | p95 ms | baseline | baseline p50 ms | ratio |");
		System.out.println("|---|---:|---:|---|---:|---:|");
		row("start to initialize result", start, "bare JVM start (java -version)", jvm);
		row("the same without the class-data archive", coldStart, "bare JVM start (java -version)", jvm);
		row("start to the workspace's diagnostics", ready, "bare JVM start (java -version)", jvm);
		int replaced = model.split("    title: String! @length\\(min: 1, max: 200\\)", -1).length - 1;
		row("didChange (whole text: a value replaced on " + replaced + " lines) to diagnostics", changes, "in-process load of the same text", loads);
		row("didChange (3 characters, as editors send it) to diagnostics", typed, "in-process load of the same text", loads);
		row("completion (field type)", completions, "hover on whitespace (protocol floor)", floors);
	}

	private static void row(String name, List<Double> values, String baselineName, List<Double> baseline) {
		System.out.printf("| %s | %.1f | %.1f | %s | %.1f | %.2f |%n", name, Stats.median(values),
				Stats.percentile(values, 0.95), baselineName, Stats.median(baseline),
				Stats.median(values) / Stats.median(baseline));
	}

	private static String edited(String model, int i) {
		return model.replace("    title: String! @length(min: 1, max: 200)", "    title: String! @length(min: 1, max: " + (200 + i % 7) + ")");
	}

	private static Position position(String text, int offset) {
		String before = text.substring(0, offset);
		int line = (int) before.chars().filter(c -> c == '\n').count();
		return new Position(line, offset - (before.lastIndexOf('\n') + 1));
	}

	private static int lineOf(String text, String anchor) {
		String before = text.substring(0, text.indexOf(anchor));
		return (int) before.chars().filter(c -> c == '\n').count();
	}

	private static double bareJvm() throws Exception {
		long begin = System.nanoTime();
		Process process = new ProcessBuilder(javaBinary(), "-version").redirectErrorStream(true).start();
		process.getInputStream().readAllBytes();
		process.waitFor();
		return (System.nanoTime() - begin) / 1e6;
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private interface Work {
		void run() throws Exception;
	}

	private static double time(Work work) throws Exception {
		long begin = System.nanoTime();
		work.run();
		return (System.nanoTime() - begin) / 1e6;
	}

	/** One server process and the client end of its stdio. */
	private static final class Server implements AutoCloseable {
		private final Process process;
		private final LanguageServer remote;
		private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
		private double initializeMillis;
		private long begin;

		private Server(Process process) {
			this.process = process;
			var launcher = LSPLauncher.createClientLauncher(new Client(published), process.getInputStream(),
					process.getOutputStream());
			launcher.startListening();
			remote = launcher.getRemoteProxy();
		}

		static Server start(Path jar, Path project, List<String> sharing) throws Exception {
			long begin = System.nanoTime();
			// as the VS Code extension and ./byron lsp start it (HEAP_GROWTH in byron.dsl.ide/vscode/src/java.js)
			List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xlog:disable", "-XX:GCTimeRatio=4"));
			command.addAll(sharing);
			// e.g. -Dbyron.serverJvmArgs=-XX:StartFlightRecording=filename=ls.jfr to profile the server
			command.addAll(List.of(System.getProperty("byron.serverJvmArgs", "").split("\\s+")).stream()
					.filter(a -> !a.isBlank()).toList());
			command.addAll(List.of("-jar", jar.toString()));
			Server server = new Server(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
			InitializeParams params = new InitializeParams();
			params.setRootUri(project.toUri().toString());
			params.setCapabilities(new ClientCapabilities(new WorkspaceClientCapabilities(),
					new TextDocumentClientCapabilities(), null));
			server.remote.initialize(params).get(120, TimeUnit.SECONDS);
			server.begin = begin;
			server.initializeMillis = (System.nanoTime() - begin) / 1e6;
			server.remote.initialized(new InitializedParams());
			return server;
		}

		double sinceStart() {
			return (System.nanoTime() - begin) / 1e6;
		}

		void open(String uri, String text) throws Exception {
			published.clear();
			remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "byron", 1, text)));
			awaitDiagnostics(uri);
		}

		double change(String uri, int version, org.eclipse.lsp4j.Range range, String text) throws Exception {
			published.clear();
			long begin = System.nanoTime();
			remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
					new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(range, text))));
			awaitDiagnostics(uri);
			return (System.nanoTime() - begin) / 1e6;
		}

		double change(String uri, int version, String text) throws Exception {
			published.clear();
			long begin = System.nanoTime();
			remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
					new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
			awaitDiagnostics(uri);
			return (System.nanoTime() - begin) / 1e6;
		}

		void awaitDiagnostics(String uri) throws Exception {
			while (true) {
				PublishDiagnosticsParams params = published.poll(120, TimeUnit.SECONDS);
				if (params == null) {
					throw new IllegalStateException("no diagnostics for " + uri + " within 120 s");
				}
				if (params.getUri().equals(uri)) {
					return;
				}
			}
		}

		void completion(String uri, Position position) throws Exception {
			remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), position))
					.get(60, TimeUnit.SECONDS);
		}

		void hover(String uri, Position position) throws Exception {
			remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), position))
					.get(60, TimeUnit.SECONDS);
		}

		@Override
		public void close() throws Exception {
			try {
				remote.shutdown().get(30, TimeUnit.SECONDS);
				remote.exit();
				process.waitFor(30, TimeUnit.SECONDS);
			} finally {
				process.destroyForcibly();
			}
		}
	}

	private record Client(BlockingQueue<PublishDiagnosticsParams> published) implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			published.add(params);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
		}
	}
}
