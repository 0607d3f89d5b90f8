package dev.leaderboard.server.security;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A server with MANAGEMENT_SERVER_PORT set and otherwise default edge settings. */
class SeparateManagementPortTest {

    @Test
    void scrapersReadMetricsOnTheManagementPortWithoutATokenWhileTheApiPortStillRefusesThem() {
        int managementPort = freePort();
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "management.server.port=" + managementPort, "leaderboard.roles=command,query")) {
            Api management = new Api(managementPort);

            Api.Response scrape = management.get("/actuator/prometheus", null);

            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
            assertThat(management.get("/actuator/metrics/jvm.memory.used", null).status()).isEqualTo(200);
            assertThat(server.api().get("/actuator/prometheus", null).status()).isEqualTo(401);
            assertThat(server.api().get("/api/v1/leaderboards", null).status()).isEqualTo(200);
            assertThat(server.api().get("/liveness", null).status()).as("probes stay on the server port")
                    .isEqualTo(200);
            assertThat(management.get("/actuator/health", null).status()).isNotIn(401, 403, 404);

            HttpResponse<String> preflight = SecurityEdgesTest.send(server.api().request("/api/v1/actions", null)
                    .header("Origin", "https://game.example.test")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("no origin is allowed by default").isEmpty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
