package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;
import io.gatling.javaapi.core.Simulation;
import picocli.CommandLine.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * SSE fan-out on Gatling: {@code --streams} users open {@code …/global/stream?top=10} ("open" is timed until the
 * snapshot event) and hand their later events to {@link Deliveries} every 20 ms. One more user, once all are open,
 * makes {@code --changes} changes of the top, each after the previous one reached every client (or 15 s passed).
 */
@Command(name = "sse", mixinStandardHelpOptions = true, description = "A synthetic board of --players, --streams SSE "
        + "streams of top=10 on Gatling, then --changes timed changes of the top: delivery from the change's 202 to "
        + "each client, and the server's fan-out timer. (--players: 1,000,000 unless given)")
public final class Sse extends Scenario {

    @Option(names = "--streams", defaultValue = "10000", converter = AtLeastOne.class,
            description = "SSE streams (default ${DEFAULT-VALUE})")
    int streams;
    @Option(names = "--changes", defaultValue = "10", converter = AtLeastOne.class,
            description = "timed changes of the top (default ${DEFAULT-VALUE})")
    int changes;
    @Option(names = "--change-spacing", defaultValue = "1000", description = "ms after a change reached every "
            + "client before the next, above the 250 ms throttle (default ${DEFAULT-VALUE})")
    int spacing;

    record Streams(Sse options, URI baseUrl, String token, String runId, String leader, ServerApi.ActionType type,
                   Deliveries deliveries) {
    }

    protected List<String> serverArguments() { // every stream comes from 127.0.0.1
        return List.of("--leaderboard.stream.max-connections-per-ip=" + (streams + 10),
                "--leaderboard.stream.max-connections=" + Math.max(10_000, streams + 10));
    }

    protected void run(Target target) throws Exception {
        Board.allTime(target, players(Board.PLAYERS));
        ServerApi api = target.api();
        ServerApi.ActionType type = api.richestActionType();
        if (type.points() <= Board.TOP_SCORE) {
            throw new IllegalStateException("no action type is worth more than the top score: " + type);
        }
        target.progress.printf("[sse] %,d streams, %d changes by %s-leader (%s); projections %s%n", streams,
                changes, target.runId, type, api.awaitProjections());
        Deliveries deliveries = new Deliveries(streams, changes, type.points());
        String fanOut = "leaderboard.stream.fanout";
        double countBefore = api.metric(fanOut, "COUNT");
        double timeBefore = api.metric(fanOut, "TOTAL_TIME");
        GatlingStats stats = GatlingRun.run(Load.class, new Streams(this, target.baseUrl(), target.tokens.service(),
                target.runId, target.runId + "-leader", type, deliveries), "sse", Duration.ZERO, null);
        double events = api.metric(fanOut, "COUNT") - countBefore;
        double seconds = api.metric(fanOut, "TOTAL_TIME") - timeBefore;
        GatlingStats.Request open = stats.request("open").orElseThrow();
        System.out.printf("  streams: %,d opened, %,d failed; open -> snapshot p50 %.0f ms, p99 %.0f ms (Gatling)%n",
                open.ok(), open.ko(), open.p50(), open.p99());
        Table table = new Table("SSE delivery, ms from the change's 202 to each client's event (%,d streams)"
                .formatted(deliveries.opened()), "change", "received", "of", "first", "p50", "p99", "last");
        List<Deliveries.Change> measured = deliveries.changes();
        measured.forEach(c -> table.row(c.number(), c.received(), c.expected(), c.first(), c.p50(), c.p99(), c.last()));
        System.out.print(table.render());
        long[] first = measured.stream().mapToLong(Deliveries.Change::first).sorted().toArray();
        long[] last = measured.stream().mapToLong(Deliveries.Change::last).sorted().toArray();
        if (first.length > 0) {
            System.out.printf("  over %d changes: first client p50 %d / p99 %d ms, last client p50 %d / p99 %d ms%n",
                    first.length, Latencies.at(first, 0.5), Latencies.at(first, 0.99), Latencies.at(last, 0.5),
                    Latencies.at(last, 0.99));
        }
        System.out.printf("  server %s: %.0f group events, %.2f ms each (offering one event to all its clients)%n",
                fanOut, events, events == 0 ? 0 : seconds * 1000 / events);
        if (!stats.errors().isEmpty()) {
            System.out.println("  failed checks: " + stats.errors());
        }
    }

    public static class Load extends Simulation {

        private final Streams load = GatlingRun.parameters(Streams.class);
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
            long connectTimeout = 60_000 + load.options().streams * 20L;
            var changes = scenario("changes")
                    .exec(s -> s.set("due", System.currentTimeMillis() + connectTimeout))
                    .asLongAs(s -> d.opened() < load.options().streams && System.currentTimeMillis() < s.getLong("due"))
                    .on(pause(Duration.ofMillis(100)))
                    .repeat(load.options().changes, "k").on(
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
                            pause(Duration.ofMillis(load.options().spacing)))
                    .exec(s -> {
                        d.finished = true;
                        return s;
                    });
            setUp(streams.injectOpen(rampUsers(load.options().streams).during(Duration.ofSeconds(Math.max(1,
                            load.options().streams / 500)))), changes.injectOpen(atOnceUsers(1)))
                    .protocols(http.baseUrl(load.baseUrl().toString()).contentTypeHeader("application/json")
                            .sseUnmatchedInboundMessageBufferSize(1000).disableWarmUp());
        }
    }
}
