package dev.byron.dsl.ide.workspace;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language server's build generates nothing (Byron's generator runs from {@code byron generate} and the studio,
 * not from Xtext's build, which has no generator for Byron). Xtext's default asked, for each built file, whether it
 * was free of errors before handing it to that empty generator, by validating it a second time: an eighth of the
 * server's work per keystroke.
 */
public class NothingToGenerate implements IShouldGenerate {
	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
