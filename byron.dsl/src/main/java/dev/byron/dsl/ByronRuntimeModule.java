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
}
