package dev.byron.dsl.ide.hover;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

import dev.byron.dsl.api.CataloguePages;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.DomainEvent;
import dev.byron.dsl.byron.Entity;

/**
 * The page of a declaration in the system's catalogue, when {@code byron docs} wrote one beside the model
 * ({@code site/}, or the Maven goal's {@code target/byron-docs/}), so that a hover can lead there.
 */
final class CatalogueLinks {
	private CatalogueLinks() {
	}

	static Optional<String> of(EObject element) {
		if (element == null || element.eResource() == null || !element.eResource().getURI().isFile()) {
			return Optional.empty();
		}
		Component component = element instanceof Component c ? c : EcoreUtil2.getContainerOfType(element, Component.class);
		if (component == null || component.getName() == null) {
			return Optional.empty();
		}
		String page;
		if (element instanceof Entity entity) {
			page = CataloguePages.PAGES.entity(component.getName(), entity.getName());
		} else if (element instanceof DomainEvent event) {
			page = CataloguePages.PAGES.event(component.getName(), event.getName());
		} else if (element instanceof dev.byron.dsl.byron.Enum enumType) {
			page = CataloguePages.PAGES.enumType(component.getName(), enumType.getName());
		} else if (element == component) {
			page = CataloguePages.PAGES.component(component.getName());
		} else {
			return Optional.empty();
		}
		Path file = Path.of(element.eResource().getURI().toFileString()).toAbsolutePath();
		return CataloguePages.besides(file.getParent()).map(site -> CataloguePages.onDisk(site, page));
	}
}
