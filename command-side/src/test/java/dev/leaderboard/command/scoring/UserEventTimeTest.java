package dev.leaderboard.command.scoring;

import org.junit.jupiter.api.Test;

import java.time.Instant;

/**
 * Event time never goes back within a player's stream, so a node whose clock is behind another's cannot restart a
 * period total that the other node already moved into the next period.
 */
class UserEventTimeTest extends UserFixtureSupport {

    @Test
    void aClockBehindThePlayersLatestEventStampsTheLatestEventTimeAndKeepsTheNewDaysTotal() {
        Instant aheadNode = Instant.parse("2026-11-25T00:00:01Z");
        var given = fixture.given(scored("a1", QUIZ, GLOBAL, QUIZ_POINTS,
                totals(10, "2026-11-25", 10, "2026-W48", 10, "2026-11", 10), aheadNode));
        clock.set("2026-11-24T23:59:59Z"); // this node's clock is two seconds behind

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2026-11-25", 20, "2026-W48", 20, "2026-11", 20), aheadNode));
    }

    @Test
    void aClockAheadOfTheLatestEventIsUsedAsIs() {
        var given = fixture.given(scored("a1", QUIZ, GLOBAL, QUIZ_POINTS,
                totals(10, "2026-11-24", 10, "2026-W48", 10, "2026-11", 10), Instant.parse("2026-11-24T12:00:00Z")));
        clock.set("2026-11-24T12:00:05Z");

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2026-11-24", 20, "2026-W48", 20, "2026-11", 20), clock.instant()));
    }
}
