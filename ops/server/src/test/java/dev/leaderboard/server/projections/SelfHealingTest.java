package dev.leaderboard.server.projections;

import dev.leaderboard.embedded.EmbeddedRedisServer;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis loses everything in the middle of a stream of actions; the service heals itself from PostgreSQL. */
class SelfHealingTest {

    private static final int PLAYERS = 30;
    private static final int ACTIONS = 600;

    @Test
    void flushAllDuringAStreamIsHealedWithinSecondsAndEndsEqualToACleanRun() throws Exception {
        try (EmbeddedRedisServer redisServer = EmbeddedRedisServer.start(0);
             ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(), redisServer.port(), null)) {
            Api api = server.api();
            StringRedisTemplate redis = server.bean(StringRedisTemplate.class);
            Standings standings = Standings.of(server);
            CountDownLatch halfway = new CountDownLatch(1);

            CompletableFuture<List<Integer>> stream = CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < ACTIONS; i++) {
                    statuses.add(api.submitAction(Tokens.player("p" + (i % PLAYERS)), "a-" + i, "quiz-completed")
                            .status());
                    if (i == ACTIONS / 3) {
                        halfway.countDown();
                    }
                }
                return statuses;
            });
            assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
            redis.execute((RedisCallback<Void>) connection -> {
                connection.serverCommands().flushAll();
                return null;
            });

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> everyPostgresPlayerIsInRedis(standings));

            assertThat(stream.get(120, TimeUnit.SECONDS)).containsOnly(202);
            ProjectionProgress.awaitCaughtUp(server);
            await().atMost(Duration.ofSeconds(20)).until(() -> standings.redisBoards().equals(standings.postgresBoards()));
            List<Entry> allTime = standings.postgresBoards().get("global|all-time|all-time");
            assertThat(allTime).hasSize(PLAYERS)
                    .allSatisfy(e -> assertThat(e.score()).isEqualTo(ACTIONS / PLAYERS * 10L));
        }
    }

    /** Read PostgreSQL first: Redis is written before PostgreSQL commits, so every committed player must be there. */
    private static boolean everyPostgresPlayerIsInRedis(Standings standings) {
        Map<String, List<Entry>> postgres = standings.postgresBoards();
        Map<String, List<Entry>> redis = standings.redisBoards();
        if (postgres.isEmpty() || standings.redisGeneration() == null) {
            return false;
        }
        return postgres.entrySet().stream().allMatch(board -> {
            Set<String> inRedis = redis.getOrDefault(board.getKey(), List.of()).stream().map(Entry::userId)
                    .collect(Collectors.toSet());
            return board.getValue().stream().allMatch(e -> inRedis.contains(e.userId()));
        });
    }
}
