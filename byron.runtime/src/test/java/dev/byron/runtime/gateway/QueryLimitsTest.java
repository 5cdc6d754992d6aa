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

	@Test
	void manyOrChainedFragmentsAreRefusedOnTheParsedDocumentBeforeValidation() {
		StringBuilder chain = new StringBuilder("{ user { ...F0 } }\n");
		for (int i = 0; i < 1_000; i++) {
			chain.append("fragment F").append(i).append(" on User { id ...F").append(i + 1).append(" }\n");
		}
		chain.append("fragment F1000 on User { id }\n");
		assertThat(QueryLimits.DEFAULT.checkDocument(new Parser().parseDocument(graphql.parser.ParserEnvironment.newParserEnvironment()
				.document(chain.toString()).parserOptions(graphql.parser.ParserOptions.newParserOptions().maxTokens(100_000).build())
				.build()))).contains("The query defines 1001 fragments; the gateway accepts at most 100. Use fewer fragments.");

		StringBuilder deep = new StringBuilder("{ user { ...F0 } }\n");
		for (int i = 0; i < 20; i++) {
			deep.append("fragment F").append(i).append(" on User { id ...F").append(i + 1).append(" }\n");
		}
		deep.append("fragment F20 on User { id }\n");
		assertThat(QueryLimits.DEFAULT.checkDocument(Parser.parse(deep.toString()))).hasValueSatisfying(
				m -> assertThat(m).contains("spread each other more than 10 levels deep"));

		assertThat(QueryLimits.DEFAULT.checkDocument(Parser.parse("{ a { ...A } } fragment A on T { ...B } fragment B on T { ...A }")))
				.hasValueSatisfying(m -> assertThat(m).contains("cycle (A -> B -> A)"));
	}

	@Test
	void aFragmentSpreadManyTimesAtEachLevelIsCountedWithoutExpandingIt() {
		StringBuilder wide = new StringBuilder("{ a { ...F0 } }\n");
		for (int i = 0; i < 8; i++) {
			wide.append("fragment F").append(i).append(" on T { ");
			for (int j = 0; j < 30; j++) {
				wide.append("x").append(j).append(": a { ...F").append(i + 1).append(" } ");
			}
			wide.append("}\n");
		}
		wide.append("fragment F8 on T { id }\n");
		assertThat(QueryLimits.DEFAULT.checkDocument(Parser.parse(wide.toString()))).hasValueSatisfying(
				m -> assertThat(m).contains("fields (fragments expanded); the gateway accepts at most 1000"));
	}
}
