package dev.leaderboard.bench.ingestion;

import dev.leaderboard.bench.baseline.BaselineResult;
import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.baseline.EventTemplate;
import dev.leaderboard.bench.baseline.ScratchEventTable;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.LoadSettings;
import dev.leaderboard.bench.projections.BenchRedis;
import dev.leaderboard.bench.projections.FillPlan;
import dev.leaderboard.bench.projections.ProjectionBaselines;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The same-run baselines of the ingestion figures, run with the server idle against its own PostgreSQL and Redis:
 * <ul>
 *   <li>(a) what the write path must store per action, by the simplest code: one event row (the size of the
 *       server's latest stored {@code ScoreIncreased}) and one ledger row ({@code processed_action}'s shape), in
 *       batches of {@code baselineBatch} events + as many ledger rows per transaction, each a multi-row insert
 *       (JDBC batches with {@code reWriteBatchedInserts=true}), into scratch copies of both tables;</li>
 *   <li>(b) what the projection must write to Redis per event: {@link ProjectionBaselines#redisStandings} (ZADD +
 *       HSET for all-time, day, week and month), pipelined per processor batch, with as many connections as the
 *       processor has threads;</li>
 *   <li>(c) (a) then (b) for every event: 1 / (1/a + 1/b), derived.</li>
 * </ul>
 */
public final class IngestionBaselines {

    public static final String LEDGER_TABLE = "bench_baseline_ledger";
    /** Fewer events than this would measure mostly connection set-up and the JIT: the baselines write at least this. */
    public static final long MIN_EVENTS = 50_000;
    private static final int WARMUP_BATCHES_PER_CONNECTION = 2;
    private static final long REDIS_WARMUP_EVENTS = 10_000;

