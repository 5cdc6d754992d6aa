package dev.byron.dsl.ide.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.util.IFileSystemScanner;
import org.eclipse.xtext.util.UriExtensions;

import dev.byron.dsl.api.ModelFiles;

/**
 * The language server's view of a workspace folder: the files {@link ModelFiles} calls a model, so that run
 * data, version control and build output are never indexed (Xtext's own scanner enters every folder and
 * offers every file, folders named like a model included). URIs in the form Xtext's scanner gives them
 * ({@code file:///...}), the form the documents an editor opens have.
 */
public final class ModelFileScanner implements IFileSystemScanner {
	private final UriExtensions uris = new UriExtensions();

	@Override
	public void scan(URI root, IAcceptor<URI> acceptor) {
		if (!root.isFile()) {
			return;
		}
		Path folder = Path.of(root.toFileString());
		if (!Files.isDirectory(folder)) {
			return;
		}
		try {
			for (Path file : ModelFiles.below(folder)) {
				acceptor.accept(uris.toEmfUri(file.toAbsolutePath().toUri()));
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the workspace folder " + folder + ": " + e.getMessage(), e);
		}
	}
}
