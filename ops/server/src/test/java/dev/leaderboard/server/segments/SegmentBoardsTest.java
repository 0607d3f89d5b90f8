package dev.leaderboard.server.segments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.SseClient;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Segment boards: players put in a segment by a trusted source (a service's body or token claim; Kafka records are
 * in {@code KafkaIntegrityTest}), read with {@code segment=} on every read, ranked within the segment with the
 * board's tie-break and windows. Each test uses segments of its own, so the shared board {@code global} holds them
 * apart.
 */
class SegmentBoardsTest extends ServerTest {

    private static final String SERVICE = Tokens.service("quiz-service");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String newSegment() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String action(String userId, String type, String segment) {
        return "{\"actionId\":\"" + newActionId() + "\",\"type\":\"" + type + "\",\"userId\":\"" + userId + "\""
                + (segment == null ? "" : ",\"segment\":\"" + segment + "\"") + "}";
    }

    private void serviceSubmits(String userId, String type, String segment) {
        assertThat(api.submit(SERVICE, action(userId, type, segment)).status()).isEqualTo(202);
    }

    private JsonNode awaitRankings(String query, int players) {
        return await().atMost(PATIENCE).until(() -> api.get("/api/v1/leaderboards/global/rankings?" + query, null),
                r -> r.status() == 200 && r.json().get("totalPlayers").asInt() == players).json();
    }

    private static List<String> ranked(JsonNode response) {
        return response.get("entries").findValues("userId").stream().map(JsonNode::asText).toList();
    }

    /** Three players of one segment (two tied, the earlier first), one of another segment, one without. */
    private record Fixture(String segment, String first, String tiedEarlier, String tiedLater, String outsider,
                           String unsegmented) {
    }

    private Fixture fixture() {
        Fixture f = new Fixture(newSegment(), newUserId(), newUserId(), newUserId(), newUserId(), newUserId());
        serviceSubmits(f.first(), "level-up", f.segment());
        serviceSubmits(f.tiedEarlier(), "quiz-completed", f.segment());
        serviceSubmits(f.tiedLater(), "quiz-completed", f.segment());
        serviceSubmits(f.outsider(), "level-up", newSegment());
        serviceSubmits(f.outsider(), "level-up", null);
        serviceSubmits(f.unsegmented(), "level-up", null);
        awaitRankings("segment=" + f.segment(), 3);
        await().atMost(PATIENCE).until(() -> api.get("/api/v1/leaderboards/global/players/" + f.unsegmented(), null)
                .status() == 200);
        return f;
    }

