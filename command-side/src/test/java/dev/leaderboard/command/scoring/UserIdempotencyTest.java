package dev.leaderboard.command.scoring;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Same action id again: the original outcome and no event; reused for something else: a conflict. */
class UserIdempotencyTest extends UserFixtureSupport {

    private static final Instant EARLIER = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void duplicateActionIsCountedOnce() {
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2026-11-22T11:00:00Z");

        given.when(submit("a1", QUIZ))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("a1", QUIZ, GLOBAL, QUIZ_POINTS));
        assertThat(ledger.rows()).hasSize(1);
    }

    @Test
    void duplicateReturnsTheOriginalPointsEvenAfterTheConfiguredPointsChanged() {
        acceptedEarlier("a1", QUIZ, GLOBAL, 7);

        fixture.given(scored("a1", QUIZ, GLOBAL, 7, totals(7, "2026-11-20", 7, "2026-W47", 7, "2026-11", 7), EARLIER))
                .when(submit("a1", QUIZ))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("a1", QUIZ, GLOBAL, 7));
    }

    @Test
    void duplicateOfAnActionWhoseTypeWasSinceRemovedIsStillADuplicate() {
        acceptedEarlier("a1", "retired-type", GLOBAL, 5);

        fixture.given(scored("a1", "retired-type", GLOBAL, 5,
                        totals(5, "2026-11-20", 5, "2026-W47", 5, "2026-11", 5), EARLIER))
                .when(submit("a1", "retired-type"))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("a1", "retired-type", GLOBAL, 5));
    }

    @Test
    void duplicateOfAnActionOnABoardThatNoLongerExistsIsStillADuplicate() {
        acceptedEarlier("a1", QUIZ, "closed-board", QUIZ_POINTS);

        fixture.given(scored("a1", QUIZ, "closed-board", QUIZ_POINTS,
                        totals(10, "2026-11-20", 10, "2026-W47", 10, "2026-11", 10), EARLIER))
                .when(submit("a1", QUIZ, "closed-board"))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("a1", QUIZ, "closed-board", QUIZ_POINTS));
    }

    @Test
    void duplicateOfAnAcceptedActionIsADuplicateEvenWhenThePlayerIsAtTheScoreLimit() {
        long before = ScoreTotals.MAX_TOTAL - QUIZ_POINTS;
        var given = fixture.given(scored("a0", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(before, "2026-11-22", before, "2026-W47", before, "2026-11", before), clock.instant()))
                .andGivenCommands(submit("a1", QUIZ));

        given.when(submit("a1", QUIZ))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("a1", QUIZ, GLOBAL, QUIZ_POINTS));
    }

    @Test
    void sameActionIdWithAnotherTypeIsAConflictAndChangesNothing() {
        fixture.givenCommands(submit("a1", QUIZ))
                .when(submit("a1", LEVEL_UP))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.CONFLICT));
        assertThat(ledger.find(ALICE, "a1")).hasValueSatisfying(row -> assertThat(row.actionType()).isEqualTo(QUIZ));
    }

    @Test
    void sameActionIdOnAnotherBoardIsAConflictAndChangesNothing() {
        fixture.givenCommands(submit("a1", QUIZ, GLOBAL))
                .when(submit("a1", QUIZ, QUIZ_BOARD))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.CONFLICT));
        assertThat(ledger.find(ALICE, "a1"))
                .hasValueSatisfying(row -> assertThat(row.leaderboardId()).isEqualTo(GLOBAL));
    }

    @Test
    void sameActionIdWithAnUnknownTypeIsAConflict() {
        fixture.givenCommands(submit("a1", QUIZ))
                .when(submit("a1", "no-such-type"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.CONFLICT));
    }

    @Test
    void unknownActionTypeIsRejectedAndNotRecorded() {
        fixture.givenNoPriorActivity()
                .when(submit("a1", "no-such-type"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.UNKNOWN_ACTION_TYPE));
        assertThat(ledger.rows()).isEmpty();
    }

    @Test
    void removedActionTypeIsUnknownForANewActionId() {
        acceptedEarlier("a1", "retired-type", GLOBAL, 5);

        fixture.given(scored("a1", "retired-type", GLOBAL, 5,
                        totals(5, "2026-11-20", 5, "2026-W47", 5, "2026-11", 5), EARLIER))
                .when(submit("a2", "retired-type"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.UNKNOWN_ACTION_TYPE));
    }

    @Test
    void unknownLeaderboardIsRejectedAndNotRecorded() {
        fixture.givenNoPriorActivity()
                .when(submit("a1", QUIZ, "no-such-board"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.UNKNOWN_LEADERBOARD));
        assertThat(ledger.rows()).isEmpty();
    }

    private void acceptedEarlier(String actionId, String type, String leaderboardId, long points) {
        ledger.recordIfAbsent(new ProcessedAction(ALICE, actionId, leaderboardId, type, points, EARLIER));
    }
}
