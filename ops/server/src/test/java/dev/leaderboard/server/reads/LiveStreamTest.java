package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.SseClient;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The live stream across two instances on one database and one Redis. */
class LiveStreamTest {

    private static ServerInstance a;
    private static ServerInstance b;

    @BeforeAll
    static void twoInstances() {
        String database = TestPostgres.newDatabaseUrl();
        a = ServerInstance.start(database);
        b = ServerInstance.start(database);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    private static int port(ServerInstance server) {
        return ((WebServerApplicationContext) server.context()).getWebServer().getPort();
    }

    @Test
    void clientOnOneInstanceSeesAChangeSubmittedThroughTheOtherWithinASecond() throws Exception {
        try (SseClient client = new SseClient(port(b), "/api/v1/leaderboards/weekly-quiz/stream?window=all-time&top=3")) {
            SseClient.Event snapshot = client.next(Duration.ofSeconds(10));
            assertThat(client.status()).isEqualTo(200);
            assertThat(snapshot.name()).isEqualTo("leaderboard");
            assertThat(snapshot.data().get("offset").asInt()).isZero();
            assertThat(snapshot.data().get("limit").asInt()).isEqualTo(3);

            // Warm the path once (first Lua script loads, first JSON rendering); then time a change.
            a.api().submit(Tokens.player("warm"),
                    "{\"actionId\":\"w1\",\"type\":\"daily-login\",\"leaderboardId\":\"weekly-quiz\"}");
            assertThat(client.next(Duration.ofSeconds(10))).as("the warm-up change").isNotNull();

            a.api().submit(Tokens.player("zoe"),
                    "{\"actionId\":\"z1\",\"type\":\"level-up\",\"leaderboardId\":\"weekly-quiz\"}");

            SseClient.Event change = client.next(Duration.ofSeconds(1));
            assertThat(change).as("an event within 1 s").isNotNull();
            assertThat(change.data().get("entries").toString()).contains("\"userId\":\"zoe\",\"score\":25");
            assertThat(Long.parseLong(change.id())).isGreaterThan(Long.parseLong(snapshot.id()));
        }
    }

    @Test
    void changeOutsideTheTopSendsNoEvent() throws Exception {
        Api api = a.api();
        api.put("/api/v1/admin/leaderboards/outside", Tokens.admin(), "{\"name\":\"Outside\"}");
        api.submit(Tokens.player("top1"), "{\"actionId\":\"t\",\"type\":\"achievement-unlocked\",\"leaderboardId\":\"outside\"}");
        api.submit(Tokens.player("top2"), "{\"actionId\":\"t\",\"type\":\"quiz-perfect-score\",\"leaderboardId\":\"outside\"}");
        ReadFixture.awaitProjected(a);

        try (SseClient client = new SseClient(port(b), "/api/v1/leaderboards/outside/stream?top=2")) {
            SseClient.Event snapshot = client.next(Duration.ofSeconds(10));
            assertThat(snapshot.data().get("entries").findValuesAsText("userId")).containsExactly("top1", "top2");

            api.submit(Tokens.player("low"), "{\"actionId\":\"l\",\"type\":\"daily-login\",\"leaderboardId\":\"outside\"}");
            api.submit(Tokens.player("riser"), "{\"actionId\":\"r\",\"type\":\"achievement-unlocked\",\"leaderboardId\":\"outside\"}");
            api.submit(Tokens.player("riser"), "{\"actionId\":\"r2\",\"type\":\"level-up\",\"leaderboardId\":\"outside\"}");

            // The first event after the snapshot is about the riser: the change below the top 2 sent nothing.
            SseClient.Event next = client.next(Duration.ofSeconds(10));
            assertThat(next).isNotNull();
            assertThat(next.data().get("entries").findValuesAsText("userId")).contains("riser").doesNotContain("low");
            assertThat(next.data().get("totalPlayers").asLong()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aBurstOfChangesIsThrottledToOneEventPerIntervalCarryingTheLatestState() throws Exception {
        a.api().put("/api/v1/admin/leaderboards/burst", Tokens.admin(), "{\"name\":\"Burst\"}");
        try (SseClient client = new SseClient(port(b), "/api/v1/leaderboards/burst/stream?top=5")) {
            assertThat(client.next(Duration.ofSeconds(10))).isNotNull();
            long start = System.nanoTime();

            List<CompletableFuture<Api.Response>> burst = IntStream.range(0, 50).mapToObj(i ->
                    CompletableFuture.supplyAsync(() -> a.api().submit(Tokens.player("burst-" + i),
                            "{\"actionId\":\"b\",\"type\":\"" + (i % 2 == 0 ? "level-up" : "quiz-perfect-score")
                                    + "\",\"leaderboardId\":\"burst\"}"))).toList();
            burst.forEach(CompletableFuture::join);
            ReadFixture.awaitProjected(a);
            JsonNode finalTop = a.api().get("/api/v1/leaderboards/burst/rankings?limit=5", null).json().get("entries");

            List<SseClient.Event> events = new ArrayList<>();
            SseClient.Event event;
            while ((event = client.next(Duration.ofSeconds(2))) != null) {
                events.add(event);
                if (event.data().get("entries").equals(finalTop)) {
                    break;
                }
            }
            assertThat(events).isNotEmpty();
            assertThat(events.getLast().data().get("entries")).isEqualTo(finalTop);
            for (int i = 1; i < events.size(); i++) {
                long gapMillis = (events.get(i).receivedAtNanos() - events.get(i - 1).receivedAtNanos()) / 1_000_000;
                assertThat(gapMillis).as("events %d and %d", i - 1, i).isGreaterThanOrEqualTo(200);
            }
            long elapsedMillis = (events.getLast().receivedAtNanos() - start) / 1_000_000;
            assertThat(events.size()).isLessThanOrEqualTo((int) (elapsedMillis / 250) + 1);
        }
    }
}
