package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMergeTest {
	private static final String BASE = "a\nb\nc\nd\ne\n";

	@Test
	void changesToLinesApartAreBothKept() {
		assertThat(TextMerge.merge(BASE, "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n")).contains("A\nb\nc\nd\nE\n");
	}

	@Test
	void linesAddedAtTheEndOnOneSideAndChangedAtTheStartOnTheOtherAreBothKept() {
		assertThat(TextMerge.merge(BASE, BASE + "f\n", "A\nb\nc\nd\ne\n")).contains("A\nb\nc\nd\ne\nf\n");
	}

	@Test
	void theSameChangeOnBothSidesCountsOnce() {
		assertThat(TextMerge.merge(BASE, "a\nB\nc\nd\ne\n", "a\nB\nc\nd\ne\n")).contains("a\nB\nc\nd\ne\n");
	}

	@Test
	void changesToTheSameLineAreNotMerged() {
		assertThat(TextMerge.merge(BASE, "a\nX\nc\nd\ne\n", "a\nY\nc\nd\ne\n")).isEmpty();
	}

	@Test
	void changesToNeighbouringLinesAreNotMerged() {
		assertThat(TextMerge.merge(BASE, "a\nX\nc\nd\ne\n", "a\nb\nY\nd\ne\n")).isEmpty();
	}

	@Test
	void twoInsertionsAtTheSamePlaceAreNotMerged() {
		assertThat(TextMerge.merge(BASE, "a\nb\nx\nc\nd\ne\n", "a\nb\ny\nc\nd\ne\n")).isEmpty();
	}

	@Test
	void aTextWithoutAFinalLineBreakMergesToo() {
		assertThat(TextMerge.merge("a\nb\nc\nd", "A\nb\nc\nd", "a\nb\nc\nD")).contains("A\nb\nc\nD");
	}
}
