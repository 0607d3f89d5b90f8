package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.standings.PostgresStandings;
import dev.leaderboard.projections.standings.StandingChanges;
import dev.leaderboard.projections.standings.StandingsOfEvents;
import dev.leaderboard.windows.TimeWindow;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catch-up scenario's same-run baselines: the same events' standings (4 per event: all-time, day, week, month)
 * written by the simplest code that could write them, on the same Redis and PostgreSQL, in the processor's batch
 * size, with as many connections as the processor has worker threads.
 */
public final class ProjectionBaselines {

    /** Scratch schema of baseline (b): it holds a table named {@code standing}, so the projection's own SQL hits it. */
    static final String SCRATCH_SCHEMA = "bench_projection_baseline";
    static final String REDIS_PREFIX = "bench-baseline:";

    /** @param complete whether every event was written, or the time limit stopped the baseline first */
    public record Result(String name, long events, boolean complete, Duration elapsed) {
        public double eventsPerSecond() {
            return elapsed.isZero() ? 0 : events / (elapsed.toNanos() / 1e9);
        }
    }

    private record Timed(long events, Duration elapsed) {
    }

    private final FillPlan plan;
    private final int batchSize;
    private final int connections;
    private final Duration limit;

    /** @param limit no batch is started after this much time: a slow baseline is cut short, not waited for */
    public ProjectionBaselines(FillPlan plan, int batchSize, int connections, Duration limit) {
        this.plan = plan;
        this.batchSize = batchSize;
        this.connections = connections;
        this.limit = limit;
    }

    /** Baseline (a): pipelined {@code ZADD score member} into 4 sorted sets per event, one pipeline per batch. */
    Result redisZadds(BenchRedis redis) throws Exception {
        String[] keys = scratchKeys(":rank");
        Timed timed = pipelined(redis, "ZADD", new String[][]{keys}, (async, first, end) -> {
            List<RedisFuture<?>> pipeline = new ArrayList<>((int) (end - first) * 4);
            for (long i = first; i < end; i++) {
                ScoreIncreased event = plan.event(i);
                String member = RankMember.encode(event.userId(), RankMember.truncate(event.occurredAt()));
                long score = event.totals().allTime();
                for (String key : keys) {
                    pipeline.add(async.zadd(key, score, member));
                }
            }
            return pipeline;
        });
        return new Result("pipelined ZADD", timed.events(), timed.events() == plan.events(), timed.elapsed());
    }

    /** Commands of one batch of events [first, end), queued on a connection that does not flush by itself. */
    @FunctionalInterface
    private interface PipelineBatch {
        List<RedisFuture<?>> queue(RedisAsyncCommands<String, String> async, long first, long end);
    }

