package dev.byron.dsl.ide.rename;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.ide.serializer.hooks.IUpdatableReference;
import org.eclipse.xtext.ide.serializer.impl.ReferenceUpdater;
import org.eclipse.xtext.linking.impl.LinkingHelper;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

import com.google.inject.Inject;

/**
 * Writes a reference again after a rename under the name that says what the old text said. An entity goes by several
 * names at once, its own and its generated events' ({@code loans.LoanCreated} and {@code loans.LoanUpdated} both
 * lead to the entity {@code Loan}); Xtext wrote each reference to a renamed entity under the first name the scope
 * gave, so a subscription to {@code LoanUpdated} became one to {@code LendingCreated}, silently. The name with the
 * longest ending in common with the old text is the same event under the new name.
 */
public class ByronReferenceUpdater extends ReferenceUpdater {
	@Inject
	private IQualifiedNameConverter names;
	@Inject
	private IValueConverterService values;
	@Inject
	private LinkingHelper linking;

	@Override
	protected String findValidName(IUpdatableReference updatable, IScope scope) {
		String old = updatable.getReferenceRegion().getText();
		List<String> candidates = new ArrayList<>();
		scope.getElements(updatable.getTargetEObject()).forEach(candidate -> candidates.add(names.toString(candidate.getName())));
		candidates.sort(Comparator.comparingInt((String name) -> commonEnding(old, name)).reversed()); // stable: ties keep the scope's order
		String rule = linking.getRuleNameFrom(updatable.getCrossReference());
		for (String name : candidates) {
			try {
				return values.toString(name, rule);
			} catch (ValueConverterException e) {
				// not writable as this reference's text: the next
			}
		}
		return null;
	}

	static int commonEnding(String a, String b) {
		int n = 0;
		while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
			n++;
		}
		return n;
	}
}
