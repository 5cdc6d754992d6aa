package dev.byron.dsl.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;

/**
 * The web studio serves a language server per page in its own process: each must go on completing while another
 * page opens (before, each server set the language up again and the process's resources were read by the newest
 * one, so the first page's completion failed inside Xtext's parser and answered nothing).
 */
class LanguageServersInOneProcessTest {
	@TempDir
	Path project;

	@Test
	void aServerStartedBesideAnotherLeavesTheFirstCompletingInAFileOpenedAfter() throws Exception {
		Files.writeString(project.resolve("a.byron"), "component a {\n  entity A { n: String }\n}\n");
		LanguageServerImpl first = started();
		assertThat(labels(first, "b.byron", "component b {\n  entity B { n: Str }\n}\n", new Position(1, 19)))
				.as("alone").contains("String");
		LanguageServerImpl second = started();
		assertThat(labels(second, "c.byron", "component c {\n  entity C { n: Str }\n}\n", new Position(1, 19))).contains("String");
		assertThat(labels(first, "d.byron", "component d {\n  entity D { n: Str }\n}\n", new Position(1, 19)))
				.as("the first, once the second started").contains("String");
	}

	private LanguageServerImpl started() throws Exception {
		LanguageServerImpl server = Guice.createInjector(ByronLanguageServer.module()).getInstance(LanguageServerImpl.class);
		server.connect((LanguageClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { LanguageClient.class }, (proxy, method, args) -> method.getReturnType() == java.util.concurrent.CompletableFuture.class
						? java.util.concurrent.CompletableFuture.completedFuture(null) : null));
		InitializeParams params = new InitializeParams();
		params.setRootUri(project.toUri().toString());
		params.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
		server.initialize(params).get(60, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		// initialize is answered before the workspace is built: a request is answered once it is
		server.getRequestManager().runWrite(() -> null, (cancel, nothing) -> null).get(60, TimeUnit.SECONDS);
		return server;
	}

	private List<String> labels(LanguageServerImpl server, String file, String text, Position at) throws Exception {
		String uri = project.resolve(file).toUri().toString();
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "byron", 1, text)));
		var completion = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), at))
				.get(60, TimeUnit.SECONDS);
		return (completion.isLeft() ? completion.getLeft() : completion.getRight().getItems()).stream().map(item -> item.getLabel())
				.toList();
	}
}
