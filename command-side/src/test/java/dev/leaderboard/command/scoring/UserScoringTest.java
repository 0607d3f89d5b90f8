package dev.leaderboard.command.scoring;

import dev.leaderboard.events.ScoreIncreased;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;

class UserScoringTest extends UserFixtureSupport {

    @Test
    void firstActionIsScoredByTheServerWithTotalsForEveryWindowAndServerTime() {
        Map<String, Object> attributes = Map.of("quiz", "capitals", "correct", 9);

        fixture.givenNoPriorActivity()
                .when(new SubmitAction(ALICE, "a1", QUIZ, GLOBAL, attributes))
                .expectEvents(new ScoreIncreased(ALICE, GLOBAL, "a1", QUIZ, QUIZ_POINTS,
                        totals(10, "2026-11-22", 10, "2026-W47", 10, "2026-11", 10),
                        Instant.parse("2026-11-22T10:15:30Z"), attributes))
                .expectResultMessagePayload(accepted("a1", QUIZ, GLOBAL, QUIZ_POINTS));
    }

    @Test
    void acceptedOutcomeCarriesTheActionAndTheServerDecidedPoints() {
        fixture.givenNoPriorActivity()
                .when(submit("a1", LEVEL_UP, QUIZ_BOARD))
                .expectResultMessagePayloadMatching(predicate(
                        outcome -> outcome instanceof ActionOutcome o
                                && o.status() == ActionOutcome.Status.ACCEPTED
                                && o.actionId().equals("a1") && o.userId().equals(ALICE)
                                && o.leaderboardId().equals(QUIZ_BOARD) && o.type().equals(LEVEL_UP)
                                && o.points() == LEVEL_UP_POINTS));
    }

    @Test
    void acceptedActionIsRecordedInTheLedgerAtServerTime() {
        fixture.givenNoPriorActivity().when(submit("a1", QUIZ)).expectSuccessfulHandlerExecution();

        assertThat(ledger.rows()).containsExactly(new ProcessedAction(ALICE, "a1", GLOBAL, QUIZ, QUIZ_POINTS,
                Instant.parse("2026-11-22T10:15:30Z")));
    }

    @Test
    void missingAttributesAreStoredAsAnEmptyMap() {
        fixture.givenNoPriorActivity()
                .when(new SubmitAction(ALICE, "a1", QUIZ, GLOBAL, null))
                .expectEvents(scored("a1", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(10, "2026-11-22", 10, "2026-W47", 10, "2026-11", 10), clock.instant()));
    }

    @Test
    void totalsAccumulateAcrossActionsInTheSamePeriods() {
        fixture.givenCommands(submit("a1", QUIZ), submit("a2", LEVEL_UP))
                .when(submit("a3", QUIZ))
                .expectEvents(scored("a3", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(45, "2026-11-22", 45, "2026-W47", 45, "2026-11", 45), clock.instant()))
                .expectResultMessagePayload(accepted("a3", QUIZ, GLOBAL, QUIZ_POINTS));
    }

    @Test
    void totalsAreKeptPerLeaderboard() {
        fixture.givenCommands(submit("a1", QUIZ, GLOBAL), submit("a2", LEVEL_UP, QUIZ_BOARD))
                .when(submit("a3", QUIZ, GLOBAL))
                .expectEvents(scored("a3", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2026-11-22", 20, "2026-W47", 20, "2026-11", 20), clock.instant()));
    }

    @Test
    void firstActionOnAnotherBoardStartsThatBoardFromZero() {
        fixture.givenCommands(submit("a1", LEVEL_UP, GLOBAL))
                .when(submit("a2", QUIZ, QUIZ_BOARD))
                .expectEvents(scored("a2", QUIZ, QUIZ_BOARD, QUIZ_POINTS,
                        totals(10, "2026-11-22", 10, "2026-W47", 10, "2026-11", 10), clock.instant()));
    }

    @Test
    void scoreMayReachExactlyTheLimit() {
        long before = ScoreTotals.MAX_TOTAL - QUIZ_POINTS;
        fixture.given(scored("a0", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(before, "2026-11-22", before, "2026-W47", before, "2026-11", before), clock.instant()))
                .when(submit("a1", QUIZ))
                .expectEvents(scored("a1", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(ScoreTotals.MAX_TOTAL, "2026-11-22", ScoreTotals.MAX_TOTAL, "2026-W47",
                                ScoreTotals.MAX_TOTAL, "2026-11", ScoreTotals.MAX_TOTAL), clock.instant()));
    }

    @Test
    void actionThatWouldPassTwoToThe53IsRejectedAndNotRecorded() {
        long before = ScoreTotals.MAX_TOTAL - QUIZ_POINTS + 1;
        fixture.given(scored("a0", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(before, "2026-11-22", before, "2026-W47", before, "2026-11", before), clock.instant()))
                .when(submit("a1", QUIZ))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.SCORE_LIMIT));

        assertThat(ledger.find(ALICE, "a1")).isEmpty();
    }

    @Test
    void scoreLimitIsTwoToThe53() {
        assertThat(ScoreTotals.MAX_TOTAL).isEqualTo(9_007_199_254_740_992L);
    }
}
