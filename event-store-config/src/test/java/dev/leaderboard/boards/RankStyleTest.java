package dev.leaderboard.boards;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class RankStyleTest {

    private static final long[] SCORES = {50, 40, 40, 30, 30, 30, 10};

    private static List<Long> ranks(RankStyle.Numbering numbering, long... scores) {
        return LongStream.of(scores).map(numbering::next).boxed().toList();
    }

    @Test
    void ordinalRanksAreUnique() {
        assertThat(ranks(RankStyle.ORDINAL.fromTop(), SCORES)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void competitionRanksSkipAfterTies() {
        assertThat(ranks(RankStyle.COMPETITION.fromTop(), SCORES)).containsExactly(1L, 2L, 2L, 4L, 4L, 4L, 7L);
    }

    @Test
    void denseRanksDoNotSkip() {
        assertThat(ranks(RankStyle.DENSE.fromTop(), SCORES)).containsExactly(1L, 2L, 2L, 3L, 3L, 3L, 4L);
    }

    @Test
    void aNumberingCanStartMidBoard() {
        // the page starts at ordinal 5 (score 30); the row before it (ordinal 4, score 30) had competition rank 4
        assertThat(ranks(RankStyle.COMPETITION.numbering(4, 4, 30L), 30, 30, 10)).containsExactly(4L, 4L, 7L);
        assertThat(ranks(RankStyle.DENSE.numbering(4, 3, 30L), 30, 30, 10)).containsExactly(3L, 3L, 4L);
    }

    @Test
    void stylesAreNamedAsInTheApi() {
        assertThat(RankStyle.fromId("competition")).contains(RankStyle.COMPETITION);
        assertThat(RankStyle.fromId("Dense")).isEmpty();
    }
}
