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
 * validate through this binding. Errors about text the parser could not read (a reference made of a misread name) are
 * left out with them, and a syntax error repeated for the same cause is said once.
 */
public class ByronResourceValidator extends ResourceValidatorImpl {
	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel) {
		List<Issue> issues = super.validate(resource, mode, cancel);
		if (issues.stream().noneMatch(Issue::isSyntaxError)) {
			return issues;
		}
		java.util.Set<Integer> unread = new java.util.HashSet<>();
		issues.stream().filter(Issue::isSyntaxError).forEach(issue -> unread.add(issue.getOffset()));
		List<Issue> kept = new java.util.ArrayList<>();
		String lastSyntaxMessage = null;
		for (Issue issue : issues) {
			if (issue.isSyntaxError()) {
				// one cause, said once: a block left open makes the parser stumble on a declaration's name and its '{'
				if (!issue.getMessage().equals(lastSyntaxMessage)) {
					kept.add(issue);
				}
				lastSyntaxMessage = issue.getMessage();
			} else if (issue.getSeverity() != Severity.WARNING && !unread.contains(issue.getOffset())) {
				kept.add(issue); // an error on text the parser could not read as written says nothing the syntax error does not
			}
		}
		return kept;
	}
}
