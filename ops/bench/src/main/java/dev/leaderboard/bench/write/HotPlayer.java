package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import io.gatling.javaapi.core.*;
import picocli.CommandLine.*;

import java.net.URI;
import java.time.Duration;
import java.util.*;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static org.awaitility.Awaitility.await;

/**
 * "A player with 100,000 past actions is as fast to serve as a new one": after an {@link EventFill} of the hot
 * player's history and a restart, one Gatling user probes its first command (a load from all events), its steady
 * state, and after another restart its first command from the snapshot, each next to a new player's.
 */
@Command(name = "hot-player", mixinStandardHelpOptions = true, description = "A player with --hot-events past "
        + "events against new players: cold load from events, steady state, cold load from the snapshot.")
public final class HotPlayer extends Scenario {

    @Option(names = "--hot-events", paramLabel = "N", defaultValue = "100000", converter = AtLeastOne.class,
            description = "past events of the hot player (default ${DEFAULT-VALUE})")
    int events;
    @Option(names = "--probe-requests", paramLabel = "N", defaultValue = "500", converter = AtLeastOne.class,
            description = "sequential requests per probe (default ${DEFAULT-VALUE})")
    int probeRequests;
    @Option(names = "--clients", paramLabel = "N", defaultValue = "16", converter = AtLeastOne.class,
            description = "clients of the warm-up load after each restart (default ${DEFAULT-VALUE})")
    int clients;

    /** A probe: {@code requests} sequential actions of one player; its first request is named apart. */
    record Step(String label, String player, int requests) {
    }

    record Probes(URI baseUrl, String token, String runId, List<Step> steps) {
    }

    /** Runs the steps in order with one virtual user: service time of sequential requests, no concurrency. */
    public static class ProbeSimulation extends Simulation {
        private final Probes probes = GatlingRun.parameters(Probes.class);

        {
            ChainBuilder chain = exec(session -> session);
            for (Step step : probes.steps()) {
                chain = chain.exec(request(step.label() + ": first", step.player()))
                        .exec(repeat(step.requests() - 1).on(request(step.label() + ": steady", step.player())));
            }
            setUp(scenario("hot-player probes").exec(chain).injectOpen(atOnceUsers(1)))
                    .protocols(http.baseUrl(probes.baseUrl().toString()).authorizationHeader("Bearer " + probes.token())
                            .contentTypeHeader("application/json").disableWarmUp());
        }

        private ChainBuilder request(String name, String player) {
            return exec(http(name).post("/api/v1/actions")
                    .body(StringBody(s -> ServerApi.action(probes.runId() + "-" + GatlingRun.nextId(),
                            ServerApi.ACTION_TYPE, player)))
                    .check(status().is(202), jsonPath("$.status").is("accepted")));
        }
    }

    /** Above the snapshot threshold (200), so the warmer's first load compiles the replay and snapshot code. */
    private static final int WARMER_EVENTS = 1_000;

    protected void run(Target target) throws Exception {
        EventFill.Seed seed = EventFill.Seed.submit(target);
        EventFill hotFill = EventFill.recent(events, 1, target.runId + "hot-");
        long fillStart = System.nanoTime();
        hotFill.insert(target.database(), seed);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        EventFill warmerFill = EventFill.recent(WARMER_EVENTS, 1, target.runId + "warmer-");
        warmerFill.insert(target.database(), seed);
        String hot = hotFill.userId(0);
        String warmer = warmerFill.userId(0);

        restartWarm(target);
        GatlingStats a = probe(target, "a", new Step("warmer", warmer, 1), new Step("new player",
                "fresh-" + target.runId, probeRequests), new Step("hot, load from events", hot, 1));
        Database database = target.database();
        String snapshots = "SELECT count(DISTINCT aggregate_identifier) FROM snapshot_event_entry "
                + "WHERE aggregate_identifier IN ('" + hot + "', '" + warmer + "')";
        await("snapshots of the hot and warmer players").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250)).until(() -> database.queryLong(snapshots) == 2);
        GatlingStats steady = probe(target, "steady", new Step("hot, cached", hot, probeRequests));
        restartWarm(target);
        GatlingStats b = probe(target, "b", new Step("warmer", warmer, 1), new Step("hot, load from snapshot", hot,
                probeRequests), new Step("new player after restart", "fresh2-" + target.runId, probeRequests));

        Table table = new Table("hot-player: %,d past events (SQL fill %.1f s) vs new players, %d sequential requests"
                .formatted(events, fillSeconds, probeRequests),
                "probe", "first request ms", "steady p50 ms", "steady p99 ms", "ratio to the new player: first / p99",
                "ko");
        row(table, a, "new player", a, "new player");
        row(table, a, "hot, load from events", a, "new player");
        row(table, steady, "hot, cached", a, "new player");
        row(table, b, "hot, load from snapshot", b, "new player after restart");
        row(table, b, "new player after restart", b, "new player after restart");
        System.out.print(table.render());
    }

    /** A probe's row, compared with the new player's probe {@code fresh} on the same server start. */
    private static void row(Table table, GatlingStats stats, String label, GatlingStats freshStats, String fresh) {
        GatlingStats.Request first = stats.request(label + ": first").orElseThrow();
        double freshFirst = freshStats.request(fresh + ": first").orElseThrow().max();
        double freshP99 = freshStats.request(fresh + ": steady").orElseThrow().p99();
        Optional<GatlingStats.Request> steady = stats.request(label + ": steady");
        table.row(label, first.max(), steady.map(GatlingStats.Request::p50).orElse(null),
                steady.map(GatlingStats.Request::p99).orElse(null), WriteCommands.ratio(first.max(), freshFirst)
                        + steady.map(s -> " / " + WriteCommands.ratio(s.p99(), freshP99)).orElse(""),
                first.ko() + steady.map(GatlingStats.Request::ko).orElse(0L));
    }

    private static GatlingStats probe(Target target, String name, Step... steps) {
        return GatlingRun.run(ProbeSimulation.class, new Probes(target.baseUrl(), target.tokens.service(),
                target.runId + "-" + name, List.of(steps)), "hot-player " + name, Duration.ZERO, null);
    }

    /** Restart (empty caches), warm the JVM with load on other players, let the projections catch up. */
    private void restartWarm(Target target) {
        target.restart();
        GatlingRun.run(WriteCommands.Load.class, new WriteCommands.ActionLoad(target.baseUrl(), target.tokens.service(),
                clients, target.options.players, 0, target.runId + "-jit" + System.nanoTime(), "jit warm-up"),
                "jit warm-up", Duration.ofSeconds(Math.max(1, target.options.warmup)), null);
        target.progress.println("[hot-player] projections " + target.api().awaitProjections());
    }
}
