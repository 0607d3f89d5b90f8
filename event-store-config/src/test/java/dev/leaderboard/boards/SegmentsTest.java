package dev.leaderboard.boards;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentsTest {

    @Test
    void aSegmentBoardKeySplitsBackIntoBoardAndSegment() {
        String key = Segments.boardKey("weekly-quiz", "eu-west.1");

        assertThat(key).isEqualTo("weekly-quiz@eu-west.1");
        assertThat(Segments.boardOf(key)).isEqualTo("weekly-quiz");
        assertThat(Segments.segmentOf(key)).isEqualTo("eu-west.1");
    }

    @Test
    void aWholeBoardIsItsOwnKeyWithoutSegment() {
        assertThat(Segments.boardKey("global", null)).isEqualTo("global");
        assertThat(Segments.boardOf("global")).isEqualTo("global");
        assertThat(Segments.segmentOf("global")).isNull();
    }

    @Test
    void segmentsAreShortTokensOfTheIdAlphabet() {
        assertThat(Segments.isValid("DE")).isTrue();
        assertThat(Segments.isValid("a".repeat(32))).isTrue();
        assertThat(Segments.isValid("a".repeat(33))).isFalse();
        assertThat(Segments.isValid("")).isFalse();
        assertThat(Segments.isValid(null)).isFalse();
        assertThat(Segments.isValid("eu@west")).isFalse();
        assertThat(Segments.isValid("eu west")).isFalse();
        assertThat(Segments.isValid("é")).isFalse();
    }

    @Test
    void theLongestKeyFitsTheWidenedColumn() {
        assertThat(Segments.boardKey("b".repeat(64), "s".repeat(32))).hasSize(Segments.MAX_BOARD_KEY_LENGTH);
    }
}
