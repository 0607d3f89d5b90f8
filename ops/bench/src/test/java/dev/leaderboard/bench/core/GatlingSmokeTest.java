package dev.leaderboard.bench.core;

import com.sun.net.httpserver.HttpServer;
import io.gatling.javaapi.core.Simulation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The Gatling wiring end to end: a closed load with a warm-up window against a JDK server on loopback. */
class GatlingSmokeTest {

    record Parameters(int port, Window window) {
    }

    public static class Probe extends Simulation {
        private final Parameters parameters = GatlingRun.parameters(Parameters.class);

        {
            setUp(scenario("probe").exec(http(parameters.window().name("get")).get("/x").check(status().is(200)))
                    .injectClosed(constantConcurrentUsers(2).during(parameters.window().total())))
                    .protocols(http.baseUrl("http://127.0.0.1:" + parameters.port()).shareConnections().disableWarmUp());
        }

        @Override
        public void before() {
            parameters.window().open();
        }
    }

    @Test
    void aRunIsSplitIntoWarmUpAndMeasuredRequestsAndReadFromItsReport() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/x", exchange -> {
            exchange.sendResponseHeaders(calls.incrementAndGet() % 10 == 0 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            Window window = new Window(Duration.ofSeconds(1), Duration.ofSeconds(2), Optional.of(new Phase("smoke",
                    () -> new CpuMeter(java.util.List.of(), java.nio.file.Path.of("no-postgres")), Optional.empty(), Optional.empty())));

            GatlingStats stats = GatlingRun.run(Probe.class, new Parameters(server.getAddress().getPort(), window),
                    "smoke");

            GatlingStats.Request measured = stats.request("get").orElseThrow();
            GatlingStats.Request warmUp = stats.request(Window.WARM_UP + "get").orElseThrow();
            assertThat(measured.count() + warmUp.count()).isEqualTo(calls.get());
            assertThat(measured.ko()).isPositive();
            assertThat(stats.errors()).containsKey("status.find.is(200), found 503");
            assertThat(window.measured().cpu().elapsedSeconds()).isBetween(1.5, 10.0);
            assertThat(stats.report()).startsWith(GatlingRun.resultsRoot());
        } finally {
            server.stop(0);
        }
    }
}
