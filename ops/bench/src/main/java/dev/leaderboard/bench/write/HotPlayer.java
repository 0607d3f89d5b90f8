package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import io.gatling.javaapi.core.*;
import picocli.CommandLine.*;

import java.net.URI;
import java.sql.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static org.awaitility.Awaitility.await;

/**
 * "A player with 100,000 past actions is as fast to serve as a new one": the hot player gets a long history (three
 * actions over HTTP, then copies of its latest event by SQL, with growing totals and matching ledger rows); the
 * server restarts (empty cache) and is warmed on other players; then one Gatling user probes, one request after
 * another: the hot player's first command (a load from all events), its steady state once the snapshot the load
 * triggered is stored, and after another restart its first command from that snapshot, each next to new players.
 */
@Command(name = "hot-player", mixinStandardHelpOptions = true, description = "A player with --hot-events past "
        + "events against new players: cold load from events, steady state, cold load from the snapshot.")
public final class HotPlayer extends Scenario {

    @Option(names = "--hot-events", paramLabel = "N", defaultValue = "100000",
            description = "past events of the hot player (default ${DEFAULT-VALUE})")
    int events;
    @Option(names = "--probe-requests", paramLabel = "N", defaultValue = "500",
            description = "sequential requests per probe (default ${DEFAULT-VALUE})")
    int probeRequests;
    @Option(names = "--clients", paramLabel = "N", defaultValue = "16",
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
        private final AtomicLong sent = new AtomicLong();

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
                    .body(StringBody(s -> ServerApi.action(probes.runId() + "-" + sent.incrementAndGet(),
                            HttpScenarios.ACTION_TYPE, player)))
                    .check(status().is(202), jsonPath("$.status").is("accepted")));
        }
    }

    /** Above the snapshot threshold (200), so the warmer's first load compiles the replay and snapshot code. */
    private static final int WARMER_EVENTS = 1_000;

    protected void validate() {
        common.positive("--hot-events", events);
        common.positive("--probe-requests", probeRequests);
        common.positive("--clients", clients);
    }

    protected void run(Target target) throws Exception {
        String hot = "hot-" + target.runId;
        String warmer = "warmer-" + target.runId;
        probe(target, "seed", new Step("seed hot", hot, 3), new Step("seed warmer", warmer, 3));
        long fillStart = System.nanoTime();
        copyLatestEvent(target, hot, events);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        copyLatestEvent(target, warmer, WARMER_EVENTS);

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
                .formatted(events + 3, fillSeconds, probeRequests),
                "probe", "first request ms", "steady p50 ms", "steady p99 ms", "ratio to the new player", "ko");
        row(table, a, "new player", a, "new player");
        row(table, a, "hot, load from events", a, "new player");
        row(table, steady, "hot, cached", a, "new player");
        row(table, b, "hot, load from snapshot", b, "new player after restart");
        row(table, b, "new player after restart", b, "new player after restart");
        System.out.print(table.render());
        System.out.println("  ratio: first request vs the new player's first, steady p99 vs the new player's; "
                + "Gatling reports " + a.report() + ", " + steady.report() + ", " + b.report());
    }

    /** A probe's row, compared with the new player's probe {@code fresh} on the same server start. */
    private static void row(Table table, GatlingStats stats, String label, GatlingStats freshStats, String fresh) {
        GatlingStats.Request first = stats.request(label + ": first").orElseThrow();
        double freshFirst = freshStats.request(fresh + ": first").orElseThrow().max();
        double freshP99 = freshStats.request(fresh + ": steady").orElseThrow().p99();
        Optional<GatlingStats.Request> steady = stats.request(label + ": steady");
        table.row(label, first.max(), steady.map(GatlingStats.Request::p50).orElse(null),
                steady.map(GatlingStats.Request::p99).orElse(null), HttpScenarios.ratio(first.max(), freshFirst)
                        + steady.map(s -> " / " + HttpScenarios.ratio(s.p99(), freshP99)).orElse(""),
                first.ko() + steady.map(GatlingStats.Request::ko).orElse(0L));
    }

    private static GatlingStats probe(Target target, String name, Step... steps) {
        return GatlingRun.run(ProbeSimulation.class, new Probes(target.baseUrl(), target.tokens.service(),
                target.runId + "-" + name, List.of(steps)), "hot-player " + name);
    }

    /** Restart (empty caches), warm the JVM with load on other players, let the projections catch up. */
    private void restartWarm(Target target) {
        target.restart();
        GatlingRun.run(HttpScenarios.Load.class, new HttpScenarios.ActionLoad(target.baseUrl(), target.tokens.service(),
                clients, target.options.players, 0, target.runId + "-jit" + System.nanoTime(), "jit warm-up",
                new Window(Duration.ofSeconds(Math.max(1, target.options.warmup)), Duration.ZERO, Optional.empty())),
                "jit warm-up");
        target.progress.println("[hot-player] projections " + target.api().awaitProjections(Duration.ofMinutes(5)));
    }

    /**
     * Copies the player's latest ScoreIncreased {@code copies} times with the next sequence numbers, new event and
     * action ids and totals that grow by the event's points per copy, plus the matching ledger rows. One statement:
     * both inserts read the latest event as it was before the copies.
     */
    private static void copyLatestEvent(Target target, String userId, int copies) throws Exception {
        try (Connection connection = target.database().connect();
             PreparedStatement copy = connection.prepareStatement("""
            WITH latest AS (
                SELECT convert_from(payload, 'UTF8')::jsonb AS event, aggregate_identifier, sequence_number, type,
                       meta_data, payload_revision, payload_type, time_stamp
                FROM domain_event_entry WHERE aggregate_identifier = ?
                  AND payload_type = 'dev.leaderboard.events.ScoreIncreased'
                ORDER BY sequence_number DESC LIMIT 1),
            copies AS (SELECT n, (l.event ->> 'points')::bigint * n AS added, ?::text || n::text AS action_id
                       FROM latest l, generate_series(1, ?) AS n),
            ledger AS (
                INSERT INTO processed_action (user_id, action_id, leaderboard_id, action_type, points, accepted_at)
                SELECT l.aggregate_identifier, c.action_id, l.event ->> 'leaderboardId', l.event ->> 'actionType',
                       (l.event ->> 'points')::bigint, now()
                FROM latest l, copies c RETURNING 1),
            events AS (
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT l.aggregate_identifier, l.sequence_number + c.n, l.type, gen_random_uuid()::text, l.meta_data,
                       convert_to(
                         jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(l.event,
                           '{actionId}', to_jsonb(c.action_id)),
                           '{totals,allTime}', to_jsonb((l.event #>> '{totals,allTime}')::bigint + c.added)),
                           '{totals,daily,total}', to_jsonb((l.event #>> '{totals,daily,total}')::bigint + c.added)),
                           '{totals,weekly,total}', to_jsonb((l.event #>> '{totals,weekly,total}')::bigint + c.added)),
                           '{totals,monthly,total}', to_jsonb((l.event #>> '{totals,monthly,total}')::bigint + c.added)
                         )::text, 'UTF8'),
                       l.payload_revision, l.payload_type, l.time_stamp
                FROM latest l, copies c ORDER BY c.n RETURNING 1)
            SELECT (SELECT count(*) FROM ledger), (SELECT count(*) FROM events)""")) {
            copy.setString(1, userId);
            copy.setString(2, target.runId + "-fill-");
            copy.setInt(3, copies);
            try (ResultSet written = copy.executeQuery()) {
                written.next();
                if (written.getLong(1) != copies || written.getLong(2) != copies) {
                    throw new IllegalStateException("expected " + copies + " copies of " + userId + "'s latest event, "
                            + "wrote " + written.getLong(2) + " events and " + written.getLong(1) + " ledger rows");
                }
            }
        }
    }
}
