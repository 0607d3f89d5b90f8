package dev.leaderboard.server.integrity;

import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances whose clocks differ by 2 s at a day boundary: the one behind must not restart the daily total that
 * the one ahead already moved into the new day (event time never goes back within a player's stream).
 */
class ClockSkewTest {

    @Test
    void anInstanceWhoseClockIsBehindNeverResetsADailyTotalAcrossMidnight() {
        String database = TestPostgres.newDatabaseUrl();
        MutableClock ahead = new MutableClock(Instant.parse("2026-11-25T00:00:01Z"));
        MutableClock behind = new MutableClock(Instant.parse("2026-11-24T23:59:59Z"));
        try (ServerInstance first = ServerInstance.start(database, TestRedis.shared().port(), ahead);
             ServerInstance second = ServerInstance.start(database, TestRedis.shared().port(), behind)) {
            String token = Tokens.player("skewed");
            assertThat(first.api().submitAction(token, "a-1", "quiz-completed").status()).isEqualTo(202);

            assertThat(second.api().submitAction(token, "a-2", "quiz-completed").status()).isEqualTo(202);
            ahead.advance(Duration.ofMillis(1));
            assertThat(first.api().submitAction(token, "a-3", "quiz-completed").status()).isEqualTo(202);

            assertThat(first.rows().jdbc().queryForList("""
                    SELECT (convert_from(payload, 'UTF8')::jsonb -> 'totals' -> 'daily' ->> 'period')
                           || '=' || (convert_from(payload, 'UTF8')::jsonb -> 'totals' -> 'daily' ->> 'total')
                    FROM domain_event_entry WHERE aggregate_identifier = 'skewed' ORDER BY sequence_number""",
                    String.class)).containsExactly("2026-11-25=10", "2026-11-25=20", "2026-11-25=30");
            await().atMost(Duration.ofSeconds(30)).until(() -> first.api()
                    .get("/api/v1/leaderboards/global/players/skewed?window=daily&period=2026-11-25", null)
                    .status() == 200 && first.api()
                    .get("/api/v1/leaderboards/global/players/skewed?window=daily&period=2026-11-25", null)
                    .json().get("score").asLong() == 30);
            assertThat(first.api().get("/api/v1/leaderboards/global/players/skewed?window=daily&period=2026-11-24",
                    null).status()).isEqualTo(404);
        }
    }
}
