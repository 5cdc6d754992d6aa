package dev.byron.dsl.ide.rename;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
 * names at once, its own, its generated events' and commands' ({@code loans.LoanUpdated} and {@code updateLoan} lead
 * to the entity {@code Loan}; {@code guests.GuestTierChanged} to the entity of the field {@code tier}); Xtext wrote
 * each reference under the first name the scope gave, so a subscription to {@code LoanUpdated} became one to
 * {@code LendingCreated}, silently. The name chosen is the old text with the renamed name changed in it, the way the
 * name was made (as it stands, or capitalised as in a generated name); failing that, the one with the most in common
 * with the old text at its start and its end.
 */
public class ByronReferenceUpdater extends ReferenceUpdater {
	@Inject
	private IQualifiedNameConverter names;
	@Inject
	private IValueConverterService values;
	@Inject
	private LinkingHelper linking;
	@Inject
	private RenamesUnderWay underWay;

	@Override
	protected String findValidName(IUpdatableReference updatable, IScope scope) {
		String old = updatable.getReferenceRegion().getText();
		List<String> candidates = new ArrayList<>();
		scope.getElements(updatable.getTargetEObject()).forEach(candidate -> candidates.add(names.toString(candidate.getName())));
		List<String> ordered = new ArrayList<>();
		for (String renamed : renamedTexts(old, underWay.names())) {
			if (candidates.contains(renamed) && !ordered.contains(renamed)) {
				ordered.add(renamed);
			}
		}
		List<String> rest = new ArrayList<>(candidates);
		rest.removeAll(ordered);
		rest.sort(Comparator.comparingInt((String name) -> inCommon(old, name)).reversed()); // stable: ties keep the scope's order
		ordered.addAll(rest);
		String rule = linking.getRuleNameFrom(updatable.getCrossReference());
		for (String name : ordered) {
			try {
				return values.toString(name, rule);
			} catch (ValueConverterException e) {
				// not writable as this reference's text: the next
			}
		}
		return null;
	}

	/** The old text with each renamed name changed in it: as it stands, capitalised, and both. */
	static List<String> renamedTexts(String old, Map<String, String> renames) {
		List<String> texts = new ArrayList<>();
		for (Map.Entry<String, String> rename : renames.entrySet()) {
			String from = rename.getKey();
			String to = rename.getValue();
			String asIs = old.replace(from, to);
			String capitalised = old.replace(capitalised(from), capitalised(to));
			texts.add(asIs);
			texts.add(capitalised);
			texts.add(asIs.replace(capitalised(from), capitalised(to)));
		}
		return texts;
	}

	private static String capitalised(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** How many characters two names share at their start and at their end. */
	static int inCommon(String a, String b) {
		int start = 0;
		while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
			start++;
		}
		int end = 0;
		while (end < a.length() - start && end < b.length() - start
				&& a.charAt(a.length() - 1 - end) == b.charAt(b.length() - 1 - end)) {
			end++;
		}
		return start + end;
	}
}
