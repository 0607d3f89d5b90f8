package dev.leaderboard.server.projections;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Equal totals rank by who reached them first, exactly, at magnitudes where a "score + fraction of time" double
 * would collapse (2^40 and up to 2^53). Events are appended straight to the store to reach such totals.
 */
class TieBreakTest {

    private static final long HUGE = (1L << 40) + 7;
    private static final long MAX = 1L << 53;

    @Test
    void earlierReachRanksFirstAtHugeScoresAndTotalsStayExact() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl())) {
            EventStore events = server.bean(EventStore.class);
            // "late" is appended first but reached the total later: the reach time decides, not the order of arrival.
            append(events, "late", HUGE, "2026-11-20T10:00:00.000002Z");
            append(events, "early", HUGE, "2026-11-20T10:00:00.000001Z");
            append(events, "top", MAX, "2026-11-20T11:00:00Z");
            append(events, "almost-top", MAX - 1, "2026-11-20T09:00:00Z");
            ProjectionProgress.awaitCaughtUp(server);

            Standings standings = Standings.of(server);
            var expected = new Entry[] {
                    new Entry("top", MAX), new Entry("almost-top", MAX - 1),
                    new Entry("early", HUGE), new Entry("late", HUGE)};
            assertThat(standings.redisBoard("global|all-time|all-time")).containsExactly(expected);
            assertThat(standings.postgresBoards().get("global|all-time|all-time")).containsExactly(expected);
        }
    }

    private static void append(EventStore events, String user, long total, String at) {
        Instant time = Instant.parse(at);
        WindowTotals totals = new WindowTotals(total, new PeriodTotal("2026-11-20", total),
                new PeriodTotal("2026-W47", total), new PeriodTotal("2026-11", total));
        events.publish(new GenericDomainEventMessage<>("User", user, 0,
                new ScoreIncreased(user, "global", "a-" + user, "quiz-completed", total, totals, time, Map.of())));
    }
}
