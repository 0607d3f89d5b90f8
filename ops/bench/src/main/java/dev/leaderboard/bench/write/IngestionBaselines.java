package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.Option;

import java.sql.*;
import java.sql.Connection;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * The write path's same-run baselines: the simplest code writing the same events into the same PostgreSQL and Redis;
 * event rows copy the server's latest stored {@code ScoreIncreased} into scratch copies of the store and the ledger.
 */
final class IngestionBaselines {

    private static final String EVENTS = Baselines.SCRATCH + ".domain_event_entry";
    private static final String LEDGER = Baselines.SCRATCH + ".processed_action";
    private static final String COPIED = "type, meta_data, payload, payload_revision, payload_type, time_stamp";

    record Baseline(String name, Baselines.Result result, String unit) {
    }

    /** The ingestion baselines (a), (b), (c), after rest-batch and kafka. */
    public static final class Options {
        @Option(names = "--baseline-seconds", paramLabel = "S", defaultValue = "60",
                description = "time limit of each ingestion baseline (default ${DEFAULT-VALUE})")
        int seconds;
    }

    private final Target target;
    private final Baselines baselines;
    private final Object[] template = new Object[6];

    IngestionBaselines(Target target) throws SQLException {
        this.target = target;
        this.baselines = new Baselines(target);
        try (Connection connection = target.database().connect(); ResultSet row = connection.createStatement()
                .executeQuery("SELECT " + COPIED + " FROM domain_event_entry WHERE payload_type = "
                        + "'dev.leaderboard.events.ScoreIncreased' ORDER BY global_index DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no ScoreIncreased event is stored yet");
            }
            for (int i = 0; i < template.length; i++) {
                template[i] = row.getObject(i + 1);
            }
        }
    }

    int eventBytes() {
        return Arrays.stream(template).mapToInt(v -> v instanceof byte[] bytes ? bytes.length : 0).sum();
    }

    /**
     * JDBC into the scratch tables: per transaction {@code batch} events and their ledger rows, as JDBC batches or
     * multi-row inserts, after an unmeasured warm-up; {@code name} is formatted with the batch and the connections.
     */
    Baseline jdbc(String name, long events, int connections, int batch, Duration limit, boolean multiRowInserts)
            throws Exception {
        Database server = target.database();
        Database database = new Database(server.jdbcUrl() + "?reWriteBatchedInserts=" + multiRowInserts,
                server.user(), server.password());
        Callable<Baselines.Writer> opener = () -> eventWriter(database);
        Baselines.Result result = baselines.withScratchTables(() -> {
            baselines.run(connections, Math.max(100, 2L * batch) * connections, batch, Duration.ofMinutes(1), opener);
            target.database().execute("TRUNCATE " + EVENTS + ", " + LEDGER);
            return baselines.run(connections, events, batch, limit, opener);
        }, "domain_event_entry", "processed_action");
        return new Baseline(name.formatted(batch, connections) + result.cut(events), result, "one transaction");
    }

    /** Baseline (b): per event and window (4) a ZADD and an HSET as the projection writes, one pipeline a batch. */
    Baseline redis(long events, int connections, int batch, Duration limit) throws Exception {
        String prefix = "bench:baseline:" + target.runId + ":";
        List<String> keys = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            keys.addAll(List.of(prefix + w + ":rank", prefix + w + ":members"));
        }
        Instant now = Instant.now();
        int players = target.options.players;
        Baselines.Result result = baselines.withScratchKeys(keys, () -> baselines.pipelined(connections, 10_000, events,
                batch, limit, (pipeline, i) -> {
                    String user = "p" + i % players;
                    String member = Baselines.member(now.plusNanos(1000 * i), user);
                    for (int w = 0; w < 4; w++) {
                        pipeline.zadd(keys.get(2 * w), i, member);
                        pipeline.hset(keys.get(2 * w + 1), user, i + "|" + member);
                    }
                }));
        return new Baseline("(b) Redis, pipelined ZADD+HSET x4 windows/event, %d events/pipeline, %d conn%s"
                .formatted(batch, connections, result.cut(events)), result, "one pipeline");
    }

    /** (a), (b) and (c) = 1 / (1/a + 1/b) for as many events as the largest ingestion, at least 50,000. */
    static void run(Target target, Options options, List<WriteCommands.Ingested> ingested) throws Exception {
        long events = Math.max(50_000, ingested.stream().mapToLong(WriteCommands.Ingested::events).max().orElse(0));
        target.progress.println("[baselines] " + events + " events; projections "
                + target.api().awaitProjections());
        IngestionBaselines baselines = new IngestionBaselines(target);
        Duration limit = Duration.ofSeconds(options.seconds);
        Baseline a = baselines.jdbc("(a) JDBC, %d events + ledger rows per transaction, %d connections", events, 2,
                500, limit, true);
        ServerSettings settings = target.settings();
        Baseline b = baselines.redis(events, settings.projectionThreads(), settings.projectionBatchSize(), limit);
        double x = a.result().perSecond();
        double y = b.result().perSecond();
        double c = x == 0 || y == 0 ? 0 : 1 / (1 / x + 1 / y);
        Table table = new Table("ingestion vs same-run baselines (" + target.database().describe() + ")",
                "figure", "per s", "ratio to (c)", "p50 / p99 / p99.9", "timed unit",
                "CPU ms/event bench / server / PG");
        ingested.forEach(i -> table.row(i.name(), i.perSecond(), WriteCommands.ratio(i.perSecond(), c)));
        for (Baseline baseline : List.of(a, b)) {
            table.row(baseline.name(), baseline.result().perSecond(), "", baseline.result().latencies(),
                    baseline.unit(), baseline.result().cpu().perOperation(baseline.result().written()));
        }
        System.out.print(table.row("(c) (a) then (b): 1/(1/a+1/b)", c, "1.00").render());
        System.out.println("  (a) " + a.result().cpu().machine() + "; (b) " + b.result().cpu().machine());
    }

    /** Per item an event row and its ledger row, as the server writes an accepted action; a transaction a batch. */
    private Baselines.Writer eventWriter(Database database) throws SQLException {
        Connection connection = database.connect();
        connection.setAutoCommit(false);
        PreparedStatement event = connection.prepareStatement("INSERT INTO " + EVENTS + " (aggregate_identifier, "
                + "sequence_number, event_identifier, " + COPIED + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement ledger = connection.prepareStatement("INSERT INTO " + LEDGER + " (user_id, action_id, "
                + "leaderboard_id, action_type, points, accepted_at) VALUES (?, ?, 'global', ?, 10, ?)");
        String actionPrefix = "bl-" + UUID.randomUUID() + "-";
        return new Baselines.Writer(connection, (first, end) -> {
            Timestamp now = Timestamp.from(Instant.now());
            for (long i = first; i < end; i++) {
                String player = "p" + ThreadLocalRandom.current().nextInt(target.options.players);
                event.setString(1, player);
                event.setLong(2, i);
                event.setString(3, UUID.randomUUID().toString());
                for (int c = 0; c < template.length; c++) {
                    event.setObject(4 + c, template[c]);
                }
                event.addBatch();
                ledger.setString(1, player);
                ledger.setString(2, actionPrefix + i);
                ledger.setString(3, ServerApi.ACTION_TYPE);
                ledger.setTimestamp(4, now);
                ledger.addBatch();
            }
            event.executeBatch();
            ledger.executeBatch();
            connection.commit();
        });
    }
}
