package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.Option;
import redis.clients.jedis.*;

import java.sql.*;
import java.sql.Connection;
import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Same-run baselines: what the simplest code needs to write the same events into the same PostgreSQL and Redis,
 * with the server idle. Event rows copy the server's latest stored {@code ScoreIncreased} (same size) into scratch
 * tables created {@code LIKE … INCLUDING ALL}, so the event store is never touched.
 */
public final class Baselines {

    static final String EVENTS = "bench_baseline_event";
    static final String LEDGER = "bench_baseline_ledger";
    /** The columns every baseline event row copies from the template event. */
    private static final String COPIED = "type, meta_data, payload, payload_revision, payload_type, time_stamp";

    /** The ingestion baselines (a), (b), (c), after rest-batch and kafka. */
    public static final class Options {
        @Option(names = "--baseline-batch", paramLabel = "N", defaultValue = "500",
                description = "baseline (a): events + ledger rows per transaction (default ${DEFAULT-VALUE})")
        int batch;
        @Option(names = "--baseline-connections", paramLabel = "N", defaultValue = "2",
                description = "baseline (a): connections (default ${DEFAULT-VALUE})")
        int connections;
        @Option(names = "--baseline-seconds", paramLabel = "S", defaultValue = "60",
                description = "time limit of each ingestion baseline (default ${DEFAULT-VALUE})")
        int seconds;
    }

    /** @param unit what one latency sample times */
    public record Baseline(String name, ParallelWriter.Result result, String unit) {
    }

    private final Database database;
    /** The {@link #COPIED} columns of the server's latest stored {@code ScoreIncreased}. */
    private final Object[] template = new Object[6];
    private final int players;
    private final Supplier<CpuMeter> meter;