    /**
     * Runs {@code batch} over the plan on {@code connections} pipelined connections, one flush and one wait per batch,
     * on scratch keys deleted before and unlinked after.
     */
    private Timed pipelined(BenchRedis redis, String commands, String[][] scratch, PipelineBatch batch)
            throws Exception {
        List<StatefulRedisConnection<String, String>> open = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                StatefulRedisConnection<String, String> connection = redis.connect();
                connection.setAutoFlushCommands(false);
                open.add(connection);
            }
            try (StatefulRedisConnection<String, String> plain = redis.connect()) {
                for (String[] keys : scratch) {
                    plain.sync().del(keys);
                }
            }
            Timed timed = inParallel(open, connection -> {
                RedisAsyncCommands<String, String> async = connection.async();
                return (first, end) -> {
                    List<RedisFuture<?>> pipeline = batch.queue(async, first, end);
                    connection.flushCommands();
                    if (!LettuceFutures.awaitAll(Duration.ofSeconds(60), pipeline.toArray(RedisFuture[]::new))) {
                        throw new IllegalStateException("a " + commands + " pipeline did not complete");
                    }
                };
            });
            try (StatefulRedisConnection<String, String> plain = redis.connect()) {
                for (String[] keys : scratch) {
                    plain.sync().unlink(keys);
                }
            }
            return timed;
        } finally {
            open.forEach(StatefulRedisConnection::close);
        }
    }

    /** The 4 windows' scratch keys (all-time, day, week, month) with the given suffix. */
    private String[] scratchKeys(String suffix) {
        String[] keys = new String[4];
        TimeWindow[] windows = {TimeWindow.ALL_TIME, TimeWindow.DAILY, TimeWindow.WEEKLY, TimeWindow.MONTHLY};
        for (int w = 0; w < 4; w++) {
            String period = w == 0 ? TimeWindow.ALL_TIME_KEY : plan.period(windows[w]);
            keys[w] = REDIS_PREFIX + "{" + plan.leaderboardId() + "|" + windows[w].id() + "|" + period + "}" + suffix;
        }
        return keys;
    }

    /**
     * The Redis half of what the projection writes per event, without its Lua script: for each of the 4 windows a
     * {@code ZADD total member} into the window's sorted set and an {@code HSET user <version>|<member>} into its
     * members hash (8 commands per event, the projection's key and member layout), pipelined, one flush and one wait
     * per batch. The keys are removed afterwards.
     */
    public Result redisStandings(BenchRedis redis) throws Exception {
        String[] ranks = scratchKeys(":rank");
        String[] members = scratchKeys(":members");
        Timed timed = pipelined(redis, "ZADD/HSET", new String[][]{ranks, members}, (async, first, end) -> {
            List<RedisFuture<?>> pipeline = new ArrayList<>((int) (end - first) * 8);
            for (long i = first; i < end; i++) {
                ScoreIncreased event = plan.event(i);
                String member = RankMember.encode(event.userId(), RankMember.truncate(event.occurredAt()));
                String version = plan.sequenceOf(i) + "|" + member;
                long score = event.totals().allTime();
                for (int w = 0; w < 4; w++) {
                    pipeline.add(async.zadd(ranks[w], score, member));
                    pipeline.add(async.hset(members[w], event.userId(), version));
                }
            }
            return pipeline;
        });
        return new Result("pipelined ZADD+HSET", timed.events(), timed.events() == plan.events(),
                timed.elapsed());
    }

    /**
     * Baseline (b): the projection's own {@link PostgresStandings} upsert (one {@code unnest} statement per batch,
     * rows merged and sorted by key as the processor does) into a scratch {@code standing} table created
     * {@code LIKE standing INCLUDING ALL}, one autocommit transaction per batch.
     */
    Result postgresUpserts(Database database) throws Exception {
        execute(database, "DROP SCHEMA IF EXISTS " + SCRATCH_SCHEMA + " CASCADE",
                "CREATE SCHEMA " + SCRATCH_SCHEMA,
                "CREATE TABLE " + SCRATCH_SCHEMA + ".standing (LIKE public.standing INCLUDING ALL)");
        List<SingleConnectionDataSource> open = new ArrayList<>();
        try {
            String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
                    + "currentSchema=" + SCRATCH_SCHEMA;
            for (int c = 0; c < connections; c++) {
                SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, database.user(),
                        database.password(), true);
                dataSource.setAutoCommit(true);
                open.add(dataSource);
            }
            Timed timed = inParallel(open, dataSource -> {
                PostgresStandings standings = new PostgresStandings(new JdbcTemplate(dataSource));
                return (first, end) -> {
                    StandingChanges changes = new StandingChanges();
                    for (long i = first; i < end; i++) {
                        changes.add(StandingsOfEvents.of(plan.event(i), plan.sequenceOf(i)));
                    }
                    standings.upsert(1, changes.latest());
                };
            });
            long rows;
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT count(*) FROM " + SCRATCH_SCHEMA + ".standing")) {
                result.next();
                rows = result.getLong(1);
            }
            return new Result("unnest upsert (" + rows + " rows)", timed.events(), timed.events() == plan.events(),
                    timed.elapsed());
        } finally {
            open.forEach(SingleConnectionDataSource::destroy);
            execute(database, "DROP SCHEMA IF EXISTS " + SCRATCH_SCHEMA + " CASCADE");
        }
    }

    private interface BatchWriter {
        void write(long first, long end) throws Exception;
    }

    private interface WriterFactory<C> {
        BatchWriter writerFor(C connection) throws Exception;
    }

    /** Each connection's thread claims the next batch of event numbers until all are written. */
    private <C> Timed inParallel(List<C> connections, WriterFactory<C> factory) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong written = new AtomicLong();
        long[] deadline = {Long.MAX_VALUE};
        ExecutorService pool = Executors.newFixedThreadPool(connections.size(),
                Thread.ofPlatform().name("bench-baseline-", 0).daemon().factory());
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (C connection : connections) {
                BatchWriter writer = factory.writerFor(connection);
                workers.add(() -> {
                    for (long first = next.getAndAdd(batchSize); first < plan.events()
                            && System.nanoTime() < deadline[0]; first = next.getAndAdd(batchSize)) {
                        long end = Math.min(plan.events(), first + batchSize);
                        writer.write(first, end);
                        written.addAndGet(end - first);
                    }
                    return null;
                });
            }
            long started = System.nanoTime();
            deadline[0] = started + limit.toNanos();
            List<Future<Void>> futures = pool.invokeAll(workers);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a baseline writer failed", e.getCause());
                }
            }
            return new Timed(written.get(), elapsed);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
