package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code byron lsp} speaks the Language Server Protocol on stdio, as editors start it. */
class LspCommandTest {
	@TempDir
	Path project;

	@Test
	void answersInitializeAndPublishesDiagnosticsWithCodes() throws Exception {
		Path file = project.resolve("model.byron");
		String text = "system demo\ncomponent demo {\n  entity Item {\n    name: Strng\n  }\n}\n";
		Files.writeString(file, text);
		String classpath = Files.readString(Path.of("target/runtime-classpath.txt")).trim() + ":target/classes";
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, Byron.class.getName(), "lsp").redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try {
			CompletableFuture<List<Diagnostic>> diagnostics = new CompletableFuture<>();
			var launcher = LSPLauncher.createClientLauncher(new Client(diagnostics), process.getInputStream(),
					process.getOutputStream());
			launcher.startListening();
			LanguageServer server = launcher.getRemoteProxy();
			InitializeParams params = new InitializeParams();
			params.setRootUri(project.toUri().toString());
			params.setCapabilities(new ClientCapabilities(new org.eclipse.lsp4j.WorkspaceClientCapabilities(),
					new org.eclipse.lsp4j.TextDocumentClientCapabilities(), null));
			assertThat(server.initialize(params).get(60, TimeUnit.SECONDS).getCapabilities().getCompletionProvider())
					.isNotNull();
			server.initialized(new InitializedParams());
			server.getTextDocumentService().didOpen(
					new DidOpenTextDocumentParams(new TextDocumentItem(file.toUri().toString(), "byron", 1, text)));
			assertThat(diagnostics.get(60, TimeUnit.SECONDS)).extracting(d -> d.getCode().getLeft())
					.containsExactly("unknown-type");
			server.shutdown().get(10, TimeUnit.SECONDS);
			server.exit();
			assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exits after 'exit'").isTrue();
		} finally {
			process.destroyForcibly();
		}
	}

	private record Client(CompletableFuture<List<Diagnostic>> diagnostics) implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			if (params.getUri().endsWith("model.byron")) {
				diagnostics.complete(params.getDiagnostics());
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
}
