package dev.leaderboard.server.projections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.projections.standings.RedisStandings;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Segment boards are boards of the projection like any other: a replay from the event store and a restore of Redis
 * after a loss rebuild them identically, and each is exactly its board restricted to the segment's players.
 */
class SegmentRebuildTest {

    private static final int PLAYERS = 24;
    private static final String SERVICE = Tokens.service("quiz-service");

    @Test
    void segmentBoardsAreTheirBoardRestrictedToTheSegmentAndSurviveAReplayAndARestore() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.projections.old-generation-grace=1s", "leaderboard.projections.replay-batch-size=7")) {
            Api api = server.api();
            Map<String, String> segmentOf = new HashMap<>();
            for (int p = 0; p < PLAYERS; p++) {
                String segment = switch (p % 3) {
                    case 0 -> null;
                    case 1 -> "eu";
                    default -> "us";
                };
                for (int a = 0; a <= p % 4; a++) {
                    String body = "{\"actionId\":\"a-" + a + "\",\"userId\":\"p" + p + "\",\"type\":\""
                            + (a % 2 == 0 ? "quiz-completed" : "level-up") + "\""
                            + (segment == null ? "" : ",\"segment\":\"" + segment + "\"") + "}";
                    assertThat(api.submit(SERVICE, body).status()).isEqualTo(202);
                }
                if (segment != null) {
                    segmentOf.put("p" + p, segment);
                }
            }
            assertThat(api.post("/api/v1/admin/players/p1/adjustments", Tokens.admin(),
                    "{\"leaderboardId\":\"global\",\"points\":40,\"reason\":\"compensation\"}").status())
                    .isEqualTo(201);
            assertThat(api.put("/api/v1/admin/players/p4/suspension", Tokens.admin(), "{\"reason\":\"cheating\"}")
                    .status()).isEqualTo(200);
            ProjectionProgress.awaitCaughtUp(server);
            Standings standings = Standings.of(server);
            Map<String, List<Entry>> redisBefore = standings.redisBoards();
            Map<String, List<Entry>> postgresBefore = standings.postgresBoards();
            JsonNode euBefore = api.get("/api/v1/leaderboards/global/rankings?segment=eu&limit=100", null).json();

            assertThat(redisBefore).containsKeys("global@eu|all-time|all-time", "global@us|all-time|all-time");
            assertThat(redisBefore.get("global@eu|all-time|all-time")).extracting(Entry::userId)
                    .contains("p1").doesNotContain("p4");
            assertThat(redisBefore.get("global@eu|all-time|all-time").getFirst()).isEqualTo(new Entry("p1", 75));
            redisBefore.forEach((board, entries) -> {
                if (board.startsWith("global|")) {
                    for (String segment : List.of("eu", "us")) {
                        assertThat(redisBefore.get(board.replace("global|", "global@" + segment + "|")))
                                .as("%s restricted to %s", board, segment)
                                .isEqualTo(entries.stream().filter(e -> segment.equals(segmentOf.get(e.userId())))
                                        .toList());
                    }
                }
            });
            assertThat(euBefore.get("entries").findValues("userId")).extracting(JsonNode::asText)
                    .containsExactlyElementsOf(redisBefore.get("global@eu|all-time|all-time").stream()
                            .map(Entry::userId).toList());

            assertThat(api.post("/api/v1/admin/projections/standings/replay", Tokens.admin()).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(2).equals(standings.redisGeneration()));
            ProjectionProgress.awaitCaughtUp(server);

            assertThat(standings.redisBoards()).isEqualTo(redisBefore);
            assertThat(standings.postgresBoards()).isEqualTo(postgresBefore);

            RedisStandings redis = server.bean(RedisStandings.class);
            redis.deleteGeneration(2);
            redis.deleteGenerationPointer(); // what the healer watches: last, so it restores after the loss
            await().atMost(Duration.ofSeconds(20)).until(() -> standings.redisGeneration() != null
                    && standings.redisBoards().equals(redisBefore));
            JsonNode euAfter = api.get("/api/v1/leaderboards/global/rankings?segment=eu&limit=100", null).json();
            assertThat(euAfter.get("entries")).isEqualTo(euBefore.get("entries"));
        }
    }
}
