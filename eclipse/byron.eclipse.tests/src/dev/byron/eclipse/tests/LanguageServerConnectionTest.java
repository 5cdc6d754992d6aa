package dev.byron.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.eclipse.ByronServerConnectionFactory;
import dev.byron.eclipse.ByronServerProcess;

/** The plug-in's own way of starting the language server, spoken to over LSP as LSP4E would. */
class LanguageServerConnectionTest {

    /** The shape of LSP4E's StreamConnectionProvider: abstract stream methods and a default method. */
    public interface StreamConnection {
        void start() throws IOException;

        InputStream getInputStream();

        OutputStream getOutputStream();

        InputStream getErrorStream();

        void stop();

        default String getTrace(URI rootUri) {
            return "off";
        }
    }

    @Test
    void theServerJarInsideThePlugInIsTheOneByronDslIdeBuilt() throws Exception {
        var entry = Platform.getBundle("dev.byron.eclipse").getEntry("server/byron-language-server.jar");
        assertNotNull(entry, "the plug-in carries the server jar");
        Path inPlugIn = Path.of(FileLocator.toFileURL(entry).getPath());
        Path built = Path.of(System.getProperty("byron.examples")).resolveSibling("byron.dsl.ide/target/byron-language-server.jar");
        assertEquals(Files.size(built), Files.size(inPlugIn));

        var grammar = Platform.getBundle("dev.byron.eclipse").getEntry("syntaxes/byron.tmLanguage.json");
        assertNotNull(grammar, "the plug-in carries the TextMate grammar");
        Path sharedGrammar = built.getParent().resolveSibling("vscode/syntaxes/byron.tmLanguage.json");
        assertEquals(Files.readString(sharedGrammar), Files.readString(Path.of(FileLocator.toFileURL(grammar).getPath())));
    }

    @Test
    void theServerStartedByThePlugInPublishesByronDiagnostics(@TempDir Path workspace) throws Exception {
        Path model = workspace.resolve("draft.byron");
        String text = "system draft\n\ncomponent notes {\n  entity Note {\n    body: Txt\n  }\n}\n";
        Files.writeString(model, text);

        ByronServerProcess server = ByronServerProcess.forThisEclipse();
        StreamConnection connection = (StreamConnection) ByronServerConnectionFactory
                .connectionProvider(StreamConnection.class, server);
        connection.start();
        Thread serverLog = new Thread(() -> {
            try {
                connection.getErrorStream().transferTo(System.err);
            } catch (IOException e) {
                // the server has ended
            }
        }, "byron-language-server-stderr");
        serverLog.setDaemon(true);
        serverLog.start();
        try {
            DiagnosticsCollector client = new DiagnosticsCollector();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client,
                    connection.getInputStream(), connection.getOutputStream());
            launcher.startListening();
            LanguageServer languageServer = launcher.getRemoteProxy();

            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            WorkspaceClientCapabilities folders = new WorkspaceClientCapabilities();
            folders.setWorkspaceFolders(true);
            init.setCapabilities(new ClientCapabilities(folders, new TextDocumentClientCapabilities(), null));
            String root = workspace.toUri().toString().replaceFirst("/$", "");
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(root, "draft")));
            InitializeResult result = languageServer.initialize(init).get(60, TimeUnit.SECONDS);
            assertNotNull(result.getCapabilities().getCompletionProvider());
            assertTrue(result.getCapabilities().getRenameProvider().isRight()
                    || Boolean.TRUE.equals(result.getCapabilities().getRenameProvider().getLeft()));
            languageServer.initialized(new InitializedParams());

            languageServer.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(model.toUri().toString(), "byron", 1, text)));
            Diagnostic unknownType = client.firstError.get(60, TimeUnit.SECONDS);

            assertEquals("unknown-type", unknownType.getCode().getLeft());
            assertEquals(4, unknownType.getRange().getStart().getLine());
            assertTrue(unknownType.getMessage().getLeft().contains("Txt"), unknownType.getMessage().getLeft());
            assertEquals("off", connection.getTrace(workspace.toUri()), "default methods keep LSP4E's behaviour");

            languageServer.shutdown().get(30, TimeUnit.SECONDS);
            languageServer.exit();
        } finally {
            connection.stop();
        }
        assertTrue(!server.isAlive());
    }

    @Test
    void withoutLsp4eTheFactorySaysWhereToGetIt() {
        CoreException error = assertThrows(CoreException.class, () -> new ByronServerConnectionFactory().create());
        assertTrue(error.getMessage().contains("LSP4E is not installed"), error.getMessage());
        assertTrue(error.getMessage().contains("download.eclipse.org/lsp4e"), error.getMessage());
    }

    private static final class DiagnosticsCollector implements LanguageClient {
        final CompletableFuture<Diagnostic> firstError = new CompletableFuture<>();

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            diagnostics.getDiagnostics().stream().findFirst().ifPresent(firstError::complete);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
