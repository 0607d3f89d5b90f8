package dev.leaderboard.server.projections;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SegmentSplitTest {

    @Test
    void twoInstancesSplitTheSegmentsAndProduceTheSingleInstanceResult() {
        String database = TestPostgres.newDatabaseUrl();
        try (ServerInstance first = ServerInstance.start(database);
             ServerInstance second = ServerInstance.start(database)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> claimsPerOwner(first).equals(List.of(2, 2)));

            List<Api> apis = List.of(first.api(), second.api());
            for (int i = 0; i < 200; i++) {
                apis.get(i % 2).submitAction(Tokens.player("p" + (i % 40)), "a-" + i, i % 3 == 0 ? "level-up" : "daily-login");
            }
            ProjectionProgress.awaitCaughtUp(first);

            Standings standings = Standings.of(first);
            Map<String, List<Entry>> redis = standings.redisBoards();
            assertThat(redis).isEqualTo(standings.postgresBoards());
            List<Entry> allTime = redis.get("global|all-time|all-time");
            assertThat(allTime).hasSize(40);
            for (int p = 0; p < 40; p++) {
                assertThat(allTime).contains(new Entry("p" + p, expectedTotal(p)));
            }
            assertThat(claimsPerOwner(first)).isEqualTo(List.of(2, 2));
        }
    }

    /** What one instance alone computes: the same actions, summed per player. */
    private static long expectedTotal(int player) {
        long total = 0;
        for (int i = player; i < 200; i += 40) {
            total += i % 3 == 0 ? 25 : 5;
        }
        return total;
    }

    private static List<Integer> claimsPerOwner(ServerInstance server) {
        return server.rows().jdbc().queryForList("""
                SELECT count(*) FROM token_entry WHERE processor_name = 'standings' AND owner IS NOT NULL
                GROUP BY owner ORDER BY count(*)""", Integer.class);
    }
}
