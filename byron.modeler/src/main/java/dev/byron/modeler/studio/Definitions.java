package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;

/** Go to definition: where the name a reference under the caret stands for is declared, in whichever file. */
final class Definitions {
	/** A declaration's name: its file and where the name is in it. */
	record Declaration(Path file, int offset, int length) {
	}

	private final LanguageServices services;

	Definitions(LanguageServices services) {
		this.services = services;
	}

	Optional<Declaration> at(Map<Path, String> texts, Path file, int offset) {
		return services.load(texts, file).flatMap(loaded -> {
			EObject target = services.service(EObjectAtOffsetHelper.class).resolveCrossReferencedElementAt(loaded.resource(), offset);
			if (target == null || target.eIsProxy() || target.eResource() == null || !target.eResource().getURI().isFile()) {
				return Optional.empty();
			}
			ITextRegion name = services.service(ILocationInFileProvider.class).getSignificantTextRegion(target);
			return Optional.of(new Declaration(Path.of(target.eResource().getURI().toFileString()).toAbsolutePath().normalize(),
					name.getOffset(), name.getLength()));
		});
	}
}
