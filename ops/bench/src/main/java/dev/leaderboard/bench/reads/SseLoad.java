package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;
import io.gatling.javaapi.core.Simulation;

import java.net.URI;
import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * SSE fan-out on Gatling: {@code streams} virtual users each open {@code GET /api/v1/leaderboards/global/stream?top=10}
 * (the request "open" is timed until the snapshot event), then hand their other events to {@link Deliveries} every
 * 20 ms from Gatling's buffer of unmatched messages (each stamped on receipt). One more user waits until every stream
 * is open (or {@code connectTimeout}), then makes {@code changes} changes of the top (an action of {@code type} for
 * the leader, OK = 202), each after the previous one reached every client (or 15 s passed) and {@code spacing}.
 */
public record SseLoad(URI baseUrl, String token, int streams, int changes, Duration spacing, String leader,
                      ServerApi.ActionType type, String runId, Duration connectTimeout, Deliveries deliveries) {

    public GatlingStats run() {
        return GatlingRun.run(Load.class, this, "sse", Duration.ZERO, null);
    }

    public static class Load extends Simulation {

        private final SseLoad load = GatlingRun.parameters(SseLoad.class);
        private final Deliveries d = load.deliveries();

        {
            var streams = scenario("streams")
                    .exec(sse("open").get("/api/v1/leaderboards/" + Board.ID + "/stream?top=10")
                            .await(Duration.ofSeconds(60)).on(sse.checkMessage("snapshot").check(regex("leaderboard"))))
                    .exitHereIfFailed()
                    .exec(s -> s.set("client", d.open()))
                    .asLongAs(s -> !d.finished).on(pause(Duration.ofMillis(20)), sse.processUnmatchedMessages(
                            (messages, s) -> {
                                messages.forEach(m -> d.received(s.getInt("client"),
                                        Deliveries.leaderScore(m.message(), load.leader()), m.timestamp()));
                                return s;
                            }))
                    .exec(sse("close").close());
            var changes = scenario("changes")
                    .exec(s -> s.set("due", System.currentTimeMillis() + load.connectTimeout().toMillis()))
                    .asLongAs(s -> d.opened() < load.streams() && System.currentTimeMillis() < s.getLong("due"))
                    .on(pause(Duration.ofMillis(100)))
                    .repeat(load.changes(), "k").on(
                            exec(http("change").post("/api/v1/actions")
                                    .header("Authorization", "Bearer " + load.token())
                                    .body(StringBody(s -> ServerApi.action(load.runId() + "-change-" + s.getInt("k"),
                                            load.type().type(), load.leader())))
                                    .check(status().is(202))),
                            exec(s -> {
                                d.changed(s.getInt("k") + 1, System.currentTimeMillis());
                                return s.set("due", System.currentTimeMillis() + 15_000);
                            }),
                            asLongAs(s -> !d.allReceived(s.getInt("k") + 1)
                                    && System.currentTimeMillis() < s.getLong("due")).on(pause(Duration.ofMillis(5))),
                            pause(load.spacing()))
                    .exec(s -> {
                        d.finished = true;
                        return s;
                    });
            setUp(streams.injectOpen(rampUsers(load.streams()).during(Duration.ofSeconds(Math.max(1,
                            load.streams() / 500)))), changes.injectOpen(atOnceUsers(1)))
                    .protocols(http.baseUrl(load.baseUrl().toString()).contentTypeHeader("application/json")
                            .sseUnmatchedInboundMessageBufferSize(1000).disableWarmUp());
        }
    }
}
