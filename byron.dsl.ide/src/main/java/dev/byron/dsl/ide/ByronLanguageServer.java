package dev.byron.dsl.ide;

import org.eclipse.xtext.ide.server.ServerLauncher;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.util.IFileSystemScanner;

import com.google.inject.util.Modules;

import dev.byron.dsl.ide.workspace.ModelFileScanner;

/**
 * The Byron language server over stdio: the main class of {@code byron-language-server.jar} and what
 * {@code byron lsp} runs. Xtext's launcher finds the language through {@link ByronIdeSetup}; the workspace
 * is scanned with Byron's own rule for model files, and {@code initialize} is answered before the workspace is
 * built ({@link ByronLanguageServerImpl}).
 */
public final class ByronLanguageServer {
	private ByronLanguageServer() {
	}

	public static void main(String[] args) {
		dev.byron.dsl.GuiceStartup.configure();
		ByronIdeSetup.startEarly();
		ServerLauncher.launch(ServerLauncher.class.getName(), args, module());
	}

	/** The server's Guice module: Xtext's, with Byron's rule for which files of the workspace are models and its unload. */
	public static com.google.inject.Module module() {
		return Modules.override(new ServerModule()).with(binder -> {
			binder.bind(IFileSystemScanner.class).to(ModelFileScanner.class);
			binder.bind(org.eclipse.xtext.build.IncrementalBuilder.InternalStatefulIncrementalBuilder.class)
					.to(dev.byron.dsl.ide.workspace.ByronIncrementalBuilder.class);
			binder.bind(org.eclipse.xtext.ide.server.LanguageServerImpl.class).to(ByronLanguageServerImpl.class);
		});
	}
}
