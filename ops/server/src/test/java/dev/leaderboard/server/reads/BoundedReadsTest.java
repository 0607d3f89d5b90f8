package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom ranges and exports are capped per instance: over the cap a read is refused at once with 503 and
 * Retry-After, and a finished read frees its place. PostgreSQL-served reads leave suspended players out.
 */
class BoundedReadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static String database;
    private static ServerInstance server;
    private static Api api;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabaseUrl();
        server = ServerInstance.start(database,
                "leaderboard.query.max-concurrent-ranges=1",
                "leaderboard.query.max-concurrent-exports=1",
                // reads stuck behind the test's lock wait for as long as the test holds it
                "leaderboard.database.statement-timeout=0",
                "leaderboard.database.lock-timeout=0");
        api = server.api();
        http = RawHttp.to(server);
        ReadFixture.submit(api, "ann", "1", "level-up");
        ReadFixture.submit(api, "ben", "1", "daily-login");
        ReadFixture.awaitProjected(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String range(LocalDate from) {
        return "/api/v1/leaderboards/global/rankings?window=custom&from=" + from + "&to=" + TODAY;
    }

    @Test
    void aCustomRangeWhileTheMaximumAreComputingIsRefusedWith503AndRetryAfterAndThePlaceIsFreedAfterwards()
            throws Exception {
        CompletableFuture<HttpResponse<String>> first;
        try (HeldLock lock = HeldLock.on(database, "suspended_player")) {
            first = CompletableFuture.supplyAsync(() -> http.get(range(TODAY.minusDays(1))));
            lock.awaitWaiters(1);

            HttpResponse<String> second = http.get(range(TODAY.minusDays(2)));
            HttpResponse<String> player = http.get("/api/v1/leaderboards/global/players/ann?window=custom&from="
                    + TODAY.minusDays(3) + "&to=" + TODAY);
            HttpResponse<String> period = http.get("/api/v1/leaderboards/global/rankings?window=daily");

            assertBusy(second);
            assertBusy(player);
            assertThat(period.statusCode()).as("a period read from Redis is not a range computation").isEqualTo(200);
            assertThat(first).isNotDone();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> again = http.get(range(TODAY.minusDays(2)));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("entries").findValuesAsText("userId")).containsExactly("ann", "ben");
    }

    @Test
    void aDenseRankedReadWhileTheMaximumAreComputingIsRefusedWith503AndThePlaceIsFreedAfterwards() throws Exception {
        String dense = "/api/v1/leaderboards/global/rankings?rankStyle=dense&offset=";
        CompletableFuture<HttpResponse<String>> first;
        try (HeldLock lock = HeldLock.on(database, "suspended_player")) {
            first = CompletableFuture.supplyAsync(() -> http.get(dense + "1"));
            lock.awaitWaiters(1);

            HttpResponse<String> second = http.get(dense + "0&limit=2");
            HttpResponse<String> competition = http.get("/api/v1/leaderboards/global/rankings?rankStyle=competition");

            assertBusy(second);
            assertThat(JSON.readTree(second.body()).get("detail").asText()).contains("dense-rank computations");
            assertThat(competition.statusCode()).as("competition ranks come from Redis").isEqualTo(200);
            assertThat(first).isNotDone();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(http.get(dense + "0&limit=2").body()).get("entries").findValuesAsText("rank"))
                .containsExactly("1", "2");
    }

    @Test
    void anExportWhileTheMaximumAreStreamingIsRefusedWith503AndRetryAfterAndThePlaceIsFreedAfterwards()
            throws Exception {
        String export = "/api/v1/leaderboards/global/export?format=csv";
        CompletableFuture<HttpResponse<String>> first;
        try (HeldLock lock = HeldLock.on(database, "suspended_player")) {
            first = CompletableFuture.supplyAsync(() -> http.get(export));
            lock.awaitWaiters(1);

            HttpResponse<String> second = http.get("/api/v1/leaderboards/global/export?window=daily");

            assertBusy(second);
            assertThat(first).isNotDone();
        }
        HttpResponse<String> completed = first.get(30, TimeUnit.SECONDS);
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).isEqualTo("rank,userId,score\n1,ann,25\n2,ben,5\n");
        assertThat(http.get(export).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuspendedPlayerIsLeftOutOfEveryReadServedByPostgres() throws Exception {
        String board = "suspensions";
        api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(), "{\"name\":\"Suspensions\"}");
        for (String user : new String[] {"kept", "gone"}) {
            assertThat(api.submit(Tokens.player(user), "{\"actionId\":\"s\",\"type\":\"level-up\",\"leaderboardId\":\""
                    + board + "\"}").status()).isEqualTo(202);
        }
        ReadFixture.awaitProjected(server);
        // What the projection writes on PlayerSuspended (this test only looks at the reads).
        try (Connection connection = DriverManager.getConnection(database, TestPostgres.server().username(),
                TestPostgres.server().password());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO suspended_player (generation, user_id, suspended_at)
                    SELECT live_generation, 'gone', now() FROM projection_generation WHERE projection = 'standings'""");
        }
        String today = "from=" + TODAY + "&to=" + TODAY;

        JsonNode range = api.get("/api/v1/leaderboards/" + board + "/rankings?window=custom&" + today, null).json();
        Api.Response player = api.get("/api/v1/leaderboards/" + board + "/players/gone?window=custom&" + today, null);
        Api.Response allTime = api.get("/api/v1/leaderboards/" + board + "/export", null);
        Api.Response rangeExport = api.get("/api/v1/leaderboards/" + board + "/export?window=custom&" + today, null);

        assertThat(range.get("entries").findValuesAsText("userId")).containsExactly("kept");
        assertThat(range.get("totalPlayers").asLong()).isEqualTo(1);
        assertThat(player.status()).isEqualTo(404);
        assertThat(allTime.body()).isEqualTo("{\"rank\":1,\"userId\":\"kept\",\"score\":25}\n");
        assertThat(rangeExport.body()).isEqualTo(allTime.body());
    }

    private static void assertBusy(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asText()).isEqualTo("Busy, retry");
        assertThat(problem.get("detail").asText()).contains("maximum of 1");
    }
}
