package dev.leaderboard.server.periods;

import dev.leaderboard.projections.periods.ClosedPeriod;
import dev.leaderboard.projections.periods.LateEvents;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.leaderboard.server.periods.ClosedPeriods.awaitClosed;
import static dev.leaderboard.server.periods.ClosedPeriods.closingServer;
import static dev.leaderboard.server.periods.ClosedPeriods.digestOfStandings;
import static dev.leaderboard.server.periods.ClosedPeriods.liveGeneration;
import static dev.leaderboard.server.periods.ClosedPeriods.storedDigest;
import static dev.leaderboard.server.periods.PeriodCloseTest.awaitCaughtUp;
import static dev.leaderboard.server.periods.PeriodCloseTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event stamped inside a closed day but stored after its close (a command instance whose clock is 6 minutes
 * behind) counts in all-time and the open week, never in the closed day: not live, not after a replay.
 */
class LateEventsTest {

    private static final String DAY = "2026-11-24";

    @Test
    void anEventStoredAfterItsDayClosedIsLeftOutOfThatDayLiveAndInAReplay() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        MutableClock ahead = new MutableClock(Instant.parse("2026-11-24T23:50:00Z"));
        MutableClock behind = new MutableClock(Instant.parse("2026-11-24T23:59:00Z"));
        try (ServerInstance closer = closingServer(database, ahead, "period-results-" + UUID.randomUUID(),
                "leaderboard.projections.old-generation-grace=1s");
             ServerInstance skewed = ServerInstance.start(database, TestRedis.shared().port(), behind)) {
            submit(closer.api(), ahead, "ann", "quiz-perfect-score");
            submit(closer.api(), ahead, "zed", "quiz-completed");
            awaitCaughtUp(closer);
            ahead.set(Instant.parse("2026-11-25T00:05:01Z"));
            awaitClosed(closer, "global", "daily", DAY);
            JdbcTemplate jdbc = closer.rows().jdbc();
            String digest = storedDigest(jdbc, ClosedPeriod.aggregateIdOf("global", TimeWindow.DAILY, DAY));

            submit(skewed.api(), behind, "zed", "quiz-completed"); // stamped 23:59:01 on the closed day
            assertThat(jdbc.queryForObject("""
                    SELECT convert_from(payload, 'UTF8')::jsonb -> 'totals' -> 'daily' ->> 'period'
                    FROM domain_event_entry WHERE aggregate_identifier = 'zed' AND sequence_number = 1""",
                    String.class)).isEqualTo(DAY);
            awaitCaughtUp(closer);

            int live = liveGeneration(closer);
            assertThat(score(jdbc, live, "daily", DAY)).isEqualTo(10);
            assertThat(score(jdbc, live, "all-time", "all-time")).isEqualTo(20);
            assertThat(score(jdbc, live, "weekly", "2026-W48")).isEqualTo(20);
            assertThat(closer.bean(LateEvents.class).count() + skewed.bean(LateEvents.class).count())
                    .isEqualTo(1.0);
            assertThat(closer.api().get(PeriodCloseTest.results(DAY, "&offset=1&limit=1"), null).json()
                    .get("entries").get(0).get("score").asLong()).isEqualTo(10);

            assertThat(closer.api().post("/api/v1/admin/projections/standings/replay", Tokens.admin()).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> liveGeneration(closer) == live + 1);
            assertThat(digestOfStandings(jdbc, live + 1, "global", "daily", DAY)).isEqualTo(digest);
            assertThat(score(jdbc, live + 1, "daily", DAY)).isEqualTo(10);
            assertThat(score(jdbc, live + 1, "all-time", "all-time")).isEqualTo(20);
        }
    }

    private static long score(JdbcTemplate jdbc, int generation, String window, String period) {
        return jdbc.queryForObject("""
                SELECT score FROM standing WHERE generation = ? AND leaderboard_id = 'global' AND user_id = 'zed'
                AND time_window = ? AND period = ?""", Long.class, generation, window, period);
    }
}
