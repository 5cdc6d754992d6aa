package dev.byron.modeler.studio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;


/**
 * The language server's services run in-process on the project's current texts (saved or not), so that the
 * studio's editor offers exactly what VS Code does: one loaded workspace per request.
 */
final class LanguageServices {
	private final Injector injector;

	LanguageServices() {
		dev.byron.dsl.api.ByronLoader.create(); // Xtext's EMF registration, which the loader makes once per process
		// The services look a file's language up in a registry: this one answers with the language server's own
		// bindings (rename's strategy among them), where the process-wide one has the loader's.
		org.eclipse.xtext.resource.IResourceServiceProvider.Registry registry = new org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl();
		injector = com.google.inject.Guice.createInjector(org.eclipse.xtext.util.Modules2.mixin(new dev.byron.dsl.ByronRuntimeModule(),
				new dev.byron.dsl.ide.ByronIdeModule(),
				binder -> binder.bind(org.eclipse.xtext.resource.IResourceServiceProvider.Registry.class).toInstance(registry)));
		registry.getExtensionToFactoryMap().put(dev.byron.dsl.api.ModelFiles.EXTENSION.substring(1),
				injector.getInstance(org.eclipse.xtext.resource.IResourceServiceProvider.class));
	}

	/** One file of the loaded texts, as the services take it. */
	record Loaded(XtextResource resource, Document document, String uri) {
	}

	<T> T service(Class<T> type) {
		return injector.getInstance(type);
	}

	/** Loads every text into one resource set (so references across files resolve) and returns {@code file}'s. */
	Optional<Loaded> load(Map<Path, String> texts, Path file) {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		IResourceFactory factory = injector.getInstance(IResourceFactory.class);
		XtextResource target = null;
		for (Map.Entry<Path, String> entry : texts.entrySet()) {
			XtextResource resource = (XtextResource) factory.createResource(URI.createFileURI(entry.getKey().toString()));
			resourceSet.getResources().add(resource);
			try {
				resource.load(new ByteArrayInputStream(entry.getValue().getBytes(StandardCharsets.UTF_8)),
						Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (entry.getKey().equals(file)) {
				target = resource;
			}
		}
		return target == null ? Optional.empty()
				: Optional.of(new Loaded(target, new Document(1, texts.get(file)), file.toUri().toString()));
	}
}
