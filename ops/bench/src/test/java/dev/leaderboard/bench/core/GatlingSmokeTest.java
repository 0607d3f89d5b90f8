package dev.leaderboard.bench.core;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Gatling wiring end to end: a metered closed load against a JDK server on loopback, read from its report. */
class GatlingSmokeTest {

    public static class Probe extends GatlingRun.Metered {
        {
            setUp(scenario("probe").exec(http("get").get("/x").check(status().is(200)))
                    .injectClosed(constantConcurrentUsers(2).during(GatlingRun.during())))
                    .protocols(http.baseUrl("http://127.0.0.1:" + GatlingRun.parameters(Integer.class))
                            .shareConnections().disableWarmUp());
        }
    }

    @Test
    void aMeteredRunIsReadFromItsReportAndItsPhaseSpansTheLoad() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/x", exchange -> {
            exchange.sendResponseHeaders(calls.incrementAndGet() % 10 == 0 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            Phase phase = new Phase("smoke", () -> new CpuMeter(List.of(), Path.of("no-postgres")), Optional.empty(),
                    Optional.empty());

            GatlingStats stats = GatlingRun.run(Probe.class, server.getAddress().getPort(), "smoke",
                    Duration.ofSeconds(2), phase);

            GatlingStats.Request measured = stats.request("get").orElseThrow();
            assertThat(measured.count()).isEqualTo(calls.get());
            assertThat(measured.ko()).isPositive();
            assertThat(stats.errors()).containsKey("status.find.is(200), found 503");
            assertThat(phase.result().cpu().elapsedSeconds()).isBetween(1.5, 10.0);
            assertThat(stats.report()).startsWith(GatlingRun.resultsRoot());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPhaseThatNeverRanHasNoResult() {
        Phase phase = new Phase("never", () -> new CpuMeter(List.of(), Path.of("x")), Optional.empty(),
                Optional.empty());

        assertThatThrownBy(phase::result).isInstanceOf(IllegalStateException.class).hasMessageContaining("never");
    }
}
