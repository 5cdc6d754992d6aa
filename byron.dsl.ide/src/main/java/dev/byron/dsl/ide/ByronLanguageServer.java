package dev.byron.dsl.ide;

import org.eclipse.xtext.ide.server.ServerLauncher;

/**
 * The Byron language server over stdio: the main class of {@code byron-language-server.jar} and what
 * {@code byron lsp} runs. Xtext's launcher finds the language through {@link ByronIdeSetup}.
 */
public final class ByronLanguageServer {
	private ByronLanguageServer() {
	}

	public static void main(String[] args) {
		ServerLauncher.main(args);
	}
}
