package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.RankStyle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StyledRanksTest {

    /** Ordinal ranks 6..9 of a board, scores 10, 10, 5, 5: the first row ties with rows above the page. */
    private static final List<RankedEntry> PAGE = List.of(new RankedEntry(6, "a", 10), new RankedEntry(7, "b", 10),
            new RankedEntry(8, "c", 5), new RankedEntry(9, "d", 5));

    @Test
    void competitionRanksStartAtOnePlusThePlayersAboveAndSkipAfterTies() {
        assertThat(StyledRanks.restyle(PAGE, RankStyle.COMPETITION, 3)).extracting(RankedEntry::rank)
                .containsExactly(4L, 4L, 8L, 8L);
    }

    @Test
    void denseRanksStartAtOnePlusTheDistinctScoresAboveAndNeverSkip() {
        assertThat(StyledRanks.restyle(PAGE, RankStyle.DENSE, 2)).extracting(RankedEntry::rank)
                .containsExactly(3L, 3L, 4L, 4L);
    }

    @Test
    void ordinalRowsAndEmptyPagesAreLeftAsTheyAre() {
        assertThat(StyledRanks.restyle(PAGE, RankStyle.ORDINAL, 99)).isSameAs(PAGE);
        assertThat(StyledRanks.restyle(List.of(), RankStyle.DENSE, 0)).isEmpty();
    }

    @Test
    void theParameterIsOrdinalWhenAbsentAndRefusedWhenUnknown() {
        assertThat(StyledRanks.parse(null)).isEqualTo(RankStyle.ORDINAL);
        assertThat(StyledRanks.parse("dense")).isEqualTo(RankStyle.DENSE);
        assertThatThrownBy(() -> StyledRanks.parse("Dense")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("rankStyle");
    }
}
