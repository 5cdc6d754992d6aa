package dev.byron.runtime.gateway;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;

/** What the gateway needs to know of a query document to split it by component. */
final class Documents {
	private Documents() {
	}

	/** The root fields of an operation, looking through fragments on the root type. */
	static List<Field> rootFields(SelectionSet selections, String rootType, Map<String, FragmentDefinition> fragments) {
		List<Field> fields = new ArrayList<>();
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(field);
			} else if (selection instanceof InlineFragment inline && (inline.getTypeCondition() == null
					|| inline.getTypeCondition().getName().equals(rootType))) {
				fields.addAll(rootFields(inline.getSelectionSet(), rootType, fragments));
			} else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				fields.addAll(rootFields(fragments.get(spread.getName()).getSelectionSet(), rootType, fragments));
			}
		}
		return fields;
	}

	static Set<String> variables(List<? extends Node<?>> nodes, Map<String, FragmentDefinition> fragments) {
		Set<String> names = new LinkedHashSet<>();
		Deque<Node<?>> todo = new ArrayDeque<>(nodes);
		fragments(nodes, fragments).forEach(name -> todo.add(fragments.get(name)));
		while (!todo.isEmpty()) {
			Node<?> node = todo.pop();
			if (node instanceof VariableReference reference) {
				names.add(reference.getName());
			}
			node.getChildren().forEach(todo::push);
		}
		return names;
	}

	/** The fragments these nodes use, directly or through other fragments. */
	static Set<String> fragments(List<? extends Node<?>> nodes, Map<String, FragmentDefinition> fragments) {
		Set<String> used = new LinkedHashSet<>();
		Deque<Node<?>> todo = new ArrayDeque<>(nodes);
		while (!todo.isEmpty()) {
			Node<?> node = todo.pop();
			if (node instanceof FragmentSpread spread && used.add(spread.getName()) && fragments.containsKey(spread.getName())) {
				todo.push(fragments.get(spread.getName()));
			}
			node.getChildren().forEach(todo::push);
		}
		used.retainAll(fragments.keySet());
		return used;
	}

	static String responseKey(Field field) {
		return field.getAlias() != null ? field.getAlias() : field.getName();
	}
}
