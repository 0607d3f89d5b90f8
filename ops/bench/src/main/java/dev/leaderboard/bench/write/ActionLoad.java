package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.GatlingRun;
import dev.leaderboard.bench.core.GatlingStats;
import dev.leaderboard.bench.core.Window;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Closed-loop action load on Gatling: {@code clients} concurrent virtual users, one request in flight each, over
 * shared keep-alive connections, for the window's warm-up and measured phase. {@code batchSize} 0 sends
 * {@code POST /api/v1/actions} (OK = {@code 202} with {@code "status":"accepted"}); otherwise
 * {@code POST /api/v1/actions/batch} with that many actions (OK = {@code 200} and every item accepted).
 * Players are drawn uniformly from {@code p0 … p<players-1>}; action ids are unique per run.
 */
public record ActionLoad(URI baseUrl, String token, int clients, int players, int batchSize, String runId,
                         String name, Window window) {

    public static final String ACTION_TYPE = "quiz-completed";

    public static String playerId(int player) {
        return "p" + player;
    }

    public GatlingStats run() {
        return GatlingRun.run(Load.class, this, name);
    }

    public static class Load extends Simulation {

        private final ActionLoad load = GatlingRun.parameters(ActionLoad.class);
        private final AtomicLong sent = new AtomicLong();

        {
            ScenarioBuilder scenario = scenario(load.name()).exec(load.batchSize() == 0 ? single() : batch());
            setUp(scenario.injectClosed(constantConcurrentUsers(load.clients()).during(load.window().total())))
                    .protocols(http.baseUrl(load.baseUrl().toString()).shareConnections()
                            .authorizationHeader("Bearer " + load.token()).contentTypeHeader("application/json")
                            .disableWarmUp());
        }

        @Override
        public void before() {
            load.window().open();
        }

        private HttpRequestActionBuilder single() {
            return http(load.window().name(load.name())).post("/api/v1/actions").body(StringBody(s -> action()))
                    .check(status().is(202), jsonPath("$.status").is("accepted"));
        }

        private HttpRequestActionBuilder batch() {
            return http(load.window().name(load.name())).post("/api/v1/actions/batch")
                    .body(StringBody(s -> IntStream.range(0, load.batchSize()).mapToObj(i -> action())
                            .collect(Collectors.joining(",", "{\"actions\":[", "]}"))))
                    .check(status().is(200), jmesPath("length(results[?status!='accepted'])").ofInt().is(0));
        }

        private String action() {
            return "{\"actionId\":\"" + load.runId() + "-" + sent.incrementAndGet() + "\",\"type\":\"" + ACTION_TYPE
                    + "\",\"userId\":\"" + playerId(ThreadLocalRandom.current().nextInt(load.players())) + "\"}";
        }
    }
}
