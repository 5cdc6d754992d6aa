package dev.byron.modeler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SentPicturesTest {
	private static final String OPENING = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">";

	private static String svg(String opening, String... parts) {
		return opening + "\n" + String.join("\n", parts) + "\n</svg>\n";
	}

	@Test
	void aPageThatShowsThePictureBeforeIsSentOnlyTheElementsThatChangedAndTheNumbersOfTheOthers() {
		SentPictures pictures = new SentPictures();
		Map<String, Object> first = new LinkedHashMap<>();
		pictures.answer(svg(OPENING, "<rect/>", "<g id=\"a\"/>", "<g id=\"b\"/>"), null, first);
		assertThat(first.get("svg")).as("a page that shows nothing yet gets the whole picture").isNotNull();

		Map<String, Object> next = new LinkedHashMap<>();
		String opening = OPENING.replace("50", "80");
		pictures.answer(svg(opening, "<rect/>", "<g id=\"b\"/>", "<g id=\"c\"/>", "<g id=\"a\"/>"), (String) first.get("picture"), next);
		assertThat(next.get("svg")).isNull();
		assertThat(next.get("base")).isEqualTo(first.get("picture"));
		assertThat(next.get("opening")).isEqualTo(opening);
		assertThat(next.get("parts")).isEqualTo(List.of(0, 2, "<g id=\"c\"/>", 1));
		assertThat(next.get("picture")).isNotEqualTo(first.get("picture"));
	}

	@Test
	void anElementTheSameAsTwoOfThePictureBeforeTakesEachOfThemOnce() {
		assertThat(SentPictures.parts(List.of("<x/>", "<x/>", "<x/>"), List.of("<x/>", "<y/>", "<x/>"))).isEqualTo(List.of(0, 2, "<x/>"));
	}

	@Test
	void aPictureThePageNamesButThisStudioNoLongerKeepsIsSentWhole() {
		SentPictures pictures = new SentPictures();
		Map<String, Object> answer = new LinkedHashMap<>();
		pictures.answer(svg(OPENING, "<rect/>"), "a-picture-of-an-earlier-run", answer);
		assertThat(answer.get("svg")).isEqualTo(svg(OPENING, "<rect/>"));
		assertThat(answer).doesNotContainKey("parts");
	}

	@Test
	void theSamePictureHasTheSameName() {
		SentPictures pictures = new SentPictures();
		Map<String, Object> one = new LinkedHashMap<>();
		Map<String, Object> two = new LinkedHashMap<>();
		pictures.answer(svg(OPENING, "<rect/>"), null, one);
		pictures.answer(svg(OPENING, "<rect/>"), null, two);
		assertThat(one.get("picture")).isEqualTo(two.get("picture"));
	}
}
