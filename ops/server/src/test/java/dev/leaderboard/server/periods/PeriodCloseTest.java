package dev.leaderboard.server.periods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.periods.ClosePeriod;
import dev.leaderboard.projections.periods.ClosedPeriod;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.server.support.TopicReader;
import dev.leaderboard.windows.TimeWindow;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.leaderboard.server.periods.ClosedPeriods.awaitClosed;
import static dev.leaderboard.server.periods.ClosedPeriods.closingServer;
import static dev.leaderboard.server.periods.ClosedPeriods.digestOfStandings;
import static dev.leaderboard.server.periods.ClosedPeriods.liveGeneration;
import static dev.leaderboard.server.periods.ClosedPeriods.storedDigest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two instances close an ended day once, after the grace: frozen rows, one PeriodClosed with the digest of those rows,
 * one record on the results topic, the results endpoints; a replay rebuilds standings with the same digest.
 */
class PeriodCloseTest {

    private static final String DAY = "2026-11-24"; // a Tuesday: only the daily window ends at its midnight
    private static final String AGGREGATE = ClosedPeriod.aggregateIdOf("global", TimeWindow.DAILY, DAY);

    @Test
    void anEndedDayIsClosedOnceAcrossTwoInstancesPublishedServedAndReproducedByAReplay() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        String topic = "period-results-" + UUID.randomUUID();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T23:50:00Z"));
        try (ServerInstance first = closingServer(database, clock, topic,
                "leaderboard.projections.old-generation-grace=1s");
             ServerInstance second = closingServer(database, clock, topic);
             KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers());
             TopicReader reader = kafka.reader(topic);
             TopicReader scoreEvents = kafka.reader(topic + ".score-events")) {
            submit(first.api(), clock, "ann", "quiz-completed", "quiz-completed"); // 20
            submit(first.api(), clock, "bob", "quiz-perfect-score");               // 50
            submit(second.api(), clock, "cid", "quiz-completed", "quiz-completed"); // 20, reached after ann
            submit(second.api(), clock, "dan", "level-up");                        // 25
            awaitCaughtUp(first);

            clock.set(Instant.parse("2026-11-25T00:04:00Z")); // ended, but within the 5 minute grace
            Api.Response early = first.api().get(results(DAY, ""), null);
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.isProblem()).isTrue();
            assertThat(early.json().get("detail").asText()).contains("not closed yet");

            clock.set(Instant.parse("2026-11-25T00:05:01Z"));
            awaitClosed(first, "global", "daily", DAY);
            JdbcTemplate jdbc = first.rows().jdbc();

            assertThat(jdbc.queryForList("""
                    SELECT rank || ',' || competition_rank || ',' || dense_rank || ',' || user_id || ',' || score
                    FROM period_result_entry WHERE leaderboard_id = 'global' AND time_window = 'daily'
                    AND period = ? ORDER BY rank""", String.class, DAY))
                    .containsExactly("1,1,1,bob,50", "2,2,2,dan,25", "3,3,3,ann,20", "4,3,3,cid,20");
            String digest = storedDigest(jdbc, AGGREGATE);
            assertThat(digest).isEqualTo(sha256("1,bob,50\n2,dan,25\n3,ann,20\n4,cid,20\n"))
                    .isEqualTo(digestOfStandings(jdbc, liveGeneration(first), "global", "daily", DAY));

            // Both instances poll with the same clock: one close, one event, one header.
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?",
                    Integer.class, "dev.leaderboard.events.PeriodClosed")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM period_result", Integer.class)).isEqualTo(1);
            // A close sent again is refused by the event store and leaves no rows behind.
            CommandGateway commands = second.bean(CommandGateway.class);
            assertThatThrownBy(() -> commands.sendAndWait(new ClosePeriod("global", TimeWindow.DAILY,
                    TimeWindow.DAILY.parsePeriod(DAY), 0, List.of()))).isInstanceOf(Exception.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM period_result_entry", Integer.class)).isEqualTo(4);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, AGGREGATE)).isEqualTo(1);
            assertThatThrownBy(() -> jdbc.update("UPDATE period_result_entry SET score = 99 WHERE rank = 1"))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM period_result")).hasMessageContaining("immutable");

            String eventId = jdbc.queryForObject(
                    "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                    AGGREGATE);
            await().atMost(Duration.ofSeconds(30)).until(() -> !reader.recordsWithKey("global").isEmpty());
            ConsumerRecord<String, String> record = reader.recordsWithKey("global").get(0);
            JsonNode published = new ObjectMapper().readTree(record.value());
            assertThat(TopicReader.header(record, "event-id")).isEqualTo(eventId);
            assertThat(published.get("digest").asText()).isEqualTo(digest);
            assertThat(published.get("window").asText()).isEqualTo("daily");
            assertThat(published.get("period").asText()).isEqualTo(DAY);
            assertThat(published.get("totalPlayers").asLong()).isEqualTo(4);
            assertThat(published.get("export").asText())
                    .isEqualTo("/api/v1/leaderboards/global/results/export?window=daily&period=" + DAY
                            + "&format=ndjson");

            // The outbound score events carry the close too, keyed by the board.
            await().atMost(Duration.ofSeconds(30)).until(() -> !scoreEvents.recordsWithKey("global").isEmpty());
            ConsumerRecord<String, String> closedEvent = scoreEvents.recordsWithKey("global").get(0);
            assertThat(TopicReader.header(closedEvent, "event-id")).isEqualTo(eventId);
            assertThat(TopicReader.header(closedEvent, "event-type")).isEqualTo("PeriodClosed");

            Api.Response page = second.api().get(results(DAY, "&offset=1&limit=3&rankStyle=competition"), null);
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("digest").asText()).isEqualTo(digest);
            assertThat(body.get("totalPlayers").asLong()).isEqualTo(4);
            assertThat(body.get("closedAt").asText()).isEqualTo("2026-11-25T00:05:01Z");
            assertThat(body.get("entries").findValuesAsText("userId")).containsExactly("dan", "ann", "cid");
            assertThat(body.get("entries").findValuesAsText("rank")).containsExactly("2", "3", "3");
            HttpResponse<String> raw = Api.exchange(second.api().request(results(DAY, ""), null));
            String etag = raw.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).doesNotStartWith("W/");
            assertThat(raw.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
            assertThat(Api.exchange(second.api().request(results(DAY, ""), null).header("If-None-Match", etag))
                    .statusCode()).isEqualTo(304);

            Api.Response export = second.api().get(
                    "/api/v1/leaderboards/global/results/export?window=daily&period=" + DAY + "&format=ndjson", null);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body()).isEqualTo("""
                    {"rank":1,"userId":"bob","score":50}
                    {"rank":2,"userId":"dan","score":25}
                    {"rank":3,"userId":"ann","score":20}
                    {"rank":4,"userId":"cid","score":20}
                    """);

            // A replay rebuilds the day with the digest the close froze.
            assertThat(first.api().post("/api/v1/admin/projections/standings/replay", Tokens.admin()).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> liveGeneration(first) == 2);
            assertThat(digestOfStandings(jdbc, 2, "global", "daily", DAY)).isEqualTo(digest);
        }
    }

    @Test
    void resultsRefuseOpenPeriodsUnclosableWindowsBadInputAndUnknownBoards() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
        try (ServerInstance server = closingServer(TestPostgres.newDatabaseUrl(), clock,
                "period-results-" + UUID.randomUUID())) {
            Api api = server.api();
            assertProblem(api.get(results(DAY, ""), null), 409, "open until 2026-11-25T00:00:00Z");
            assertProblem(api.get("/api/v1/leaderboards/global/results?window=daily", null), 409, "open");
            assertProblem(api.get("/api/v1/leaderboards/global/results?window=all-time", null), 400, "all-time");
            assertProblem(api.get("/api/v1/leaderboards/global/results", null), 400, "window");
            assertProblem(api.get("/api/v1/leaderboards/global/results?window=custom&from=2026-11-01&to=2026-11-02",
                    null), 400, "custom");
            assertProblem(api.get("/api/v1/leaderboards/global/results?window=daily&period=2026-W47", null), 400,
                    "bad period");
            assertProblem(api.get(results(DAY, "&limit=0"), null), 400, "limit");
            assertProblem(api.get(results(DAY, "&offset=-1"), null), 400, "offset");
            assertProblem(api.get(results(DAY, "&rankStyle=olympic"), null), 400, "rankStyle");
            assertProblem(api.get("/api/v1/leaderboards/nope/results?window=daily&period=" + DAY, null), 404,
                    "does not exist");
            assertProblem(api.get("/api/v1/leaderboards/global/results/export?window=daily&period=" + DAY
                    + "&format=xml", null), 400, "format");
            assertProblem(api.get("/api/v1/leaderboards/global/results/export?window=weekly&period=2026-W48", null),
                    409, "open");
        }
    }

    @Test
    void aCloseCutsTheFrozenRowsIntoTiersAndStoresEachTiersRanksAndCutoff() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(),
                clock)) {
            submit(server.api(), clock, "ann", "quiz-perfect-score");      // 50
            submit(server.api(), clock, "bob", "level-up");                // 25
            submit(server.api(), clock, "cid", "quiz-completed");          // 10
            submit(server.api(), clock, "dan", "quiz-completed");          // 10
            submit(server.api(), clock, "eve", "daily-login");             // 5
            awaitCaughtUp(server);
            List<Tier> tiers = List.of(Tier.top("gold", 1), Tier.topPercent("silver", "50"), Tier.top("bronze", 10));
            server.bean(CommandGateway.class).sendAndWait(new ClosePeriod("global", TimeWindow.WEEKLY,
                    TimeWindow.WEEKLY.parsePeriod("2026-W48"), 0, tiers));

            JdbcTemplate jdbc = server.rows().jdbc();
            assertThat(jdbc.queryForList("""
                    SELECT user_id || ':' || tier FROM period_result_entry WHERE time_window = 'weekly'
                    ORDER BY rank""", String.class))
                    .containsExactly("ann:gold", "bob:silver", "cid:bronze", "dan:bronze", "eve:bronze");
            JsonNode stored = new ObjectMapper().readTree(jdbc.queryForObject("""
                    SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                    WHERE payload_type = 'dev.leaderboard.events.PeriodClosed'""", String.class));
            assertThat(stored.get("tiers").toString()).isEqualTo("""
                    [{"name":"gold","fromRank":1,"toRank":1,"players":1,"cutoffScore":50},\
                    {"name":"silver","fromRank":2,"toRank":2,"players":1,"cutoffScore":25},\
                    {"name":"bronze","fromRank":3,"toRank":5,"players":3,"cutoffScore":5}]""");
            assertThat(stored.get("totalPlayers").asLong()).isEqualTo(5);
        }
    }

    @Test
    void aBoardsSegmentsAreClosedWithItEachRankedWithinItsSegment() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T20:00:00Z"));
        try (ServerInstance server = closingServer(TestPostgres.newDatabaseUrl(), clock,
                "period-results-" + UUID.randomUUID())) {
            Api api = server.api();
            submitInSegment(api, clock, "eu-1", "eu", "level-up");            // 25
            submitInSegment(api, clock, "us-1", "us", "quiz-perfect-score");  // 50
            submitInSegment(api, clock, "eu-2", "eu", "quiz-completed");      // 10
            awaitCaughtUp(server);

            clock.set(Instant.parse("2026-11-25T00:05:01Z"));
            awaitClosed(server, "global@eu", "daily", DAY);
            awaitClosed(server, "global@us", "daily", DAY);
            awaitClosed(server, "global", "daily", DAY);

            JsonNode eu = api.get(results(DAY, "&segment=eu"), null).json();
            assertThat(eu.get("leaderboardId").asText()).isEqualTo("global");
            assertThat(eu.get("segment").asText()).isEqualTo("eu");
            assertThat(eu.get("totalPlayers").asLong()).isEqualTo(2);
            assertThat(eu.get("entries").findValuesAsText("userId")).containsExactly("eu-1", "eu-2");
            assertThat(eu.get("entries").findValuesAsText("rank")).containsExactly("1", "2");
            assertThat(eu.get("digest").asText()).isEqualTo(sha256("1,eu-1,25\n2,eu-2,10\n"));
            assertThat(api.get(results(DAY, ""), null).json().get("entries").findValuesAsText("userId"))
                    .containsExactly("us-1", "eu-1", "eu-2");
            assertThat(api.get("/api/v1/leaderboards/global/results/export?window=daily&period=" + DAY
                    + "&segment=us&format=csv", null).body()).isEqualTo("rank,userId,score\n1,us-1,50\n");

            // GraphQL answers the same, and refuses an open period as REST does (409)
            String fields = "leaderboardId segment window period closedAt digest totalPlayers"
                    + " tiers { name fromRank toRank players cutoffScore } rankStyle offset limit"
                    + " entries { rank userId score reachedAt }"; // no tiers: REST leaves the null tier out
            JsonNode graphql = api.post("/api/v1/graphql", null, new ObjectMapper().createObjectNode().put("query",
                    "{ results(leaderboardId: \"global\", window: \"daily\", period: \"" + DAY + "\","
                            + " segment: \"eu\") { " + fields + " } }").toString()).json();
            assertThat(graphql.path("data").path("results")).isEqualTo(eu);
            JsonNode open = api.post("/api/v1/graphql", null, new ObjectMapper().createObjectNode().put("query",
                    "{ results(leaderboardId: \"global\", window: \"daily\") { digest } }").toString()).json();
            assertThat(open.path("errors").get(0).path("extensions").path("status").asInt()).isEqualTo(409);
        }
    }

    private static void submitInSegment(Api api, MutableClock clock, String user, String segment, String type) {
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.submit(Tokens.service("regional-game"), "{\"actionId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"segment\":\"" + segment + "\"}")
                .status()).isEqualTo(202);
    }

    static void submit(Api api, MutableClock clock, String user, String... types) {
        for (String type : types) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(api.submitAction(Tokens.player(user), UUID.randomUUID().toString(), type).status())
                    .isEqualTo(202);
        }
    }

    static void awaitCaughtUp(ServerInstance server) {
        ProjectionStatusReader status = server.bean(ProjectionStatusReader.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.standings().lag() == 0);
    }

    static String results(String day, String more) {
        return "/api/v1/leaderboards/global/results?window=daily&period=" + day + more;
    }

    private static void assertProblem(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
