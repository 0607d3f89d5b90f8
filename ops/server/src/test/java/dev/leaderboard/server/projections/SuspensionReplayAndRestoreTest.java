package dev.leaderboard.server.projections;

import dev.leaderboard.projections.standings.RedisStandings;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Suspensions survive the two ways the projection is rebuilt: a replay from the event store, a restore of Redis. */
class SuspensionReplayAndRestoreTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aReplayRebuildsTheSuspendedPlayersAndIdenticalStandingsInBothStores() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.projections.old-generation-grace=1s", "leaderboard.projections.replay-batch-size=3")) {
            PlayerEvents events = new PlayerEvents(server.bean(EventStore.class));
            Instant yesterday = now.minus(1, ChronoUnit.DAYS);
            for (int p = 0; p < 8; p++) {
                events.append(events.increase("p" + p, "global", 10 + p, yesterday),
                        events.increase("p" + p, "global", 5, now));
            }
            events.append(events.suspend("p7", now));
            events.append(events.adjust("p7", "global", 20, now.plusMillis(1)));
            events.append(events.suspend("p3", now), events.adjust("p3", "global", -4, now.plusMillis(1)));
            events.append(events.reinstate("p3", now.plusMillis(2)));
            events.append(events.adjust("p5", "global", 30, now.plusMillis(1)));
            events.append(events.suspend("p1", now), events.reinstate("p1", now.plusMillis(1)),
                    events.suspend("p1", now.plusMillis(2)));
            ProjectionProgress.awaitCaughtUp(server);
            Standings standings = Standings.of(server);
            JdbcTemplate jdbc = server.rows().jdbc();
            Map<String, List<Entry>> redisBefore = standings.redisBoards();
            Map<String, List<Entry>> postgresBefore = standings.postgresBoards();
            assertThat(suspendedIn(jdbc, 1)).containsExactly("p1", "p7");
            assertThat(redisBefore.get("global|all-time|all-time")).extracting(Entry::userId)
                    .doesNotContain("p1", "p7").contains("p3", "p5");

            Api.Response started = server.api().post("/api/v1/admin/projections/standings/replay", Tokens.admin());
            assertThat(started.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(2).equals(standings.redisGeneration()));
            ProjectionProgress.awaitCaughtUp(server);

            assertThat(suspendedIn(jdbc, 2)).containsExactly("p1", "p7");
            assertThat(standings.redisBoards()).isEqualTo(redisBefore);
            assertThat(standings.postgresBoards()).isEqualTo(postgresBefore);
            await().atMost(Duration.ofSeconds(30)).until(() -> suspendedIn(jdbc, 1).isEmpty());
        }
    }

    @Test
    void aRestoreAfterRedisLostItsDataKeepsASuspendedPlayerOutAndTheirSuspensionInForce() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl())) {
            PlayerEvents events = new PlayerEvents(server.bean(EventStore.class));
            events.append(events.increase("clean", "global", 10, now), events.increase("banned", "global", 50, now));
            events.append(events.suspend("banned", now));
            ProjectionProgress.awaitCaughtUp(server);
            Standings standings = Standings.of(server);
            Map<String, List<Entry>> before = standings.redisBoards();
            assertThat(before.get("global|all-time|all-time")).containsExactly(new Entry("clean", 10));

            RedisStandings redis = server.bean(RedisStandings.class);
            redis.deleteGeneration(1);
            redis.deleteGenerationPointer(); // what the healer watches: last, so it restores after the loss
            await().atMost(Duration.ofSeconds(20)).until(() -> standings.redisGeneration() != null
                    && standings.redisBoards().equals(before));

            // the restored suspension still holds: a later adjustment stays out of Redis until the reinstatement
            events.append(events.adjust("banned", "global", 5, now.plusMillis(1)));
            ProjectionProgress.awaitCaughtUp(server);
            assertThat(standings.redisBoards()).isEqualTo(before);
            events.append(events.reinstate("banned", now.plusMillis(2)));
            ProjectionProgress.awaitCaughtUp(server);
            assertThat(standings.redisBoards().get("global|all-time|all-time"))
                    .containsExactly(new Entry("banned", 55), new Entry("clean", 10));
        }
    }

    private static List<String> suspendedIn(JdbcTemplate jdbc, int generation) {
        return jdbc.queryForList("SELECT user_id FROM suspended_player WHERE generation = ? ORDER BY user_id",
                String.class, generation);
    }
}
