package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.CpuMeter;
import dev.leaderboard.bench.core.Database;
import dev.leaderboard.bench.core.ParallelWriter;
import dev.leaderboard.bench.core.ServerSettings;
import dev.leaderboard.bench.core.Table;
import dev.leaderboard.bench.core.Target;
import picocli.CommandLine.Option;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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
    private static final String INSERT_EVENT = "INSERT INTO " + EVENTS + " (aggregate_identifier, sequence_number, "
            + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LEDGER = "INSERT INTO " + LEDGER + " (user_id, action_id, leaderboard_id, "
            + "action_type, points, accepted_at) VALUES (?, ?, ?, ?, ?, ?)";

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

    /** The stored columns of one real {@code ScoreIncreased} row. */
    record EventTemplate(String type, byte[] metaData, byte[] payload, String revision, String payloadType,
                         String timeStamp) {

        int bytes() {
            return payload.length + (metaData == null ? 0 : metaData.length);
        }
    }

    private final Database database;
    private final EventTemplate template;
    private final int players;
    private final Supplier<CpuMeter> meter;

    public Baselines(Database database, int players, Supplier<CpuMeter> meter) throws SQLException {
        this.database = database;
        this.players = players;
        this.meter = meter;
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT type, meta_data, payload, payload_revision, payload_type, time_stamp FROM domain_event_entry "
                        + "WHERE payload_type = 'dev.leaderboard.events.ScoreIncreased' ORDER BY global_index DESC "
                        + "LIMIT 1"); ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no ScoreIncreased event is stored yet");
            }
            template = new EventTemplate(row.getString(1), row.getBytes(2), row.getBytes(3), row.getString(4),
                    row.getString(5), row.getString(6));
        }
    }

    public int eventBytes() {
        return template.bytes();
    }

    /**
     * rest-single's baselines: {@code batch} 1 = autocommit single-row INSERTs (one transaction per event), else JDBC
     * batches of {@code batch} per transaction; {@code connections} clients, 100 unmeasured rows each first.
     */
    public Baseline events(long events, int connections, int batch) throws Exception {
        scratchTables();
        try {
            ParallelWriter.Opener opener = () -> eventWriter(database, batch == 1, "");
            ParallelWriter.run(connections, 100L * connections, batch, Duration.ofMinutes(1), meter, opener);
            database.execute("TRUNCATE " + EVENTS);
            ParallelWriter.Result result = ParallelWriter.run(connections, events, batch, Duration.ofMinutes(10),
                    meter, opener);
            return batch == 1 ? new Baseline("JDBC, 1 transaction per event", result, "one INSERT + commit")
                    : new Baseline("JDBC, batches of " + batch + " per transaction", result,
                    "one batch of " + batch + " + commit");
        } finally {
            database.execute("DROP TABLE IF EXISTS " + EVENTS, "DROP TABLE IF EXISTS " + LEDGER);
        }
    }

    /** Ingestion baseline (a): per transaction {@code batch} event rows and as many ledger rows, multi-row inserts. */
    public Baseline eventsAndLedger(long events, int connections, int batch, Duration limit) throws Exception {
        scratchTables();
        try {
            Database rewriting = database.rewritingBatches();
            ParallelWriter.run(connections, 2L * batch * connections, batch, Duration.ofSeconds(30), meter,
                    () -> eventWriter(rewriting, false, "w"));
            database.execute("TRUNCATE " + EVENTS, "TRUNCATE " + LEDGER);
            ParallelWriter.Result result = ParallelWriter.run(connections, events, batch, limit, meter,
                    () -> eventWriter(rewriting, false, "m"));
            return new Baseline("(a) JDBC, %d events + %d ledger rows per transaction, %d conn%s".formatted(batch,
                    batch, connections, cut(result, events)), result, "one transaction");
        } finally {
            database.execute("DROP TABLE IF EXISTS " + LEDGER, "DROP TABLE IF EXISTS " + EVENTS);
        }
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
                        String user = ActionLoad.playerId((int) (i % players));
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

    /** (c): (a) then (b) for every event, 1 / (1/a + 1/b). */
    public static double combined(Baseline a, Baseline b) {
        double x = a.result().perSecond();
        double y = b.result().perSecond();
        return x == 0 || y == 0 ? 0 : 1 / (1 / x + 1 / y);
    }

    /**
     * (a), (b) and (c) for as many events as the largest ingestion (at least 50,000), with the server idle; (b) uses
     * the standings processor's batch size and threads as the server resolves them.
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
        double c = combined(a, b);
        Table table = new Table("ingestion vs same-run baselines (" + target.database().get().describe() + ")",
                "figure", "per s", "ratio to (c)", "p50 / p99 / p99.9", "timed unit", "CPU ms/event bench / server / PG");
        ingested.forEach(i -> table.row(i.name(), i.perSecond(), HttpScenarios.ratio(i.perSecond(), c), "", "", ""));
        for (Baseline baseline : List.of(a, b)) {
            table.row(baseline.name(), baseline.result().perSecond(), "", baseline.result().latencies(),
                    baseline.unit(), baseline.result().cpu().perOperation(baseline.result().written()));
        }
        System.out.print(table.row("(c) (a) then (b): 1/(1/a+1/b)", c, "1.00", "", "", "").render());
        System.out.println("  (a) " + a.result().cpu().machine() + "; (b) " + b.result().cpu().machine());
    }

    private static String cut(ParallelWriter.Result result, long events) {
        return result.complete(events) ? "" : " [first %,d events: time limit]".formatted(result.written());
    }

    /** Shaped like the event store and the ledger; the events get a sequence of their own, not the store's. */
    private void scratchTables() throws SQLException {
        database.execute("DROP TABLE IF EXISTS " + EVENTS, "DROP TABLE IF EXISTS " + LEDGER,
                "CREATE TABLE " + EVENTS + " (LIKE domain_event_entry INCLUDING ALL)",
                "CREATE SEQUENCE " + EVENTS + "_seq OWNED BY " + EVENTS + ".global_index",
                "ALTER TABLE " + EVENTS + " ALTER COLUMN global_index SET DEFAULT nextval('" + EVENTS + "_seq')",
                "CREATE TABLE " + LEDGER + " (LIKE processed_action INCLUDING ALL)");
    }

    private ParallelWriter.Writer eventWriter(Database target, boolean autocommit, String phase) throws SQLException {
        Connection connection = target.connect();
        connection.setAutoCommit(autocommit);
        PreparedStatement event = connection.prepareStatement(INSERT_EVENT);
        PreparedStatement ledger = phase.isEmpty() ? null : connection.prepareStatement(INSERT_LEDGER);
        String actionPrefix = "bl-" + UUID.randomUUID() + phase + "-";
        return new ParallelWriter.Writer() {
            public void write(long first, long end) throws SQLException {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Timestamp now = Timestamp.from(Instant.now());
                for (long i = first; i < end; i++) {
                    String player = ActionLoad.playerId(random.nextInt(players));
                    event.setString(1, player);
                    event.setLong(2, i);
                    event.setString(3, template.type());
                    event.setString(4, UUID.randomUUID().toString());
                    event.setBytes(5, template.metaData());
                    event.setBytes(6, template.payload());
                    event.setString(7, template.revision());
                    event.setString(8, template.payloadType());
                    event.setString(9, template.timeStamp());
                    if (autocommit) {
                        event.executeUpdate();
                        continue;
                    }
                    event.addBatch();
                    if (ledger != null) {
                        ledger.setString(1, player);
                        ledger.setString(2, actionPrefix + i);
                        ledger.setString(3, "global");
                        ledger.setString(4, ActionLoad.ACTION_TYPE);
                        ledger.setLong(5, 10);
                        ledger.setTimestamp(6, now);
                        ledger.addBatch();
                    }
                }
                if (!autocommit) {
                    event.executeBatch();
                    if (ledger != null) {
                        ledger.executeBatch();
                    }
                    connection.commit();
                }
            }

            public void close() throws SQLException {
                connection.close();
            }
        };
    }
}
