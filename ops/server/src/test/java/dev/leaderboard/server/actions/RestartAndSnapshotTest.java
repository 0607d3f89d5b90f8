package dev.leaderboard.server.actions;

import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RestartAndSnapshotTest {

    @Test
    void restartKeepsTotalsAndIdempotency() {
        String database = TestPostgres.newDatabaseUrl();
        String token = Tokens.player("bob");
        try (ServerInstance before = ServerInstance.start(database)) {
            before.api().submitAction(token, "a-1", "quiz-completed");
            before.api().submitAction(token, "a-2", "quiz-perfect-score");
        }

        try (ServerInstance after = ServerInstance.start(database)) {
            assertThat(after.api().submitAction(token, "a-1", "quiz-completed").status()).isEqualTo(200);
            assertThat(after.api().submitAction(token, "a-3", "quiz-completed").status()).isEqualTo(202);
            assertThat(after.rows().latestAllTimeTotalOf("bob", "global")).isEqualTo(70);
            assertThat(after.rows().eventsOf("bob")).isEqualTo(3);
        }
    }

    @Test
    void playerRestoredFromASnapshotContinuesWithTheRightTotals() {
        String database = TestPostgres.newDatabaseUrl();
        String token = Tokens.player("carol");
        int actions = 30;
        try (ServerInstance before = ServerInstance.start(database, "leaderboard.user-aggregate.snapshot-threshold=10",
                "leaderboard.user-aggregate.cache-size=0")) {
            for (int i = 0; i < actions; i++) {
                before.api().submitAction(token, "a-" + i, "quiz-completed");
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> before.rows().snapshotsOf("carol") > 0);
        }

        try (ServerInstance after = ServerInstance.start(database)) {
            assertThat(after.api().submitAction(token, "a-next", "quiz-completed").status()).isEqualTo(202);
            assertThat(after.rows().latestAllTimeTotalOf("carol", "global")).isEqualTo((actions + 1) * 10L);
            assertThat(after.api().submitAction(token, "a-0", "quiz-completed").status()).isEqualTo(200);
        }
    }
}
