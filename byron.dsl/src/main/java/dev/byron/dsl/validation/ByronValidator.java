package dev.byron.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/** All of Byron's validation rules; each composed validator covers one concern. */
@ComposedChecks(validators = { NamingValidator.class, StructureValidator.class, SystemValidator.class,
		AnnotationValidator.class, SubscriptionValidator.class, ConfigValidator.class })
public class ByronValidator extends AbstractByronValidator {
}