    @Test
    void aSegmentRanksOnlyItsPlayersWithinItWithTheTieBreakInEveryWindow() {
        Fixture f = fixture();

        JsonNode allTime = awaitRankings("segment=" + f.segment(), 3);
        assertThat(allTime.get("leaderboardId").asText()).isEqualTo("global");
        assertThat(allTime.get("segment").asText()).isEqualTo(f.segment());
        assertThat(ranked(allTime)).containsExactly(f.first(), f.tiedEarlier(), f.tiedLater());
        assertThat(allTime.get("entries").findValues("rank")).extracting(JsonNode::asLong).containsExactly(1L, 2L, 3L);
        assertThat(allTime.get("entries").findValues("score")).extracting(JsonNode::asLong)
                .containsExactly(25L, 10L, 10L);
        for (String window : List.of("daily", "weekly", "monthly")) {
            JsonNode read = awaitRankings("window=" + window + "&segment=" + f.segment(), 3);
            assertThat(ranked(read)).as(window).containsExactly(f.first(), f.tiedEarlier(), f.tiedLater());
        }
        String today = awaitRankings("window=daily&segment=" + f.segment(), 3).get("period").get("key").asText();
        JsonNode custom = awaitRankings("window=custom&from=" + today + "&to=" + today + "&segment=" + f.segment(), 3);
        assertThat(custom.get("segment").asText()).isEqualTo(f.segment());
        assertThat(ranked(custom)).containsExactly(f.first(), f.tiedEarlier(), f.tiedLater());

        JsonNode whole = api.get("/api/v1/leaderboards/global/rankings?limit=1000", null).json();
        assertThat(whole.has("segment")).isFalse();
        assertThat(whole.get("totalPlayers").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void playerLookupExportAndSubsetReadTheSegment() {
        Fixture f = fixture();
        String segment = "segment=" + f.segment();

        JsonNode player = api.get("/api/v1/leaderboards/global/players/" + f.tiedLater() + "?context=1&" + segment,
                null).json();
        assertThat(player.get("segment").asText()).isEqualTo(f.segment());
        assertThat(player.get("rank").asLong()).isEqualTo(3);
        assertThat(player.get("totalPlayers").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/leaderboards/global/players/" + f.outsider() + "?" + segment, null).status())
                .isEqualTo(404);

        Api.Response export = api.get("/api/v1/leaderboards/global/export?format=csv&" + segment, null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).isEqualTo("rank,userId,score\n1," + f.first() + ",25\n2," + f.tiedEarlier()
                + ",10\n3," + f.tiedLater() + ",10\n");

        JsonNode subset = api.post("/api/v1/leaderboards/global/rankings/subset?" + segment, null,
                "{\"userIds\":[\"" + f.tiedLater() + "\",\"" + f.outsider() + "\",\"" + f.first() + "\"]}").json();
        assertThat(subset.get("segment").asText()).isEqualTo(f.segment());
        assertThat(subset.get("totalPlayers").asLong()).isEqualTo(3);
        assertThat(subset.get("entries").findValues("rank")).extracting(JsonNode::asLong).containsExactly(1L, 3L);
        assertThat(subset.get("missing")).extracting(JsonNode::asText).containsExactly(f.outsider());
    }

    @Test
    void theStreamOfASegmentSendsTheSegmentsTopAndItsChanges() throws Exception {
        Fixture f = fixture();
        try (SseClient stream = new SseClient(port(), "/api/v1/leaderboards/global/stream?top=5&segment="
                + f.segment())) {
            SseClient.Event first = stream.next(PATIENCE);
            assertThat(first.data().get("leaderboardId").asText()).isEqualTo("global");
            assertThat(first.data().get("segment").asText()).isEqualTo(f.segment());
            assertThat(ranked(first.data())).containsExactly(f.first(), f.tiedEarlier(), f.tiedLater());

            String newcomer = newUserId();
            serviceSubmits(newcomer, "level-up", f.segment());
            serviceSubmits(newcomer, "level-up", f.segment());

            // the two actions may reach the stream as one change or as two (second place, then first)
            SseClient.Event changed = stream.next(PATIENCE);
            while (changed != null && !ranked(changed.data()).getFirst().equals(newcomer)) {
                changed = stream.next(PATIENCE);
            }
            assertThat(changed).isNotNull();
            assertThat(changed.data().get("segment").asText()).isEqualTo(f.segment());
        }
    }

    @Test
    void aServiceTokensClaimStatesTheSegmentAndTheBodyOverridesIt() {
        String region = newSegment();
        String other = newSegment();
        String regional = Tokens.withClaim("eu-quiz-service", "service", "region", region);
        String byClaim = newUserId();
        String byBody = newUserId();
        String inBatch = newUserId();

        assertThat(api.submit(regional, action(byClaim, "quiz-completed", null)).status()).isEqualTo(202);
        assertThat(api.submit(regional, action(byBody, "quiz-completed", other)).status()).isEqualTo(202);
        Api.Response batch = api.submitBatch(regional, "{\"actions\":[" + action(inBatch, "level-up", null) + "]}");

        assertThat(batch.json().get("results").get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(ranked(awaitRankings("segment=" + region, 2))).containsExactly(inBatch, byClaim);
        assertThat(ranked(awaitRankings("segment=" + other, 1))).containsExactly(byBody);
    }

    @Test
    void playersCannotStateASegmentAndTheirClaimIsIgnored() {
        String segment = newSegment();
        String alice = newUserId();
        String bob = newUserId();

        Api.Response single = api.submit(Tokens.player(alice), "{\"actionId\":\"a-1\",\"type\":\"quiz-completed\","
                + "\"segment\":\"" + segment + "\"}");
        Api.Response batch = api.submitBatch(Tokens.player(alice), "{\"actions\":[{\"actionId\":\"a-2\","
                + "\"type\":\"quiz-completed\",\"segment\":\"" + segment + "\"}]}");
        Api.Response claimed = api.submit(Tokens.withClaim(bob, "player", "region", segment),
                "{\"actionId\":\"b-1\",\"type\":\"quiz-completed\"}");

        assertThat(single.status()).isEqualTo(403);
        assertThat(single.isProblem()).isTrue();
        JsonNode item = batch.json().get("results").get(0);
        assertThat(item.get("status").asText()).isEqualTo("rejected");
        assertThat(item.get("problem").get("status").asInt()).isEqualTo(403);
        assertThat(claimed.status()).isEqualTo(202);
        assertThat(rows.eventsOf(alice)).isZero();
        await().atMost(PATIENCE).until(() -> api.get("/api/v1/leaderboards/global/players/" + bob, null)
                .status() == 200);
        assertThat(awaitRankings("segment=" + segment, 0).get("entries")).isEmpty();
    }

    @Test
    void thePlayersFirstSegmentSticks() {
        String first = newSegment();
        String later = newSegment();
        String player = newUserId();

        serviceSubmits(player, "level-up", first);
        serviceSubmits(player, "quiz-completed", later);

        await().atMost(PATIENCE).until(() -> api.get("/api/v1/leaderboards/global/players/" + player + "?segment="
                + first, null), r -> r.status() == 200 && r.json().get("score").asLong() == 35);
        assertThat(awaitRankings("segment=" + later, 0).get("totalPlayers").asLong()).isZero();
        JsonNode history = api.get("/api/v1/admin/players/" + player + "/history", Tokens.admin()).json();
        assertThat(history.findValues("segment")).extracting(JsonNode::asText).containsExactly(first, first);
    }

    @Test
    void anUnknownSegmentIsAnEmptyBoard() {
        JsonNode empty = awaitRankings("segment=" + newSegment(), 0);

        assertThat(empty.get("entries")).isEmpty();
        assertThat(api.get("/api/v1/leaderboards/global/players/" + newUserId() + "?segment=" + newSegment(), null)
                .status()).isEqualTo(404);
    }

    @Test
    void malformedSegmentsAreBadRequestsEverywhere() {
        for (String bad : List.of("a%40b", "x".repeat(33), "a%20b", "%C3%A9")) {
            String query = "?segment=" + bad;
            for (Api.Response read : List.of(
                    api.get("/api/v1/leaderboards/global/rankings" + query, null),
                    api.get("/api/v1/leaderboards/global/players/someone" + query, null),
                    api.get("/api/v1/leaderboards/global/export" + query, null),
                    api.get("/api/v1/leaderboards/global/stream" + query, null),
                    api.post("/api/v1/leaderboards/global/rankings/subset" + query, null,
                            "{\"userIds\":[\"someone\"]}"))) {
                assertThat(read.status()).as(bad).isEqualTo(400);
                assertThat(read.isProblem()).isTrue();
                assertThat(read.json().get("detail").asText()).isEqualTo("segment must be 1-32 of [A-Za-z0-9._-]");
            }
        }
        String player = newUserId();
        Api.Response single = api.submit(SERVICE, action(player, "quiz-completed", "a@b"));
        Api.Response batch = api.submitBatch(SERVICE, "{\"actions\":[" + action(player, "quiz-completed",
                "y".repeat(33)) + "]}");
        Api.Response claim = api.submit(Tokens.withClaim("bad-service", "service", "region", "not valid"),
                action(player, "quiz-completed", null));

        assertThat(single.status()).isEqualTo(400);
        assertThat(single.body()).contains("segment");
        assertThat(batch.json().get("results").get(0).get("problem").get("status").asInt()).isEqualTo(400);
        assertThat(batch.json().get("results").get(0).get("problem").get("reason").asText()).isEqualTo("invalid");
        assertThat(claim.status()).isEqualTo(403);
        assertThat(rows.eventsOf(player)).isZero();
    }
}
