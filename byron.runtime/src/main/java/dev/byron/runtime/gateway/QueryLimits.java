package dev.byron.runtime.gateway;

import java.util.Map;
import java.util.Optional;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * What one request may ask of the gateway: its size in characters, its depth, and the number of fields it
 * selects once fragments are expanded (its complexity). A request over a limit is refused before any
 * component sees it, with a message that says which limit and by how much.
 */
public record QueryLimits(int maxCharacters, int maxDepth, int maxFields) {
	public static final QueryLimits DEFAULT = new QueryLimits(100_000, 15, 1_000);

	public Optional<String> checkSize(String query) {
		return query.length() > maxCharacters
				? Optional.of("The query is " + query.length() + " characters long; the gateway accepts at most " + maxCharacters
						+ ". Send a smaller query.")
				: Optional.empty();
	}

	/** Depth and field count of a valid operation (validation has ruled out fragment cycles). */
	public Optional<String> checkShape(SelectionSet operation, Map<String, FragmentDefinition> fragments) {
		int depth = depth(operation, fragments);
		if (depth > maxDepth) {
			return Optional.of("The query is " + depth + " levels deep; the gateway accepts at most " + maxDepth
					+ ". Ask for fewer nested fields.");
		}
		int fields = fields(operation, fragments);
		if (fields > maxFields) {
			return Optional.of("The query selects " + fields + " fields (fragments expanded); the gateway accepts at most "
					+ maxFields + ". Split it into smaller queries.");
		}
		return Optional.empty();
	}

	private static int depth(SelectionSet set, Map<String, FragmentDefinition> fragments) {
		if (set == null) {
			return 0;
		}
		int deepest = 0;
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				deepest = Math.max(deepest, 1 + depth(field.getSelectionSet(), fragments));
			} else if (selection instanceof InlineFragment inline) {
				deepest = Math.max(deepest, depth(inline.getSelectionSet(), fragments));
			} else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				deepest = Math.max(deepest, depth(fragments.get(spread.getName()).getSelectionSet(), fragments));
			}
		}
		return deepest;
	}

	private static int fields(SelectionSet set, Map<String, FragmentDefinition> fragments) {
		if (set == null) {
			return 0;
		}
		int count = 0;
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				count += 1 + fields(field.getSelectionSet(), fragments);
			} else if (selection instanceof InlineFragment inline) {
				count += fields(inline.getSelectionSet(), fragments);
			} else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				count += fields(fragments.get(spread.getName()).getSelectionSet(), fragments);
			}
		}
		return count;
	}
}
