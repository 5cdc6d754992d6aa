package dev.byron.dsl.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {
	private static final List<String> SCALARS = List.of("String", "Int", "Float", "Boolean", "ID", "DateTime");

	@Test
	void twoLettersTypedTheWrongWayRoundSuggestTheNameTheyScramble() {
		assertThat(Suggestions.closest("Itn", SCALARS)).contains("Int");
		assertThat(Suggestions.closest("Flaot", SCALARS)).contains("Float");
		assertThat(Suggestions.closest("Stirng", SCALARS)).contains("String");
	}

	@Test
	void aMissingOrWrongLetterStillSuggestsTheClosestName() {
		assertThat(Suggestions.closest("Strng", SCALARS)).contains("String");
		assertThat(Suggestions.closest("Boolen", SCALARS)).contains("Boolean");
		assertThat(Suggestions.closest("Quantity", SCALARS)).isEmpty();
	}

	@Test
	void theStartOfALongerNameSuggestsIt() {
		assertThat(Suggestions.closest("Date", SCALARS)).contains("DateTime");
		assertThat(Suggestions.closest("Bool", SCALARS)).contains("Boolean");
		assertThat(Suggestions.closest("Quant", SCALARS)).isEmpty();
	}
}
