package dev.byron.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import dev.byron.dsl.byron.ByronPackage;

/** Base of the validators that {@link ByronValidator} composes; each covers one concern. */
public abstract class ByronCheck extends AbstractDeclarativeValidator {
	protected static final ByronPackage P = ByronPackage.eINSTANCE;

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(ByronPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into ByronValidator, which registers itself
	}
}
