package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.*;

import java.sql.*;
import java.time.Duration;
import java.util.*;

import static org.awaitility.Awaitility.await;

@Command(name = "catch-up", mixinStandardHelpOptions = true, description = "--events ScoreIncreased events written "
        + "straight into the event store in one transaction, the running standings processor timed from the commit "
        + "to lag 0; baselines: pipelined ZADD x4 and the batched unnest upsert x4 into a scratch standing table.")
public final class CatchUp extends Scenario {

    static final String[] WINDOWS = {"all-time", "daily", "weekly", "monthly"};

    @Option(names = "--events", defaultValue = "1000000", converter = AtLeastOne.class,
            description = "events filled (default ${DEFAULT-VALUE})")
    int events;
    @Option(names = "--users", defaultValue = "100000", converter = AtLeastOne.class,
            description = "players they are spread over (default ${DEFAULT-VALUE})")
    int users;
    @Option(names = "--baseline-seconds", defaultValue = "60", description = "time limit of each baseline (default "
            + "${DEFAULT-VALUE})")
    int baselineSeconds;

    protected void run(Target target) throws Exception {
        Database database = target.database();
        ServerApi api = target.api();
        EventFill.Seed seed = EventFill.Seed.submit(target);
        long points = seed.points();
        EventFill fill = EventFill.recent(events, users, target.runId + "f");
        long started = System.nanoTime();
        fill.insert(database, seed);
        long committed = System.nanoTime();
        target.progress.printf("[catch-up] filled %,d events in %.1f s; waiting for standings lag 0%n", events,
                (committed - started) / 1e9);
        CpuMeter cpu = target.meter();
        String last = fill.userId(events - 1);
        await("standings lag 0").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                api.standings().map(p -> p.path("lag").asLong(1)).orElse(1L) == 0 && api.ranked("global", last));
        double seconds = (System.nanoTime() - committed) / 1e9;
        CpuMeter.Usage usage = cpu.stop();
        String stored = database.queryText("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                + "aggregate_identifier = '" + last + "' ORDER BY sequence_number DESC LIMIT 1");
        String expected = fill.expectedPayload(seed.payload(), events - 1, points);
        System.out.println("  fill format: " + (expected.equals(stored) ? "the last filled payload is what the "
                + "server's serializer writes" : "DIFFERS\n    stored   " + stored + "\n    expected " + expected));
        var settings = target.settings();
        Table table = new Table("catch-up of %,d events over %,d players (processor: %d threads, batch %d)".formatted(
                events, users, settings.projectionThreads(), settings.projectionBatchSize()), "figure", "events/s",
                "s", "ratio", "p50 / p99 / p99.9 per batch", "CPU ms/event bench / server / PG");
        table.row("catch-up: commit -> lag 0 and last player readable", events / seconds, seconds, "1.00", "",
                usage.perOperation(events));
        var totals = EventFill.tree(seed.payload()).path("totals");
        String[] periods = {"all-time", totals.path("daily").path("period").asText(),
                totals.path("weekly").path("period").asText(), totals.path("monthly").path("period").asText()};
        Baselines baselines = new Baselines(target);
        Duration limit = Duration.ofSeconds(baselineSeconds);
        int threads = settings.projectionThreads();
        int batch = settings.projectionBatchSize();
        List<String> keys = Arrays.stream(periods).map(p -> "bench:" + target.runId + ":" + p + ":rank").toList();
        Baselines.Result zadd = baselines.withScratchKeys(keys, () -> baselines.pipelined(threads, 0, events, batch,
                limit, (pipeline, i) -> {
                    String member = Baselines.member(fill.occurredAt(i), fill.userId(i));
                    keys.forEach(key -> pipeline.zadd(key, fill.total(i, points), member));
                }));
        Baselines.Result upsert = baselines.withScratchTables(() -> baselines.run(threads, events, batch, limit,
                () -> upsertWriter(target.database(), fill, points, periods)), "standing");
        double both = 1 / (1 / zadd.perSecond() + 1 / upsert.perSecond());
        Map<String, Baselines.Result> results = new LinkedHashMap<>();
        results.put("(a) pipelined ZADD x4 per event", zadd);
        results.put("(b) unnest upsert x4 per event, scratch standing", upsert);
        results.forEach((name, r) -> table.row(name + r.cut(events), r.perSecond(),
                r.elapsed().toMillis() / 1e3, events / seconds / r.perSecond(), r.latencies(),
                r.cpu().perOperation(r.written())));
        table.row("(a) then (b): 1/(1/a+1/b)", both, "", events / seconds / both, "", "");
        System.out.print(table.render());
    }

    /** Baseline (b): the projection's upsert ({@code unnest}, rows sorted by key), one autocommit statement a batch. */
    private static Baselines.Writer upsertWriter(Database database, EventFill fill, long points,
                                                      String[] periods) throws SQLException {
        Connection connection = database.connect();
        PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO %s.standing (generation, leaderboard_id, time_window, period, user_id, score,
                                         reached_at, version)
                SELECT 1, * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[],
                                        ?::timestamptz[], ?::bigint[])
                ON CONFLICT (generation, leaderboard_id, time_window, period, user_id) DO UPDATE
                SET score = EXCLUDED.score, reached_at = EXCLUDED.reached_at, version = EXCLUDED.version
                WHERE standing.version < EXCLUDED.version""".formatted(Baselines.SCRATCH));
        String[] types = {"varchar", "varchar", "varchar", "varchar", "bigint", "timestamptz", "bigint"};
        return new Baselines.Writer(connection, (first, end) -> {
            int n = (int) (end - first) * 4;
            Object[][] columns = {new String[n], new String[n], new String[n], new String[n], new Long[n],
                    new Timestamp[n], new Long[n]};
            int row = 0;
            for (int w = 0; w < 4; w++) { // by window, then by event: one player once per window and batch
                for (long i = first; i < end; i++, row++) {
                    Object[] values = {"global", WINDOWS[w], periods[w], fill.userId(i), fill.total(i, points),
                            Timestamp.from(fill.occurredAt(i)), i / fill.users()};
                    for (int c = 0; c < 7; c++) {
                        columns[c][row] = values[c];
                    }
                }
            }
            for (int c = 0; c < 7; c++) {
                upsert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            upsert.executeUpdate();
        });
    }
}
