package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.query.live.LiveStreams;
import dev.leaderboard.query.live.StreamDrop;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.SseClient;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live stream client that stops reading cannot hold up the other clients of its group: writes never wait for a
 * client, and the stalled one is disconnected and counted.
 */
class SlowStreamClientTest {

    private static final String BOARD = "slow-fan";
    /** 100 rows per event: a few KB each, so a connection whose client stopped reading fills up within a few. */
    private static final String STREAM = "/api/v1/leaderboards/" + BOARD + "/stream?top=100";
    private static final int CHANGES = 40;
    private static final int POINTS = 100;
    private static ServerInstance server;

    @BeforeAll
    static void start() {
        // Linux grows a socket's send buffer to megabytes on its own, which would take minutes of events to fill;
        // a fixed small one makes the stalled connection refuse bytes after a few events.
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(), null,
                context -> context.getBeanFactory().registerSingleton("smallSendBuffers",
                        (WebServerFactoryCustomizer<TomcatServletWebServerFactory>) factory ->
                                factory.addConnectorCustomizers(connector ->
                                        connector.setProperty("socket.txBufSize", "8192"))),
                "leaderboard.stream.min-interval=10ms",
                "leaderboard.stream.slow-client-timeout=1s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileAFastOneGetsEveryChangeInTime() throws Exception {
        Api api = server.api();
        assertThat(api.put("/api/v1/admin/leaderboards/" + BOARD, Tokens.admin(), "{\"name\":\"Slow fan\"}")
                .status()).isLessThan(300);
        String hundredPlayers = IntStream.range(0, 100)
                .mapToObj(i -> "{\"actionId\":\"seed\",\"type\":\"quiz-completed\",\"leaderboardId\":\"" + BOARD
                        + "\",\"userId\":\"player-" + i + "\"}")
                .collect(Collectors.joining(",", "{\"actions\":[", "]}"));
        assertThat(api.submitBatch(Tokens.service("game-backend"), hundredPlayers).status()).isEqualTo(200);
        ReadFixture.awaitProjected(server);
        LiveStreams streams = server.bean(LiveStreams.class);

        try (Socket slow = clientThatNeverReads(STREAM); SseClient fast = new SseClient(port(), STREAM)) {
            assertThat(fast.next(Duration.ofSeconds(10))).as("the fast client's first state").isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> streams.clients() == 2);

            for (int change = 1; change <= CHANGES; change++) {
                assertThat(api.submit(Tokens.player("leader"), "{\"actionId\":\"c" + change
                        + "\",\"type\":\"achievement-unlocked\",\"leaderboardId\":\"" + BOARD + "\"}").status())
                        .isEqualTo(202);
                assertThat(awaitLeaderScore(fast, (long) change * POINTS, Duration.ofSeconds(5)))
                        .as("the fast client sees change %d within 5 s", change).isTrue();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> streams.dropped(StreamDrop.SLOW) >= 1);
            assertThat(streams.clients()).as("only the fast client is left").isEqualTo(1);
        }
    }

    /** Reads events until one shows {@code leader} with at least {@code score}; false if none does in time. */
    private static boolean awaitLeaderScore(SseClient client, long score, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event event = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null) {
                return false;
            }
            for (JsonNode entry : event.data().get("entries")) {
                if (entry.get("userId").asText().equals("leader") && entry.get("score").asLong() >= score) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sends the stream request on a socket with a tiny receive buffer and never reads a byte of the answer. */
    private static Socket clientThatNeverReads(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static int port() {
        return ((WebServerApplicationContext) server.context()).getWebServer().getPort();
    }
}