    private static final String INSERT_EVENT = "INSERT INTO " + ScratchEventTable.NAME + """
             (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision,
             payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_LEDGER = "INSERT INTO " + LEDGER_TABLE + """
             (user_id, action_id, leaderboard_id, action_type, points, accepted_at) VALUES (?, ?, ?, ?, ?, ?)""";

    /** @param combinedPerSecond (a) then (b): 1 / (1/a + 1/b) */
    public record Figures(BaselineResult jdbc, BaselineResult redis, double combinedPerSecond) {
    }

    private final Database database;
    private final EventTemplate template;
    private final int players;
    private final IngestionOptions options;
    private final int redisBatch;
    private final int redisConnections;
    private final Supplier<CpuMeter> cpu;
    private final String runId;

    public IngestionBaselines(Database database, EventTemplate template, int players, IngestionOptions options,
                              int redisBatch, int redisConnections, Supplier<CpuMeter> cpu, String runId) {
        this.database = database;
        this.template = template;
        this.players = players;
        this.options = options;
        this.redisBatch = redisBatch;
        this.redisConnections = redisConnections;
        this.cpu = cpu;
        this.runId = runId;
    }

    /** @param events how many events each baseline writes (at least {@link #MIN_EVENTS}), unless cut by time */
    public Figures run(long events, BenchRedis redis) throws Exception {
        events = Math.max(events, MIN_EVENTS);
        BaselineResult jdbc = jdbcEventsAndLedger(events);
        // unmeasured: the benchmark JVM's Lettuce connections and the code paths get warm, as in baseline (a)
        new ProjectionBaselines(FillPlan.startingBefore(Instant.now(), REDIS_WARMUP_EVENTS, players, runId + "w",
                "global", ActionClient.ACTION_TYPE, 10), redisBatch, redisConnections, options.baselineLimit())
                .redisStandings(redis);
        FillPlan plan = FillPlan.startingBefore(Instant.now(), events, players, runId, "global",
                ActionClient.ACTION_TYPE, 10);
        CpuMeter meter = cpu.get();
        ProjectionBaselines.Result written = new ProjectionBaselines(plan, redisBatch, redisConnections,
                options.baselineLimit()).redisStandings(redis);
        BaselineResult redisResult = new BaselineResult(String.format(Locale.ROOT,
                "Redis, pipelined ZADD+HSET x4 windows/event, %d events/pipeline, %d conn%s", redisBatch,
                redisConnections, partial(written.complete(), written.events())), written.events(), written.elapsed(),
                LatencySummary.NONE, "-", meter.stop());
        double combined = jdbc.eventsPerSecond() == 0 || redisResult.eventsPerSecond() == 0 ? 0
                : 1 / (1 / jdbc.eventsPerSecond() + 1 / redisResult.eventsPerSecond());
        return new Figures(jdbc, redisResult, combined);
    }

    /** Baseline (a). */
    BaselineResult jdbcEventsAndLedger(long events) throws SQLException {
        Database rewriting = new Database(database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", database.user(), database.password());
        ScratchEventTable.create(database);
        execute(database, "DROP TABLE IF EXISTS " + LEDGER_TABLE,
                "CREATE TABLE " + LEDGER_TABLE + " (LIKE processed_action INCLUDING ALL)");
        try {
            int batch = options.baselineBatch();
            int connections = options.baselineConnections();
            run(rewriting, (long) WARMUP_BATCHES_PER_CONNECTION * connections * batch, "w", Duration.ofSeconds(30),
                    Optional.empty());
            execute(database, "TRUNCATE " + ScratchEventTable.NAME, "TRUNCATE " + LEDGER_TABLE);
            Timed timed = run(rewriting, events, "m", options.baselineLimit(), Optional.of(cpu));
            return new BaselineResult(String.format(Locale.ROOT,
                    "JDBC, %d events + %d ledger rows per transaction (multi-row inserts), %d conn%s", batch, batch,
                    connections, partial(timed.events() == events, timed.events())), timed.events(), timed.elapsed(),
                    LatencySummary.of(timed.latency()), "one batch of " + batch + " events + " + batch
                    + " ledger rows + commit", timed.cpu().orElseThrow());
        } finally {
            execute(database, "DROP TABLE IF EXISTS " + LEDGER_TABLE);
            ScratchEventTable.drop(database);
        }
    }

    private record Timed(long events, Duration elapsed, Histogram latency, Optional<CpuMeter.Usage> cpu) {
    }

    /** The meter runs while the connections are open: an exited PostgreSQL backend takes its CPU time with it. */
    private Timed run(Database target, long events, String phase, Duration limit,
                      Optional<Supplier<CpuMeter>> meter) throws SQLException {
        int batch = options.baselineBatch();
        AtomicLong next = new AtomicLong();
        AtomicLong written = new AtomicLong();
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.baselineConnections(),
                Thread.ofPlatform().name("bench-ingest-baseline-", 0).daemon().factory());
        try {
            for (int c = 0; c < options.baselineConnections(); c++) {
                Connection connection = target.connect();
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            Optional<CpuMeter> cpuMeter = meter.map(Supplier::get);
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            List<Callable<Histogram>> workers = new ArrayList<>();
            for (Connection connection : connections) {
                workers.add(() -> {
                    Histogram latency = LatencySummary.newHistogram();
                    try (PreparedStatement event = connection.prepareStatement(INSERT_EVENT);
                         PreparedStatement ledger = connection.prepareStatement(INSERT_LEDGER)) {
                        for (long first = next.getAndAdd(batch); first < events && System.nanoTime() < deadline;
                             first = next.getAndAdd(batch)) {
                            long end = Math.min(events, first + batch);
                            long started = System.nanoTime();
                            writeBatch(connection, event, ledger, phase, first, end);
                            LatencySummary.record(latency, System.nanoTime() - started);
                            written.addAndGet(end - first);
                        }
                    }
                    return latency;
                });
            }
            List<Future<Histogram>> futures = pool.invokeAll(workers);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Optional<CpuMeter.Usage> usage = cpuMeter.map(CpuMeter::stop);
            Histogram latency = LatencySummary.newHistogram();
            for (Future<Histogram> future : futures) {
                latency.add(future.get());
            }
            return new Timed(written.get(), elapsed, latency, usage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the ingestion baseline", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an ingestion baseline connection failed", e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private void writeBatch(Connection connection, PreparedStatement event, PreparedStatement ledger, String phase,
                            long first, long end) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Timestamp now = Timestamp.from(Instant.now());
        for (long i = first; i < end; i++) {
            String player = LoadSettings.playerId(random.nextInt(players));
            event.setString(1, player);
            event.setLong(2, i);
            event.setString(3, template.type());
            event.setString(4, UUID.randomUUID().toString());
            event.setBytes(5, template.metaData());
            event.setBytes(6, template.payload());
            event.setString(7, template.payloadRevision());
            event.setString(8, template.payloadType());
            event.setString(9, template.timeStamp());
            event.addBatch();
            ledger.setString(1, player);
            ledger.setString(2, "bl" + runId + phase + "-" + i);
            ledger.setString(3, "global");
            ledger.setString(4, ActionClient.ACTION_TYPE);
            ledger.setLong(5, 10);
            ledger.setTimestamp(6, now);
            ledger.addBatch();
        }
        event.executeBatch();
        ledger.executeBatch();
        connection.commit();
    }

    private static String partial(boolean complete, long events) {
        return complete ? "" : String.format(Locale.ROOT, " [first %,d events: time limit]", events);
    }

    private static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
