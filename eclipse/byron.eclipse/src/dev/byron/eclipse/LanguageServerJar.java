package dev.byron.eclipse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/** Finds the language server jar this plug-in carries, as a file on disk (extracted if the plug-in is a jar). */
final class LanguageServerJar {

    static final String ENTRY = "server/byron-language-server.jar";

    private LanguageServerJar() {
    }

    static Path locate() throws IOException {
        Bundle bundle = Platform.getBundle("dev.byron.eclipse");
        URL entry = bundle == null ? null : bundle.getEntry(ENTRY);
        if (entry == null) {
            throw new IOException("The Byron plug-in does not contain " + ENTRY + ": reinstall it from the update site");
        }
        URL file = FileLocator.toFileURL(entry);
        try {
            return Path.of(file.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(file.getPath());
        }
    }
}
