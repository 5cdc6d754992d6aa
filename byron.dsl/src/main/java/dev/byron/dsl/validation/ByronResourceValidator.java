package dev.byron.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * A file the parser could not read whole gets its errors and no warnings: what the parser skipped makes the rest look
 * wrong (a replicate swallowed by a missing brace gave "add 'replicate …'" for one still written there), and the
 * warnings come back once the file parses. The same for the CLI, the studio and the language server, which all
 * validate through this binding.
 */
public class ByronResourceValidator extends ResourceValidatorImpl {
	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel) {
		List<Issue> issues = super.validate(resource, mode, cancel);
		if (issues.stream().noneMatch(Issue::isSyntaxError)) {
			return issues;
		}
		return issues.stream().filter(issue -> issue.getSeverity() != Severity.WARNING).toList();
	}
}
