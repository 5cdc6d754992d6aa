package dev.byron.dsl.scoping;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import dev.byron.dsl.byron.ByronPackage;

/**
 * Which files a change makes Xtext's builder check again: those that refer to a name it changed, as Xtext has it,
 * and every file when a system declaration came, went or was renamed. No file refers to the system by name, yet each
 * file's checks read it (a model with components and no system is warned about; two names conflict): a file whose
 * system line moved to another left its warning standing in the others.
 */
public class ByronResourceDescriptionManager extends DefaultResourceDescriptionManager {
	@Override
	public boolean isAffected(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate,
			IResourceDescriptions context) {
		return super.isAffected(deltas, candidate, context) || deltas.stream().anyMatch(ByronResourceDescriptionManager::changesSystem);
	}

	private static boolean changesSystem(IResourceDescription.Delta delta) {
		return !systems(delta.getOld()).equals(systems(delta.getNew()));
	}

	private static Set<QualifiedName> systems(IResourceDescription description) {
		Set<QualifiedName> names = new HashSet<>();
		if (description != null) {
			description.getExportedObjectsByType(ByronPackage.Literals.SYSTEM_DECL).forEach(system -> names.add(system.getName()));
		}
		return names;
	}
}
