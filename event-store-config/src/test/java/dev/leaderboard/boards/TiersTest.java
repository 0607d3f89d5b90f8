package dev.leaderboard.boards;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TiersTest {

    private static final List<Tier> GOLD_SILVER_BRONZE = List.of(Tier.top("gold", 10), Tier.topPercent("silver", "10"),
            Tier.topPercent("bronze", "50"));

    @ParameterizedTest(name = "{0} players: gold {1}-{2}, silver {3}-{4}, bronze {5}-{6}")
    @CsvSource({
            "0,    1, 0,   1, 0,    1, 0",
            "1,    1, 1,   2, 1,    2, 1",
            "9,    1, 9,   10, 9,   10, 9",
            "10,   1, 10,  11, 10,  11, 10",
            "11,   1, 10,  11, 10,  11, 10",
            "40,   1, 10,  11, 10,  11, 20",
            "1000, 1, 10,  11, 100, 101, 500"})
    void tiersCutByOrdinalRankAndNeverOverlap(long total, long goldFrom, long goldTo, long silverFrom, long silverTo,
                                              long bronzeFrom, long bronzeTo) {
        assertThat(Tiers.ranges(GOLD_SILVER_BRONZE, total)).containsExactly(
                new TierRange("gold", goldFrom, goldTo),
                new TierRange("silver", silverFrom, silverTo),
                new TierRange("bronze", bronzeFrom, bronzeTo));
    }

    @Test
    void aPercentTierOfATinyBoardHoldsAtLeastTheFirstPlayer() {
        assertThat(Tiers.ranges(List.of(Tier.topPercent("top", "1")), 5))
                .containsExactly(new TierRange("top", 1, 1));
    }

    @Test
    void fractionalPercentagesRoundDownExactly() {
        // 0.3 % of 1,000 is exactly 3 ranks; a double would give 2.9999999999999996 and cut at 2.
        assertThat(Tiers.ranges(List.of(Tier.topPercent("elite", "0.3")), 1000))
                .containsExactly(new TierRange("elite", 1, 3));
    }

    @Test
    void aPlayerBelongsToTheFirstTierHoldingTheirRank() {
        List<TierRange> ranges = Tiers.ranges(GOLD_SILVER_BRONZE, 1000);
        assertThat(Tiers.tierOf(ranges, 10)).contains("gold");
        assertThat(Tiers.tierOf(ranges, 11)).contains("silver");
        assertThat(Tiers.tierOf(ranges, 500)).contains("bronze");
        assertThat(Tiers.tierOf(ranges, 501)).isEmpty();
    }

    @Test
    void emptyTiersHoldNoRank() {
        TierRange empty = Tiers.ranges(GOLD_SILVER_BRONZE, 9).get(1);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.players()).isZero();
        assertThat(empty.holds(9)).isFalse();
    }

    @Test
    void percentileIsTheShareRankedBelow() {
        assertThat(Tiers.percentile(1, 1000)).isEqualTo(99.9);
        assertThat(Tiers.percentile(1000, 1000)).isZero();
        assertThat(Tiers.percentile(1, 1)).isZero();
    }

    @Test
    void aTierNeedsExactlyOneSize() {
        assertThatThrownBy(() -> new Tier("x", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tier("x", 3L, java.math.BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tier.topPercent("x", "100.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tier.top("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tier.top("no spaces", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPercentWithTooManyDecimalsIsRefusedBeforeAnyArithmetic() {
        assertThat(Tier.topPercent("x", "12.500000000").topPercent()).isEqualByComparingTo("12.5");
        assertThatThrownBy(() -> Tier.topPercent("x", "1E-999999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimals");
    }

    @Test
    void aBoardHasAtMostTwentyTiersWithUniqueNames() {
        List<Tier> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> Tier.top("t" + i, i)).toList();
        assertThat(Tiers.validated(twenty)).hasSize(20);
        List<Tier> more = new java.util.ArrayList<>(twenty);
        more.add(Tier.top("t21", 21));
        assertThatThrownBy(() -> Tiers.validated(more)).hasMessageContaining("at most 20");
        assertThatThrownBy(() -> Tiers.validated(List.of(Tier.top("gold", 1), Tier.topPercent("gold", "5"))))
                .hasMessageContaining("'gold' is there twice");
    }
}
