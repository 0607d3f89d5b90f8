package dev.leaderboard.command.scoring;

import dev.leaderboard.command.leaderboards.UnknownLeaderboardException;
import dev.leaderboard.command.players.AdjustScore;
import dev.leaderboard.command.players.AdjustmentRefusedException;
import dev.leaderboard.command.players.SuspendPlayer;
import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.WindowTotals;
import org.junit.jupiter.api.Test;

/** Operator corrections: every window moves by the points, never below 0; windows left unchanged are null. */
class UserAdjustmentTest extends UserFixtureSupport {

    @Test
    void aPositiveAdjustmentCountsInEveryCurrentPeriod() {
        var given = fixture.givenCommands(submit("a1", QUIZ));

        given.when(new AdjustScore(ALICE, GLOBAL, "t-1", 100, "compensation", "ops-anna"))
                .expectEvents(new ScoreAdjusted(ALICE, GLOBAL, "t-1", 100,
                        totals(110, "2026-11-22", 110, "2026-W47", 110, "2026-11", 110),
                        "compensation", "ops-anna", clock.instant()));
    }

    @Test
    void aNegativeAdjustmentStopsAtZeroInEachWindow() {
        clock.set("2026-11-21T10:00:00Z");
        var given = fixture.givenCommands(submit("a1", LEVEL_UP), submit("a2", LEVEL_UP));
        clock.set("2026-11-22T10:00:00Z");
        given.andGivenCommands(submit("a3", QUIZ));

        given.when(new AdjustScore(ALICE, GLOBAL, "t-1", -30, "farmed quiz", "ops-anna"))
                .expectEvents(new ScoreAdjusted(ALICE, GLOBAL, "t-1", -30,
                        totals(30, "2026-11-22", 0, "2026-W47", 30, "2026-11", 30),
                        "farmed quiz", "ops-anna", clock.instant()));
    }

    @Test
    void aNegativeAdjustmentLeavesAPeriodWithoutPointsUntouched() {
        clock.set("2026-11-21T10:00:00Z");
        var given = fixture.givenCommands(submit("a1", LEVEL_UP));
        clock.set("2026-11-22T10:00:00Z");

        given.when(new AdjustScore(ALICE, GLOBAL, "t-1", -5, "typo", "ops-anna"))
                .expectEvents(new ScoreAdjusted(ALICE, GLOBAL, "t-1", -5,
                        new WindowTotals(20, null, new PeriodTotal("2026-W47", 20), new PeriodTotal("2026-11", 20)),
                        "typo", "ops-anna", clock.instant()));
    }

    @Test
    void theNextActionCountsFromTheAdjustedTotals() {
        var given = fixture.givenCommands(submit("a1", LEVEL_UP),
                new AdjustScore(ALICE, GLOBAL, "t-1", -20, "farmed", "ops-anna"));

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(15, "2026-11-22", 15, "2026-W47", 15, "2026-11", 15), clock.instant()));
    }

    @Test
    void anAdjustmentThatChangesNothingIsRefused() {
        var given = fixture.givenCommands(submit("a1", QUIZ),
                new AdjustScore(ALICE, GLOBAL, "t-1", -10, "reset", "ops-anna"));

        given.when(new AdjustScore(ALICE, GLOBAL, "t-2", -10, "again", "ops-anna"))
                .expectNoEvents()
                .expectException(AdjustmentRefusedException.class);
    }

    @Test
    void aRepeatedAdjustmentIdChangesNothing() {
        var given = fixture.givenCommands(submit("a1", QUIZ),
                new AdjustScore(ALICE, GLOBAL, "t-1", 5, "bonus", "ops-anna"));

        given.when(new AdjustScore(ALICE, GLOBAL, "t-1", 5, "bonus", "ops-anna")).expectNoEvents();
    }

    @Test
    void aSuspendedPlayerCanBeAdjusted() {
        var given = fixture.givenCommands(submit("a1", QUIZ), new SuspendPlayer(ALICE, "cheating", "ops-anna"));

        given.when(new AdjustScore(ALICE, GLOBAL, "t-1", -10, "remove farmed points", "ops-anna"))
                .expectEvents(new ScoreAdjusted(ALICE, GLOBAL, "t-1", -10,
                        totals(0, "2026-11-22", 0, "2026-W47", 0, "2026-11", 0),
                        "remove farmed points", "ops-anna", clock.instant()));
    }

    @Test
    void anAdjustmentOnAnUnknownBoardIsRefused() {
        var given = fixture.givenCommands(submit("a1", QUIZ));

        given.when(new AdjustScore(ALICE, "nope", "t-1", 5, "bonus", "ops-anna"))
                .expectNoEvents()
                .expectException(UnknownLeaderboardException.class);
    }
}
