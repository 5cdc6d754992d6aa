package dev.byron.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Content negotiation and status codes as the GraphQL over HTTP specification has them. */
class GraphQLMediaTypeTest {
	@Test
	void aClientThatSaysNothingOrTakesAnythingGetsJson() {
		assertThat(GraphQLMediaType.accepted(null)).isEqualTo(GraphQLMediaType.JSON);
		assertThat(GraphQLMediaType.accepted("*/*")).isEqualTo(GraphQLMediaType.JSON);
		assertThat(GraphQLMediaType.accepted("application/*")).isEqualTo(GraphQLMediaType.JSON);
	}

	@Test
	void theSpecsRecommendedAcceptGetsTheGraphQLResponseType() {
		assertThat(GraphQLMediaType.accepted("application/graphql-response+json, application/json;q=0.9"))
				.isEqualTo(GraphQLMediaType.GRAPHQL_RESPONSE);
	}

	@Test
	void aHigherQualityWinsAndThenTheFirstGiven() {
		assertThat(GraphQLMediaType.accepted("application/graphql-response+json;q=0.5, application/json"))
				.isEqualTo(GraphQLMediaType.JSON);
		assertThat(GraphQLMediaType.accepted("application/json, application/graphql-response+json")).isEqualTo(GraphQLMediaType.JSON);
	}

	@Test
	void aClientThatAcceptsNeitherGetsNone() {
		assertThat(GraphQLMediaType.accepted("text/plain")).isNull();
		assertThat(GraphQLMediaType.accepted("application/json;q=0")).isNull();
	}

	@Test
	void anAnswerWithDataIs200InBothTypesEvenWhenDataIsNull() {
		Map<String, Object> fieldError = new java.util.HashMap<>();
		fieldError.put("data", null);
		fieldError.put("errors", List.of(Map.of("message", "x", "extensions", Map.of("code", "CONFLICT"))));
		assertThat(GraphQLMediaType.GRAPHQL_RESPONSE.status(fieldError)).isEqualTo(200);
		assertThat(GraphQLMediaType.JSON.status(fieldError)).isEqualTo(200);
	}

	@Test
	void anAnswerWithoutDataIsAnErrorStatusByItsCodeOnlyInTheGraphQLResponseType() {
		assertThat(GraphQLMediaType.GRAPHQL_RESPONSE.status(refused("VALIDATION"))).isEqualTo(400);
		assertThat(GraphQLMediaType.GRAPHQL_RESPONSE.status(refused("FORBIDDEN"))).isEqualTo(403);
		assertThat(GraphQLMediaType.GRAPHQL_RESPONSE.status(refused("UNAVAILABLE"))).isEqualTo(503);
		assertThat(GraphQLMediaType.JSON.status(refused("VALIDATION"))).as("older clients read the body only").isEqualTo(200);
	}

	private static Map<String, Object> refused(String code) {
		return Map.of("errors", List.of(Map.of("message", "refused", "extensions", Map.of("code", code))));
	}
}
