package dev.byron.runtime.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * What one request may ask of the gateway: its size in characters, its depth, the number of fields it selects
 * once fragments are expanded (its complexity), how many fragments it defines and how deep fragments spread
 * into each other. A request over a limit is refused before any component sees it, and the document's shape
 * is checked on the parsed document before graphql-java's validation, whose cost grows with chained fragments,
 * with a message that says which limit and by how much.
 */
public record QueryLimits(int maxCharacters, int maxDepth, int maxFields, int maxFragments, int maxSpreadDepth) {
	public static final int DEFAULT_MAX_FRAGMENTS = 100;
	public static final int DEFAULT_MAX_SPREAD_DEPTH = 10;
	public static final QueryLimits DEFAULT = new QueryLimits(100_000, 15, 1_000);

	/** Limits written before fragments were limited (0 in an older gateway.json) read with the defaults. */
	public QueryLimits {
		maxFragments = maxFragments <= 0 ? DEFAULT_MAX_FRAGMENTS : maxFragments;
		maxSpreadDepth = maxSpreadDepth <= 0 ? DEFAULT_MAX_SPREAD_DEPTH : maxSpreadDepth;
	}

	public QueryLimits(int maxCharacters, int maxDepth, int maxFields) {
		this(maxCharacters, maxDepth, maxFields, DEFAULT_MAX_FRAGMENTS, DEFAULT_MAX_SPREAD_DEPTH);
	}

	public Optional<String> checkSize(String query) {
		return query.length() > maxCharacters
				? Optional.of("The query is " + query.length() + " characters long; the gateway accepts at most " + maxCharacters
						+ ". Send a smaller query.")
				: Optional.empty();
	}

	/**
	 * The parsed document before validation: fragment count, fragment cycles, spread depth, then depth and
	 * field count of every operation, each fragment counted once however often it is spread.
	 */
	public Optional<String> checkDocument(Document document) {
		List<FragmentDefinition> definitions = document.getDefinitionsOfType(FragmentDefinition.class);
		if (definitions.size() > maxFragments) {
			return Optional.of("The query defines " + definitions.size() + " fragments; the gateway accepts at most " + maxFragments
					+ ". Use fewer fragments.");
		}
		Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
		definitions.forEach(f -> fragments.putIfAbsent(f.getName(), f));
		Shapes shapes = new Shapes(fragments);
		for (String name : fragments.keySet()) {
			Optional<String> problem = shapes.spreadDepth(name, new ArrayList<>());
			if (problem.isPresent()) {
				return problem;
			}
		}
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			Optional<String> problem = check(shapes.depth(operation.getSelectionSet()), shapes.fields(operation.getSelectionSet()));
			if (problem.isPresent()) {
				return problem;
			}
		}
		return Optional.empty();
	}

	/** Depth and field count of a valid operation (validation has ruled out fragment cycles). */
	public Optional<String> checkShape(SelectionSet operation, Map<String, FragmentDefinition> fragments) {
		Shapes shapes = new Shapes(fragments);
		return check(shapes.depth(operation), shapes.fields(operation));
	}

	private Optional<String> check(int depth, long fields) {
		if (depth > maxDepth) {
			return Optional.of("The query is " + depth + " levels deep; the gateway accepts at most " + maxDepth
					+ ". Ask for fewer nested fields.");
		}
		if (fields > maxFields) {
			return Optional.of("The query selects " + fields + " fields (fragments expanded); the gateway accepts at most "
					+ maxFields + ". Split it into smaller queries.");
		}
		return Optional.empty();
	}

	/** Depth, field count and spread depth of selection sets, each fragment's computed once. */
	private final class Shapes {
		private final Map<String, FragmentDefinition> fragments;
		private final Map<String, Integer> depths = new HashMap<>();
		private final Map<String, Long> fieldCounts = new HashMap<>();
		private final Map<String, Integer> spreadDepths = new HashMap<>();

		Shapes(Map<String, FragmentDefinition> fragments) {
			this.fragments = fragments;
		}

		/** How deep fragments spread from this one; a cycle or a chain over the limit is a problem. */
		Optional<String> spreadDepth(String name, List<String> path) {
			if (spreadDepths.containsKey(name)) {
				return Optional.empty();
			}
			if (path.contains(name)) {
				List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
				cycle.add(name);
				return Optional.of("The fragments spread each other in a cycle (" + String.join(" -> ", cycle.size() > 6
						? List.of(cycle.get(0), "...", name) : cycle) + "); a fragment cannot contain itself.");
			}
			if (path.size() >= maxSpreadDepth) {
				return Optional.of("The fragments spread each other more than " + maxSpreadDepth
						+ " levels deep; the gateway accepts at most " + maxSpreadDepth + ". Inline some of them.");
			}
			path.add(name);
			int deepest = 0;
			for (String spread : spreads(fragments.get(name).getSelectionSet(), new ArrayList<>())) {
				if (fragments.containsKey(spread)) {
					Optional<String> problem = spreadDepth(spread, path);
					if (problem.isPresent()) {
						return problem;
					}
					deepest = Math.max(deepest, 1 + spreadDepths.get(spread));
				}
			}
			path.remove(path.size() - 1);
			if (deepest >= maxSpreadDepth) {
				return Optional.of("The fragments spread each other more than " + maxSpreadDepth
						+ " levels deep; the gateway accepts at most " + maxSpreadDepth + ". Inline some of them.");
			}
			spreadDepths.put(name, deepest);
			return Optional.empty();
		}

		private List<String> spreads(SelectionSet set, List<String> into) {
			if (set != null) {
				for (Selection<?> selection : set.getSelections()) {
					if (selection instanceof Field field) {
						spreads(field.getSelectionSet(), into);
					} else if (selection instanceof InlineFragment inline) {
						spreads(inline.getSelectionSet(), into);
					} else if (selection instanceof FragmentSpread spread) {
						into.add(spread.getName());
					}
				}
			}
			return into;
		}

		int depth(SelectionSet set) {
			if (set == null) {
				return 0;
			}
			int deepest = 0;
			for (Selection<?> selection : set.getSelections()) {
				if (selection instanceof Field field) {
					deepest = Math.max(deepest, 1 + depth(field.getSelectionSet()));
				} else if (selection instanceof InlineFragment inline) {
					deepest = Math.max(deepest, depth(inline.getSelectionSet()));
				} else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
					deepest = Math.max(deepest, fragmentDepth(spread.getName()));
				}
			}
			return deepest;
		}

		private int fragmentDepth(String name) {
			Integer known = depths.get(name);
			if (known == null) {
				depths.put(name, 0); // a cycle (refused elsewhere) ends here
				known = depth(fragments.get(name).getSelectionSet());
				depths.put(name, known);
			}
			return known;
		}

		long fields(SelectionSet set) {
			if (set == null) {
				return 0;
			}
			long count = 0;
			for (Selection<?> selection : set.getSelections()) {
				if (selection instanceof Field field) {
					count = saturated(count, 1 + fields(field.getSelectionSet()));
				} else if (selection instanceof InlineFragment inline) {
					count = saturated(count, fields(inline.getSelectionSet()));
				} else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
					count = saturated(count, fragmentFields(spread.getName()));
				}
			}
			return count;
		}

		private long fragmentFields(String name) {
			Long known = fieldCounts.get(name);
			if (known == null) {
				fieldCounts.put(name, 0L);
				known = fields(fragments.get(name).getSelectionSet());
				fieldCounts.put(name, known);
			}
			return known;
		}

		private long saturated(long a, long b) {
			long sum = a + b;
			return sum < 0 || sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : sum;
		}
	}
}
