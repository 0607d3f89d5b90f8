package dev.leaderboard.projections.standings;

import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StandingChangesTest {

    private static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");

    private static Standing standing(String board, String user, long score, long version) {
        return new Standing(board, TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY, user, score, AT, version);
    }

    @Test
    void onlyTheNewestVersionOfARowSurvivesWhateverTheArrivalOrder() {
        StandingChanges changes = new StandingChanges();
        changes.add(List.of(standing("global", "ann", 30, 3)));
        changes.add(List.of(standing("global", "ann", 10, 1)));

        assertThat(changes.latest()).containsExactly(standing("global", "ann", 30, 3));
        assertThat(changes.events()).isEqualTo(2);
    }

    @Test
    void rowsComeInKeyOrderSoConcurrentBatchesLockInTheSameOrder() {
        StandingChanges changes = new StandingChanges();
        changes.add(List.of(standing("quiz", "bob", 1, 1)));
        changes.add(List.of(standing("global", "zoe", 1, 1), standing("global", "amy", 1, 1)));

        assertThat(changes.latest()).extracting(s -> s.leaderboardId() + "/" + s.userId())
                .containsExactly("global/amy", "global/zoe", "quiz/bob");
    }

    @Test
    void aSuspensionLiftedInTheSameBatchWritesOnlyTheReinstatement() {
        StandingChanges changes = new StandingChanges();
        changes.suspend("ann", AT);
        changes.reinstate("ann");
        changes.suspend("bob", AT);

        assertThat(changes.reinstated()).containsExactly("ann");
        assertThat(changes.suspended()).containsOnlyKeys("bob");
        assertThat(changes.suspensionsChanged()).containsExactly("ann", "bob");
    }

    @Test
    void anEventThatSetsNoStandingIsNotCountedAndLeavesTheBatchEmpty() {
        StandingChanges changes = new StandingChanges();
        changes.add(List.of());

        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.events()).isZero();
    }
}
