package dev.byron.dsl.ide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server jar started as its own process, spoken to over stdio by lsp4j's JSON-RPC client, the
 * way an editor does it. Diagnostics the server publishes are kept per document URI.
 */
final class LanguageServerProcess implements AutoCloseable {
	private final Process process;
	private final LanguageServer server;
	private final Launcher<LanguageServer> launcher;
	private final Map<String, CompletableFuture<List<Diagnostic>>> diagnostics = new ConcurrentHashMap<>();
	final InitializeResult initializeResult;

	private LanguageServerProcess(Process process, List<Path> workspaceFolders, boolean preparesRename) throws Exception {
		this.process = process;
		launcher = new LSPLauncher.Builder<LanguageServer>().setLocalService(new Client())
				.setRemoteInterface(ByronServer.class).setInput(process.getInputStream())
				.setOutput(process.getOutputStream()).create();
		launcher.startListening();
		this.server = launcher.getRemoteProxy();
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		params.setWorkspaceFolders(workspaceFolders.stream()
				.map(p -> new WorkspaceFolder(uri(p), p.getFileName().toString())).toList());
		params.setCapabilities(capabilities(preparesRename));
		initializeResult = server.initialize(params).get(60, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	static LanguageServerProcess start(List<Path> workspaceFolders) throws Exception {
		return start(workspaceFolders, true);
	}

	/** A server for a client that declares prepareRename or not. */
	static LanguageServerProcess start(List<Path> workspaceFolders, boolean preparesRename) throws Exception {
		String jar = System.getProperty("byron.languageServerJar");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		return new LanguageServerProcess(process, workspaceFolders, preparesRename);
	}

	LanguageServer server() {
		return server;
	}

	/** The requests Byron's server answers beside the LSP's, as an editor's client declares them. */
	@org.eclipse.lsp4j.jsonrpc.services.JsonSegment("byron")
	interface ByronRequests {
		@org.eclipse.lsp4j.jsonrpc.services.JsonRequest
		CompletableFuture<com.google.gson.JsonObject> diagram(Map<String, Object> params);

		@org.eclipse.lsp4j.jsonrpc.services.JsonRequest
		CompletableFuture<com.google.gson.JsonObject> move(Map<String, Object> params);

		@org.eclipse.lsp4j.jsonrpc.services.JsonRequest
		CompletableFuture<com.google.gson.JsonObject> subscribe(Map<String, Object> params);
	}

	/** The server as the client sees it: the LSP's requests and Byron's. */
	interface ByronServer extends LanguageServer, ByronRequests {
	}

	/** Byron's own requests ({@code byron/diagram}...). */
	ByronRequests byron() {
		return (ByronRequests) launcher.getRemoteProxy();
	}

	static String uri(Path path) {
		return path.toUri().toString().replaceFirst("/$", "");
	}

	/** The diagnostics most recently published for a document, waiting for the first publication. */
	List<Diagnostic> diagnostics(String uri) throws Exception {
		return future(uri).get(60, TimeUnit.SECONDS);
	}

	/** Forgets what was published for a document, so the next call to {@link #diagnostics} waits for new ones. */
	void expectDiagnostics(String uri) {
		diagnostics.put(uri, new CompletableFuture<>());
	}

	void open(String uri, String text) {
		expectDiagnostics(uri);
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "byron", 1, text)));
	}

	private CompletableFuture<List<Diagnostic>> future(String uri) {
		return diagnostics.computeIfAbsent(uri, k -> new CompletableFuture<>());
	}

	private static ClientCapabilities capabilities(boolean preparesRename) {
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		text.setHover(new HoverCapabilities(List.of("markdown", "plaintext"), false));
		CompletionCapabilities completion = new CompletionCapabilities(new CompletionItemCapabilities(false));
		text.setCompletion(completion);
		text.setCodeAction(new CodeActionCapabilities());
		text.setFoldingRange(new org.eclipse.lsp4j.FoldingRangeCapabilities());
		text.setRename(new RenameCapabilities(preparesRename, false));
		WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
		workspace.setWorkspaceFolders(true);
		return new ClientCapabilities(workspace, text, null);
	}

	@Override
	public void close() throws Exception {
		try {
			server.shutdown().get(10, TimeUnit.SECONDS);
			server.exit();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				throw new TimeoutException("the language server did not exit after 'exit'");
			}
		} finally {
			process.destroyForcibly();
		}
	}

	private final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			CompletableFuture<List<Diagnostic>> pending = future(params.getUri());
			if (!pending.complete(params.getDiagnostics())) {
				diagnostics.put(params.getUri(), CompletableFuture.completedFuture(params.getDiagnostics()));
			}
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

	static void copyTree(Path from, Path to) throws IOException {
		try (var paths = java.nio.file.Files.walk(from)) {
			for (Path source : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (java.nio.file.Files.isDirectory(source)) {
					java.nio.file.Files.createDirectories(target);
				} else {
					java.nio.file.Files.copy(source, target);
				}
			}
		}
	}
}
