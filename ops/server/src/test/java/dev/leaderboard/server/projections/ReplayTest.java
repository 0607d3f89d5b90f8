package dev.leaderboard.server.projections;

import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReplayTest {

    private static final int PLAYERS = 60;

    @Test
    void replayRebuildsIdenticalStandingsWhileReadersKeepTheCompleteBoard() throws Exception {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.projections.old-generation-grace=1s", "leaderboard.projections.replay-batch-size=50")) {
            Api api = server.api();
            for (int p = 0; p < PLAYERS; p++) {
                for (int a = 0; a <= p % 4; a++) {
                    api.submitAction(Tokens.player("player-" + p), "a-" + a, a % 2 == 0 ? "quiz-completed" : "level-up");
                }
            }
            ProjectionProgress.awaitCaughtUp(server);
            Standings standings = Standings.of(server);
            Map<String, List<Entry>> redisBefore = standings.redisBoards();
            Map<String, List<Entry>> postgresBefore = standings.postgresBoards();
            int playersBefore = redisBefore.get("global|all-time|all-time").size();
            assertThat(playersBefore).isEqualTo(PLAYERS);

            ReaderSampler sampler = new ReaderSampler(server);
            CompletableFuture<Void> sampling = CompletableFuture.runAsync(sampler::run);
            await().atMost(Duration.ofSeconds(10)).until(() -> sampler.samples.get() > 0);
            Api.Response started = api.post("/api/v1/admin/projections/standings/replay", Tokens.admin());
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.json().get("generation").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(2).equals(standings.redisGeneration()));
            ProjectionProgress.awaitCaughtUp(server);
            sampler.stop.set(true);
            sampling.get();

            assertThat(standings.redisBoards()).isEqualTo(redisBefore);
            assertThat(standings.postgresBoards()).isEqualTo(postgresBefore);
            assertThat(sampler.samples.get()).isPositive();
            assertThat(sampler.fewestPlayersSeen.get()).isEqualTo(playersBefore);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.rows().jdbc().queryForObject(
                    "SELECT count(*) FROM standing WHERE generation = 1", Integer.class) == 0);
        }
    }

    @Test
    void actionsAcceptedDuringAReplayAreInTheNewGeneration() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.projections.replay-batch-size=10")) {
            Api api = server.api();
            for (int p = 0; p < 40; p++) {
                api.submitAction(Tokens.player("before-" + p), "a-1", "quiz-completed");
            }
            ProjectionProgress.awaitCaughtUp(server);

            assertThat(api.post("/api/v1/admin/projections/standings/replay", Tokens.admin()).status()).isEqualTo(202);
            for (int p = 0; p < 20; p++) {
                api.submitAction(Tokens.player("during-" + p), "a-1", "level-up");
            }
            Standings standings = Standings.of(server);
            await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(2).equals(standings.redisGeneration()));
            ProjectionProgress.awaitCaughtUp(server);

            List<Entry> allTime = standings.redisBoard("global|all-time|all-time");
            assertThat(allTime).hasSize(60);
            assertThat(allTime.subList(0, 20)).allSatisfy(e -> assertThat(e.userId()).startsWith("during-"));
            assertThat(standings.redisBoards()).isEqualTo(standings.postgresBoards());
        }
    }

    @Test
    void aStuckReplayIsAConflictUntilCancelledThenANewOneRuns() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl())) {
            Api api = server.api();
            api.submitAction(Tokens.player("solo"), "a-1", "quiz-completed");
            // a replay whose instance died: its build stays claimed
            server.rows().jdbc().update(
                    "UPDATE projection_generation SET building_generation = 2, building_id = 'dead-run'");

            Api.Response second = api.post("/api/v1/admin/projections/standings/replay", Tokens.admin());
            Api.Response cancel = send(api, "DELETE");
            Api.Response third = api.post("/api/v1/admin/projections/standings/replay", Tokens.admin());

            assertThat(second.status()).isEqualTo(409);
            assertThat(second.isProblem()).isTrue();
            assertThat(cancel.status()).isEqualTo(200);
            assertThat(cancel.json().get("cancelled").asBoolean()).isTrue();
            assertThat(third.status()).isEqualTo(202);
            Standings standings = Standings.of(server);
            await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(2).equals(standings.redisGeneration()));
            assertThat(standings.redisBoard("global|all-time|all-time")).containsExactly(new Entry("solo", 10));
        }
    }

    @Test
    void aRedisPointerOutOfStepWithPostgresIsCorrected() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl())) {
            server.api().submitAction(Tokens.player("solo"), "a-1", "quiz-completed");
            ProjectionProgress.awaitCaughtUp(server);
            Standings standings = Standings.of(server);
            RedisKeys keys = new RedisKeys(server.context().getEnvironment().getProperty("leaderboard.redis.key-prefix"));

            server.bean(StringRedisTemplate.class).opsForValue().set(keys.generationPointer(), "7");

            await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(1).equals(standings.redisGeneration()));
            assertThat(standings.redisBoard("global|all-time|all-time")).containsExactly(new Entry("solo", 10));
        }
    }

    private static Api.Response send(Api api, String method) {
        return api.send(api.request("/api/v1/admin/projections/standings/replay", Tokens.admin())
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    /** A reader resolving the live generation through the pointer, as the query side does. */
    private static final class ReaderSampler {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong samples = new AtomicLong();
        final AtomicLong fewestPlayersSeen = new AtomicLong(Long.MAX_VALUE);
        private final StringRedisTemplate redis;
        private final RedisKeys keys;

        ReaderSampler(ServerInstance server) {
            this.redis = server.bean(StringRedisTemplate.class);
            this.keys = new RedisKeys(server.context().getEnvironment().getProperty("leaderboard.redis.key-prefix"));
        }

        void run() {
            while (!stop.get()) {
                int generation = Integer.parseInt(redis.opsForValue().get(keys.generationPointer()));
                Long players = redis.opsForZSet().zCard(
                        keys.ranking(generation, "global", TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY));
                fewestPlayersSeen.accumulateAndGet(players == null ? 0 : players, Math::min);
                samples.incrementAndGet();
            }
        }
    }
}
