package dev.byron.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

class QueryLimitsTest {
	private static Optional<String> shape(QueryLimits limits, String query) {
		Document document = Parser.parse(query);
		Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
		document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
		return limits.checkShape(document.getDefinitionsOfType(OperationDefinition.class).get(0).getSelectionSet(), fragments);
	}

	@Test
	void depthCountsNestedFieldsThroughFragments() {
		QueryLimits limits = new QueryLimits(1000, 3, 100);
		assertThat(shape(limits, "{ a { b { c } } }")).isEmpty();
		assertThat(shape(limits, "{ a { b { c { d } } } }")).contains(
				"The query is 4 levels deep; the gateway accepts at most 3. Ask for fewer nested fields.");
		assertThat(shape(limits, "{ a { ...F } } fragment F on T { b { ... on U { c { d } } } }")).isPresent();
	}

	@Test
	void fieldsAreCountedOncePerUseOfAFragment() {
		QueryLimits limits = new QueryLimits(1000, 10, 7);
		assertThat(shape(limits, "{ x: a { ...F } y: a { ...F } } fragment F on T { b c }")).isEmpty();
		assertThat(shape(limits, "{ x: a { ...F } y: a { ...F } z: a { ...F } } fragment F on T { b c }"))
				.contains("The query selects 9 fields (fragments expanded); the gateway accepts at most 7. Split it into smaller queries.");
		assertThat(limits.checkSize("x".repeat(1001))).isPresent();
	}
}
