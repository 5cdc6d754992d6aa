package dev.byron.dsl;

import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;

import dev.byron.dsl.linking.ByronLinkingDiagnosticMessageProvider;
import dev.byron.dsl.linking.ByronSyntaxErrorMessageProvider;
import dev.byron.dsl.naming.ByronQualifiedNameProvider;
import dev.byron.dsl.scoping.ByronResourceDescriptionStrategy;

/** Byron's bindings on top of the ones Xtext generates from the grammar. */
public class ByronRuntimeModule extends AbstractByronRuntimeModule {

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return ByronResourceDescriptionStrategy.class;
	}

	/**
	 * EMF's generic checks (every proxy resolves, multiplicities) are off: a reference that does not resolve is
	 * already reported by the linker, with Byron's message, and the grammar gives every multiplicity. They cost a
	 * tenth of each validation.
	 */
	public void configureUseEObjectValidator(com.google.inject.Binder binder) {
		binder.bind(Boolean.class).annotatedWith(com.google.inject.name.Names.named(org.eclipse.xtext.validation.CompositeEValidator.USE_EOBJECT_VALIDATOR))
				.toInstance(Boolean.FALSE);
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return ByronQualifiedNameProvider.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider.Extended> bindILinkingDiagnosticMessageProvider$Extended() {
		return ByronLinkingDiagnosticMessageProvider.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return ByronSyntaxErrorMessageProvider.class;
	}

	@Override
	public Class<? extends org.eclipse.xtext.resource.XtextResource> bindXtextResource() {
		return dev.byron.dsl.resource.ByronResource.class;
	}

	public Class<? extends org.eclipse.xtext.parser.antlr.IReferableElementsUnloader> bindIReferableElementsUnloader() {
		return dev.byron.dsl.resource.ByronUnloader.class;
	}

	@Override
	public Class<? extends org.eclipse.xtext.linking.ILinker> bindILinker() {
		return dev.byron.dsl.linking.ByronLinker.class;
	}

	public Class<? extends org.eclipse.xtext.resource.IResourceDescription.Manager> bindIResourceDescription$Manager() {
		return dev.byron.dsl.scoping.ByronResourceDescriptionManager.class;
	}

	public Class<? extends org.eclipse.xtext.parser.antlr.IPartialParsingHelper> bindIPartialParserHelper() {
		return dev.byron.dsl.resource.ByronPartialParsingHelper.class;
	}

	public Class<? extends org.eclipse.xtext.validation.IResourceValidator> bindIResourceValidator() {
		return dev.byron.dsl.validation.ByronResourceValidator.class;
	}
}
