package dev.leaderboard.command.scoring;

import dev.leaderboard.command.players.NotSuspendedException;
import dev.leaderboard.command.players.ReinstatePlayer;
import dev.leaderboard.command.players.SuspendPlayer;
import dev.leaderboard.command.players.Suspension;
import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import org.junit.jupiter.api.Test;

/** A suspended player's actions are refused until an operator reinstates them; their totals are kept. */
class UserSuspensionTest extends UserFixtureSupport {

    @Test
    void suspendingStoresWhoAndWhy() {
        var given = fixture.givenCommands(submit("a1", QUIZ));

        given.when(new SuspendPlayer(ALICE, "shared account", "ops-anna"))
                .expectEvents(new PlayerSuspended(ALICE, "shared account", "ops-anna", null, clock.instant()))
                .expectResultMessagePayload(new Suspension(ALICE, true, "shared account", "ops-anna", null,
                        clock.instant()));
    }

    @Test
    void aSuspendedPlayersActionIsRefusedWithoutAnEvent() {
        var given = fixture.givenCommands(submit("a1", QUIZ), new SuspendPlayer(ALICE, "cheating", "ops-anna"));

        given.when(submit("a2", QUIZ))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.SUSPENDED));
    }

    @Test
    void aResendOfAnActionAcceptedBeforeTheSuspensionIsStillADuplicate() {
        var given = fixture.givenCommands(submit("a1", QUIZ), new SuspendPlayer(ALICE, "cheating", "ops-anna"));

        given.when(submit("a1", QUIZ))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("a1", QUIZ, GLOBAL, QUIZ_POINTS));
    }

    @Test
    void suspendingASuspendedPlayerChangesNothing() {
        var given = fixture.givenCommands(new SuspendPlayer(ALICE, "cheating", "ops-anna"));

        given.when(new SuspendPlayer(ALICE, "again", "ops-ben")).expectNoEvents();
    }

    @Test
    void aPlayerWithNoHistoryCanBeSuspended() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPlayer(ALICE, "known bot", "ops-anna"))
                .expectEvents(new PlayerSuspended(ALICE, "known bot", "ops-anna", null, clock.instant()));
    }

    @Test
    void reinstatedPlayersScoreAgainFromTheirKeptTotals() {
        var given = fixture.givenCommands(submit("a1", QUIZ), new SuspendPlayer(ALICE, "cheating", "ops-anna"),
                new ReinstatePlayer(ALICE, "appeal accepted", "ops-ben"));

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2026-11-22", 20, "2026-W47", 20, "2026-11", 20), clock.instant()));
    }

    @Test
    void reinstatingStoresWhoAndWhy() {
        var given = fixture.givenCommands(new SuspendPlayer(ALICE, "cheating", "ops-anna"));

        given.when(new ReinstatePlayer(ALICE, "appeal accepted", "ops-ben"))
                .expectEvents(new PlayerReinstated(ALICE, "appeal accepted", "ops-ben", clock.instant()));
    }

    @Test
    void reinstatingAPlayerWhoIsNotSuspendedIsRefused() {
        var given = fixture.givenCommands(submit("a1", QUIZ));

        given.when(new ReinstatePlayer(ALICE, "?", "ops-ben"))
                .expectNoEvents()
                .expectException(NotSuspendedException.class);
    }
}
