package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.query.live.LiveStreams;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live streams are capped per client address (429) and per instance (503), before a stream opens; a stream's slot
 * is freed when its client goes away.
 */
class StreamCapsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "/api/v1/leaderboards/global/stream?top=3";
    private static ServerInstance server;
    private final List<Stream<String>> open = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.stream.max-connections=2",
                "leaderboard.stream.max-connections-per-ip=1",
                // a write to a client that went away fails at the next heartbeat: that frees the slot
                "leaderboard.stream.heartbeat=100ms");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
        awaitNoSlotTaken();
    }

    private static void awaitNoSlotTaken() {
        LiveStreams streams = server.bean(LiveStreams.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.slotsInUse() == 0);
    }

    /** Opens a stream from the given loopback address and waits for its first event. */
    private Stream<String> openFrom(String address) throws Exception {
        RawHttp http = RawHttp.from(server, address);
        HttpResponse<Stream<String>> response = http.send(http.request(STREAM)
                        .header("Accept", "text/event-stream").GET(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        assertThat(response.body().filter(line -> line.startsWith("event:")).findFirst())
                .hasValue("event:leaderboard");
        return response.body();
    }

    private static HttpResponse<String> refusedFrom(String address) {
        RawHttp http = RawHttp.from(server, address);
        return http.send(http.request(STREAM).header("Accept", "text/event-stream").GET(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSecondStreamFromOneAddressIsRefusedWith429UntilTheFirstClientDisconnects() throws Exception {
        Stream<String> first = openFrom("127.0.0.1");

        HttpResponse<String> second = refusedFrom("127.0.0.1");
        assertRefused(second, 429);

        first.close();
        awaitNoSlotTaken();
        openFrom("127.0.0.1");
    }

    @Test
    void aStreamBeyondTheInstanceMaximumIsRefusedWith503() throws Exception {
        openFrom("127.0.0.2");
        openFrom("127.0.0.3");

        assertRefused(refusedFrom("127.0.0.4"), 503);
    }

    private static void assertRefused(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isEqualTo("Too many streams");
    }
}