    public Baselines(Database database, int players, Supplier<CpuMeter> meter) throws SQLException {
        this.database = database;
        this.players = players;
        this.meter = meter;
        try (Connection connection = database.connect(); ResultSet row = connection.createStatement().executeQuery(
                "SELECT " + COPIED + " FROM domain_event_entry WHERE payload_type = "
                        + "'dev.leaderboard.events.ScoreIncreased' ORDER BY global_index DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no ScoreIncreased event is stored yet");
            }
            for (int i = 0; i < template.length; i++) {
                template[i] = row.getObject(i + 1);
            }
        }
    }

    public int eventBytes() {
        return Arrays.stream(template).mapToInt(v -> v instanceof byte[] bytes ? bytes.length : 0).sum();
    }

    /**
     * rest-single's baselines: {@code batch} 1 = autocommit single-row INSERTs (one transaction per event), else JDBC
     * batches of {@code batch} per transaction; {@code connections} clients, 100 unmeasured rows each first.
     */
    public Baseline events(long events, int connections, int batch) throws Exception {
        ParallelWriter.Result result = inScratchTables(100L * connections, events, connections, batch,
                Duration.ofMinutes(10), () -> eventWriter(database, batch == 1, false));
        return batch == 1 ? new Baseline("JDBC, 1 transaction per event", result, "one INSERT + commit")
                : new Baseline("JDBC, batches of " + batch + " per transaction", result,
                "one batch of " + batch + " + commit");
    }

    /** Ingestion baseline (a): per transaction {@code batch} event rows and as many ledger rows, multi-row inserts. */
    public Baseline eventsAndLedger(long events, int connections, int batch, Duration limit) throws Exception {
        Database rewriting = database.rewritingBatches();
        ParallelWriter.Result result = inScratchTables(2L * batch * connections, events, connections, batch, limit,
                () -> eventWriter(rewriting, false, true));
        return new Baseline("(a) JDBC, %d events + %d ledger rows per transaction, %d conn%s".formatted(batch, batch,
                connections, cut(result, events)), result, "one transaction");
    }

    /**
     * Ingestion baseline (b): the projection's Redis writes, pipelined per processor batch: per event and window
     * (all-time, day, week, month) a {@code ZADD total member} and an {@code HSET user version|member}, with the
     * member encoding of {@code RankMember} (inverted reach time in µs, 16 digits, then the user id).
     */
    public Baseline redis(int port, long events, int connections, int batch, Duration limit, String runId)
            throws Exception {
        String prefix = "bench:baseline:" + runId + ":";
        ParallelWriter.Opener opener = () -> {
            Jedis jedis = new Jedis("127.0.0.1", port, 30_000);
            return new ParallelWriter.Writer() {
                public void write(long first, long end) {
                    Pipeline pipeline = jedis.pipelined();
                    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    for (long i = first; i < end; i++) {
                        String user = "p" + i % players;
                        String member = String.format("%016d:%s", 9_999_999_999_999_999L - micros - i, user);
                        for (int w = 0; w < 4; w++) {
                            pipeline.zadd(prefix + w + ":rank", i, member);
                            pipeline.hset(prefix + w + ":members", user, i + "|" + member);
                        }
                    }
                    pipeline.sync();
                }

                public void close() {
                    jedis.close();
                }
            };
        };
        try {
            ParallelWriter.run(connections, 10_000, batch, Duration.ofSeconds(30), meter, opener);
            ParallelWriter.Result result = ParallelWriter.run(connections, events, batch, limit, meter, opener);
            return new Baseline("(b) Redis, pipelined ZADD+HSET x4 windows/event, %d events/pipeline, %d conn%s"
                    .formatted(batch, connections, cut(result, events)), result, "one pipeline");
        } finally {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                for (int w = 0; w < 4; w++) {
                    jedis.del(prefix + w + ":rank", prefix + w + ":members");
                }
            }
        }
    }

    /**
     * (a), (b) and (c) = 1 / (1/a + 1/b) for as many events as the largest ingestion (at least 50,000), with the
     * server idle; (b) uses the standings processor's batch size and threads as the server resolves them.
     */
    static void ingestion(Target target, Options options, List<WriteCommands.Ingested> ingested) throws Exception {
        if (target.database().isEmpty() || target.embedded().isEmpty()) {
            System.out.println("  ingestion baselines skipped: they need the PostgreSQL and Redis of a started server");
            return;
        }
        long events = Math.max(50_000, ingested.stream().mapToLong(WriteCommands.Ingested::events).max().orElse(0));
        target.progress.println("[baselines] " + events + " events; projections "
                + target.admin().awaitProjections(Duration.ofMinutes(5)));
        Baselines baselines = new Baselines(target.database().get(), target.options.players, target::meter);
        Duration limit = Duration.ofSeconds(options.seconds);
        Baseline a = baselines.eventsAndLedger(events, options.connections, options.batch, limit);
        ServerSettings settings = target.settings();
        Baseline b = baselines.redis(target.embedded().get().redisPort(), events, settings.projectionThreads(),
                settings.projectionBatchSize(), limit, target.runId);
        double x = a.result().perSecond();
        double y = b.result().perSecond();
        double c = x == 0 || y == 0 ? 0 : 1 / (1 / x + 1 / y);
        Table table = new Table("ingestion vs same-run baselines (" + target.database().get().describe() + ")",
                "figure", "per s", "ratio to (c)", "p50 / p99 / p99.9", "timed unit",
                "CPU ms/event bench / server / PG");
        ingested.forEach(i -> table.row(i.name(), i.perSecond(), HttpScenarios.ratio(i.perSecond(), c)));
        for (Baseline baseline : List.of(a, b)) {
            table.row(baseline.name(), baseline.result().perSecond(), "", baseline.result().latencies(),
                    baseline.unit(), baseline.result().cpu().perOperation(baseline.result().written()));
        }
        System.out.print(table.row("(c) (a) then (b): 1/(1/a+1/b)", c, "1.00").render());
        System.out.println("  (a) " + a.result().cpu().machine() + "; (b) " + b.result().cpu().machine());
    }

    private static String cut(ParallelWriter.Result result, long events) {
        return result.complete(events) ? "" : " [first %,d events: time limit]".formatted(result.written());
    }

    /**
     * Writes {@code warmup} unmeasured, then {@code events} measured items into scratch tables shaped like the event
     * store (with a sequence of their own, not the store's) and the ledger, dropped afterwards.
     */
    private ParallelWriter.Result inScratchTables(long warmup, long events, int connections, int batch,
                                                  Duration limit, ParallelWriter.Opener opener) throws Exception {
        database.execute("DROP TABLE IF EXISTS " + EVENTS, "DROP TABLE IF EXISTS " + LEDGER,
                "CREATE TABLE " + EVENTS + " (LIKE domain_event_entry INCLUDING ALL)",
                "CREATE SEQUENCE " + EVENTS + "_seq OWNED BY " + EVENTS + ".global_index",
                "ALTER TABLE " + EVENTS + " ALTER COLUMN global_index SET DEFAULT nextval('" + EVENTS + "_seq')",
                "CREATE TABLE " + LEDGER + " (LIKE processed_action INCLUDING ALL)");
        try {
            ParallelWriter.run(connections, warmup, batch, Duration.ofMinutes(1), meter, opener);
            database.execute("TRUNCATE " + EVENTS, "TRUNCATE " + LEDGER);
            return ParallelWriter.run(connections, events, batch, limit, meter, opener);
        } finally {
            database.execute("DROP TABLE IF EXISTS " + EVENTS, "DROP TABLE IF EXISTS " + LEDGER);
        }
    }

    private ParallelWriter.Writer eventWriter(Database target, boolean autocommit, boolean withLedger)
            throws SQLException {
        Connection connection = target.connect();
        connection.setAutoCommit(autocommit);
        PreparedStatement event = connection.prepareStatement("INSERT INTO " + EVENTS + " (aggregate_identifier, "
                + "sequence_number, event_identifier, " + COPIED + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement ledger = connection.prepareStatement("INSERT INTO " + LEDGER + " (user_id, action_id, "
                + "leaderboard_id, action_type, points, accepted_at) VALUES (?, ?, 'global', ?, 10, ?)");
        String actionPrefix = "bl-" + UUID.randomUUID() + "-";
        return new ParallelWriter.Writer() {
            public void write(long first, long end) throws SQLException {
                Timestamp now = Timestamp.from(Instant.now());
                for (long i = first; i < end; i++) {
                    String player = "p" + ThreadLocalRandom.current().nextInt(players);
                    event.setString(1, player);
                    event.setLong(2, i);
                    event.setString(3, UUID.randomUUID().toString());
                    for (int c = 0; c < template.length; c++) {
                        event.setObject(4 + c, template[c]);
                    }
                    if (autocommit) {
                        event.executeUpdate();
                        continue;
                    }
                    event.addBatch();
                    if (withLedger) {
                        ledger.setString(1, player);
                        ledger.setString(2, actionPrefix + i);
                        ledger.setString(3, HttpScenarios.ACTION_TYPE);
                        ledger.setTimestamp(4, now);
                        ledger.addBatch();
                    }
                }
                if (!autocommit) {
                    event.executeBatch();
                    ledger.executeBatch();
                    connection.commit();
                }
            }

            public void close() throws SQLException {
                connection.close();
            }
        };
    }
}
