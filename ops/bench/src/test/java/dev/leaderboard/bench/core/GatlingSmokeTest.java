package dev.leaderboard.bench.core;

import com.sun.net.httpserver.HttpServer;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.assertj.core.api.Assertions.assertThat;

class GatlingSmokeTest {

    public static class Probe extends Simulation {
        {
            int port = GatlingRun.parameters(Integer.class);
            ScenarioBuilder scn = scenario("probe").exec(http(s -> s.userId() % 2 == 0 ? "even" : "odd")
                    .get("/x").check(status().is(200)));
            setUp(scn.injectClosed(constantConcurrentUsers(2).during(Duration.ofSeconds(2))))
                    .protocols(http.baseUrl("http://127.0.0.1:" + port).shareConnections());
        }
    }

    @Test
    void aGatlingRunAgainstALocalServerIsReadFromItsReport() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] calls = {0};
        server.createContext("/x", exchange -> {
            int status = ++calls[0] % 10 == 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            GatlingStats stats = GatlingRun.run(Probe.class, server.getAddress().getPort(), "smoke");
            System.out.println(stats);
        } finally {
            server.stop(0);
        }
    }
}
