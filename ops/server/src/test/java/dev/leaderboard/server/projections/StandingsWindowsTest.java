package dev.leaderboard.server.projections;

import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.standings.AppliedEvents;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.windows.TimeWindow;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mixed stream of actions across a day, an ISO week spanning a year boundary (2026-W53 runs into January 2027),
 * a month and a leap day, with the server clock under the test's control: every window's totals and order, in
 * Redis and in PostgreSQL.
 */
class StandingsWindowsTest {

    private static ServerInstance server;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-31T23:59:00Z"));

    @BeforeAll
    static void submitMixedStream() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(), CLOCK);
        Api api = server.api();
        submit(api, "alice", "a1", "quiz-completed", "2026-12-31T23:59:00Z");          // 10
        submit(api, "alice", "a2", "level-up", "2027-01-01T00:00:30Z");                // 25
        submit(api, "bob", "b1", "daily-login", "2027-01-01T00:00:40Z");               // 5
        submit(api, "bob", "b2", "quiz-perfect-score", "2027-01-04T00:00:00Z");        // 50, Monday: 2027-W01
        submit(api, "alice", "a3", "quiz-completed", "2028-02-29T12:00:00Z");          // 10, leap day
        submit(api, "carol", "c1", "quiz-completed", "2028-03-01T00:00:00Z");          // 10
        ProjectionProgress.awaitCaughtUp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void submit(Api api, String user, String actionId, String type, String at) {
        CLOCK.set(Instant.parse(at));
        assertThat(api.submitAction(Tokens.player(user), actionId, type).status()).isEqualTo(202);
    }

    private static Map<String, List<Entry>> expectedBoards() {
        Map<String, List<Entry>> boards = new TreeMap<>();
        boards.put("global|all-time|all-time", List.of(e("bob", 55), e("alice", 45), e("carol", 10)));
        boards.put("global|daily|2026-12-31", List.of(e("alice", 10)));
        boards.put("global|daily|2027-01-01", List.of(e("alice", 25), e("bob", 5)));
        boards.put("global|daily|2027-01-04", List.of(e("bob", 50)));
        boards.put("global|daily|2028-02-29", List.of(e("alice", 10)));
        boards.put("global|daily|2028-03-01", List.of(e("carol", 10)));
        boards.put("global|weekly|2026-W53", List.of(e("alice", 35), e("bob", 5)));
        boards.put("global|weekly|2027-W01", List.of(e("bob", 50)));
        boards.put("global|weekly|2028-W09", List.of(e("alice", 10), e("carol", 10)));
        boards.put("global|monthly|2026-12", List.of(e("alice", 10)));
        boards.put("global|monthly|2027-01", List.of(e("bob", 55), e("alice", 25)));
        boards.put("global|monthly|2028-02", List.of(e("alice", 10)));
        boards.put("global|monthly|2028-03", List.of(e("carol", 10)));
        return boards;
    }

    private static Entry e(String user, long score) {
        return new Entry(user, score);
    }

    @Test
    void everyWindowHasTheRightTotalsInRankOrderInRedisAndPostgres() {
        Standings standings = Standings.of(server);

        assertThat(standings.redisBoards()).isEqualTo(expectedBoards());
        assertThat(standings.postgresBoards()).isEqualTo(expectedBoards());
    }

    @Test
    void equalWeeklyTotalsRankWhoReachedThemFirst() {
        // alice and carol both have 10 in 2028-W09; alice reached it on 29 February, carol on 1 March.
        assertThat(Standings.of(server).redisBoard("global|weekly|2028-W09"))
                .containsExactly(e("alice", 10), e("carol", 10));
    }

    @Test
    void periodKeysExpireAfterTheirRetentionAndAllTimeNever() {
        StringRedisTemplate redis = server.bean(StringRedisTemplate.class);
        RedisKeys keys = new RedisKeys(server.context().getEnvironment().getProperty("leaderboard.redis.key-prefix"));
        int generation = Standings.of(server).redisGeneration();

        Long allTime = redis.getExpire(keys.ranking(generation, "global", TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY));
        Long daily = redis.getExpire(keys.ranking(generation, "global", TimeWindow.DAILY, "2028-03-01"));
        long expectedDaily = Instant.parse("2028-04-06T00:00:00Z").getEpochSecond() - Instant.now().getEpochSecond();

        assertThat(allTime).isEqualTo(-1);
        assertThat(daily).isBetween(expectedDaily - 60, expectedDaily);
    }

    @Test
    void redeliveredEventsLeaveTheSameState() {
        Standings standings = Standings.of(server);
        Map<String, List<Entry>> redisBefore = standings.redisBoards();
        Map<String, List<Entry>> postgresBefore = standings.postgresBoards();
        AppliedEvents applied = server.bean(AppliedEvents.class);
        double appliedBefore = applied.total();
        PooledStreamingEventProcessor processor = server.bean(EventProcessingConfiguration.class)
                .eventProcessor("standings", PooledStreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.total() >= appliedBefore + 6);
        ProjectionProgress.awaitCaughtUp(server);

        assertThat(standings.redisBoards()).isEqualTo(redisBefore);
        assertThat(standings.postgresBoards()).isEqualTo(postgresBefore);
    }
}
