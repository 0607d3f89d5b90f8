package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.leaderboard.server.reads.ReadFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

/** Custom ranges are the sum of their days; past periods Redis no longer holds come from PostgreSQL. */
class PeriodsAndRangesTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private static ServerInstance server;
    private static Api api;

    @BeforeAll
    static void actionsOnThreeDaysLongAgo() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(), CLOCK);
        api = server.api();
        CLOCK.set(Instant.parse("2026-01-05T09:00:00Z"));
        submit(api, "ann", "1", "quiz-perfect-score");   // 50
        submit(api, "ben", "1", "level-up");             // 25
        CLOCK.set(Instant.parse("2026-01-06T09:00:00Z"));
        submit(api, "ben", "2", "level-up");             // 25 (ben 50 over 5th+6th, reached later than ann)
        submit(api, "cat", "1", "quiz-completed");       // 10
        CLOCK.set(Instant.parse("2026-01-07T09:00:00Z"));
        submit(api, "cat", "2", "achievement-unlocked"); // 100
        ReadFixture.awaitProjected(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void customRangeEqualsTheSumOfItsDays() {
        Map<String, Long> sum = new HashMap<>();
        for (String day : new String[] {"2026-01-05", "2026-01-06"}) {
            api.get("/api/v1/leaderboards/global/rankings?window=daily&limit=100&period=" + day, null).json()
                    .get("entries").forEach(e -> sum.merge(e.get("userId").asText(), e.get("score").asLong(), Long::sum));
        }

        JsonNode custom = api.get(
                "/api/v1/leaderboards/global/rankings?window=custom&from=2026-01-05&to=2026-01-06&limit=100", null)
                .json();

        Map<String, Long> range = new HashMap<>();
        custom.get("entries").forEach(e -> range.put(e.get("userId").asText(), e.get("score").asLong()));
        assertThat(range).isEqualTo(sum).containsEntry("ann", 50L).containsEntry("ben", 50L);
        assertThat(custom.get("totalPlayers").asLong()).isEqualTo(3);
    }

    @Test
    void customRangeTiesRankByWhenTheRangeTotalWasReached() {
        JsonNode custom = api.get(
                "/api/v1/leaderboards/global/rankings?window=custom&from=2026-01-05&to=2026-01-06", null).json();

        assertThat(custom.get("entries").get(0).get("userId").asText()).isEqualTo("ann");
        assertThat(custom.get("entries").get(1).get("userId").asText()).isEqualTo("ben");
        assertThat(custom.get("entries").get(2).toString()).isEqualTo("{\"rank\":3,\"userId\":\"cat\",\"score\":10}");
    }

    @Test
    void playerContextWorksForCustomRanges() {
        JsonNode ben = api.get(
                "/api/v1/leaderboards/global/players/ben?window=custom&from=2026-01-05&to=2026-01-07&context=1", null)
                .json();

        assertThat(ben.get("rank").asLong()).isEqualTo(3);
        assertThat(ben.get("score").asLong()).isEqualTo(50);
        // min(2 x 1 + 1, 3) = 3 rows: the window shifts up at the bottom instead of shrinking
        assertThat(ben.get("entries").findValuesAsText("userId")).containsExactly("cat", "ann", "ben");
    }

    @Test
    void pastPeriodIsServedFromPostgresAfterItsRedisKeyExpired() {
        StringRedisTemplate redis = server.bean(StringRedisTemplate.class);
        RedisKeys keys = new RedisKeys(server.context().getEnvironment().getProperty("leaderboard.redis.key-prefix"));
        Integer generation = Standings.of(server).redisGeneration();
        // 2026-01-05 ended more than 35 days ago: the key expired as soon as it was written.
        assertThat(redis.hasKey(keys.ranking(generation, "global", TimeWindow.DAILY, "2026-01-05"))).isFalse();

        JsonNode day = api.get("/api/v1/leaderboards/global/rankings?window=daily&period=2026-01-05", null).json();
        JsonNode week = api.get("/api/v1/leaderboards/global/rankings?window=weekly&period=2026-W02", null).json();
        JsonNode ann = api.get("/api/v1/leaderboards/global/players/ann?window=daily&period=2026-01-05", null).json();

        assertThat(day.get("entries").toString()).isEqualTo(
                "[{\"rank\":1,\"userId\":\"ann\",\"score\":50},{\"rank\":2,\"userId\":\"ben\",\"score\":25}]");
        assertThat(week.get("totalPlayers").asLong()).isEqualTo(3);
        assertThat(week.get("entries").get(0).toString()).isEqualTo("{\"rank\":1,\"userId\":\"cat\",\"score\":110}");
        assertThat(ann.get("rank").asLong()).isEqualTo(1);
    }

    @Test
    void exportStreamsEveryEntryInRankOrderAsNdjsonAndCsv() {
        Api.Response ndjson = api.get("/api/v1/leaderboards/global/export?window=weekly&period=2026-W02", null);
        Api.Response csv = api.get("/api/v1/leaderboards/global/export?window=weekly&period=2026-W02&format=csv", null);
        Api.Response range = api.get(
                "/api/v1/leaderboards/global/export?window=custom&from=2026-01-05&to=2026-01-06&format=csv", null);

        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        assertThat(ndjson.body()).isEqualTo("""
                {"rank":1,"userId":"cat","score":110}
                {"rank":2,"userId":"ann","score":50}
                {"rank":3,"userId":"ben","score":50}
                """);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("rank,userId,score\n1,cat,110\n2,ann,50\n3,ben,50\n");
        assertThat(range.body()).isEqualTo("rank,userId,score\n1,ann,50\n2,ben,50\n3,cat,10\n");
    }
}
