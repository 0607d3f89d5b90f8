package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.BenchCli;
import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.baseline.EventTemplate;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.BenchTokens;
import dev.leaderboard.bench.load.HttpLoad;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.MachineInfo;
import dev.leaderboard.bench.report.ResultTable;
import dev.leaderboard.bench.server.BenchJvm;
import dev.leaderboard.bench.server.ProjectionCatchUp;
import dev.leaderboard.bench.server.ServerLaunch;
import dev.leaderboard.bench.server.ServerProcess;
import dev.leaderboard.bench.server.StorageEngine;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.layout.RedisLayoutProperties;
import dev.leaderboard.local.DevTokens;
import dev.leaderboard.windows.TimeWindow;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The projection benchmarks ({@code ops/bench/run-projections}): catch-up of the standings processor from a store
 * pre-filled with {@code --events} events, with the same-run Redis and PostgreSQL baselines, then the end-to-end lag
 * from an accepted action to its visibility in Redis under an open-loop write load. One server (the write
 * benchmark's bench server, JDBC engine, all roles) is started as a subprocess for both. Progress goes to stderr,
 * the figures to stdout.
 */
public final class ProjectionBenchmark {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration STATUS_POLL = Duration.ofMillis(200);
    private static final int SEED_CLIENTS = 8;

    private final ProjectionBenchOptions options;
    private final BenchTokens tokens;
    private final String runId;
    private final PrintStream progress = System.err;
    private final List<String> notes = new ArrayList<>();
    private final ResultTable table = new ResultTable("Projection benchmark");
    private final List<String> facts = new ArrayList<>();

    private ProjectionBenchmark(ProjectionBenchOptions options) {
        this.options = options;
        this.tokens = BenchTokens.mint(options.jwtSecret(), Duration.ofHours(6));
        this.runId = Long.toString(Instant.now().getEpochSecond(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return BenchCli.run(args, ProjectionBenchOptions.USAGE,
                a -> ProjectionBenchOptions.parse(a, System.getenv(), DevTokens.LOCAL_SECRET),
                options -> new ProjectionBenchmark(options).runAll());
    }

    private int runAll() {
        MachineInfo machine = MachineInfo.current();
        ProcessorSettings processor = ProcessorSettings.resolve(options.serverArguments(), System.getenv());
        boolean failed = false;
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("leaderboard-bench-projections-");
        } catch (IOException e) {
            System.err.println("no temp directory: " + e.getMessage());
            return 1;
        }
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "leaderboard-bench-projections-" + runId + ".log");
        ServerLaunch launch = new ServerLaunch(BenchJvm.currentJava(), serverJar(), options.serverJavaOptions(),
                StorageEngine.JDBC, options.serverArguments(), dataDirectory, log);
        progress.printf("starting the server (log: %s)%n", log);
        try (ServerProcess server = ServerProcess.start(launch);
             BenchRedis redis = new BenchRedis(BenchRedis.portOf(server))) {
            facts.add("server log: " + log);
            facts.add("storage: " + server.reportedPersistence().orElse("not reported"));
            Database database = new Database(server.jdbcUrl(), "postgres", "postgres");
            facts.add(String.format(Locale.ROOT, "PostgreSQL %s (synchronous_commit=%s, fsync=%s, shared_buffers=%s),"
                            + " Redis %s (embedded, no persistence)", database.setting("server_version"),
                    database.setting("synchronous_commit"), database.setting("fsync"),
                    database.setting("shared_buffers"), redis.version()));
            AdminStatus admin = new AdminStatus(server.baseUrl(), tokens.admin());
            ActionClient actions = new ActionClient(server.baseUrl(), tokens.service());

            progress.printf("seed: %d s of closed-loop load, %d clients%n", options.seed().toSeconds(), SEED_CLIENTS);
            new HttpLoad(actions, runId + "s").warmUp(SEED_CLIENTS, options.loadPlayers(), options.seed());
            awaitCaughtUp(server);
            AdminStatus.Standings status = admin.read().orElseThrow(
                    () -> new IllegalStateException("GET /api/v1/admin/projections has no standings row"));
            if (status.segments() != processor.segments()) {
                notes.add("the token store holds " + status.segments() + " segments, the configuration says "
                        + processor.segments());
            }
            EventTemplate template;
            try (Connection connection = database.connect()) {
                template = EventTemplate.latestScoreIncreased(connection);
            }
            ScoreIncreased real = StoredJson.newObjectMapper().readValue(template.payload(), ScoreIncreased.class);
            RedisKeys keys = new RedisKeys(keyPrefix());
            facts.add(String.format(Locale.ROOT, "processor: pooled streaming, batch size %d, %d segments, %d "
                            + "worker threads (as configured; token store: %d segments); Redis key prefix %s; "
                            + "board '%s'", processor.batchSize(), processor.segments(), processor.threads(),
                    status.segments(), keys.prefix(), real.leaderboardId()));

            if (options.catchUp()) {
                failed |= !catchUp(server, database, redis, admin, template, real, keys, processor);
            }
            if (options.lag()) {
                failed |= !liveLag(server, redis, admin, actions, keys, real.leaderboardId());
            }
        } catch (Exception e) {
            failed = true;
            progress.println("The benchmark failed: " + e);
            e.printStackTrace(progress);
        } finally {
            if (!options.keepData()) {
                BenchJvm.deleteRecursively(dataDirectory, progress);
            }
        }
        System.out.print(render(machine, processor));
        return failed ? 1 : 0;
    }

    private boolean catchUp(ServerProcess server, Database database, BenchRedis redis, AdminStatus admin,
                            EventTemplate template, ScoreIncreased real, RedisKeys keys, ProcessorSettings processor)
            throws Exception {
        List<String> formatProblems = StoreFill.checkAgainstRealEvent(template);
        AdminStatus.Standings status0 = admin.read().orElseThrow();
        FillPlan plan = FillPlan.startingBefore(Instant.now(), options.events(), options.users(), runId,
                real.leaderboardId(), real.actionType(), real.points());
        progress.printf("catch-up: filling %,d events of %,d players in one transaction%n", plan.events(),
                plan.distinctUsers());
        long headBefore = head(database);
        Duration fill = StoreFill.fill(database, plan, template, progress);
        long committed = System.nanoTime();
        String loadBefore = MachineInfo.loadAverage();
        CpuMeter cpu = CpuMeter.start(server.handle(), Optional.of(server.postgresDataDirectory()));
        long head = head(database);
        if (head - headBefore != plan.events()) {
            notes.add("the head moved by " + (head - headBefore) + " during the fill, expected " + plan.events()
                    + " (something else wrote events)");
        }
        progress.printf("catch-up: filled in %.1f s (%,.0f events/s); waiting for lag 0%n", seconds(fill),
                plan.events() / seconds(fill));
        CatchUpWatch watch = new CatchUpWatch(plan, redis, keys.members(status0.liveGeneration(),
                plan.leaderboardId(), TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY), status0.segments());
        Optional<AdminStatus.Standings> done = awaitLagZero(admin, head, committed, watch);
        long lagZero = System.nanoTime();
        CpuMeter.Usage usage = cpu.stop();
        long complete = watch.completeAt().orElse(lagZero);
        Duration elapsed = Duration.ofNanos(complete - committed);
        if (done.isEmpty()) {
            Optional<AdminStatus.Standings> last = admin.read();
            long applied = last.map(s -> Math.max(0, s.position() - headBefore)).orElse(0L);
            table.add(new ResultTable.Row("catch-up NOT FINISHED, partial rate", ResultTable.rate(applied
                    / seconds(Duration.ofNanos(lagZero - committed))), "", "", "", "", ""));
            notes.add(String.format(Locale.ROOT, "catch-up did not finish within %d min: %,d of %,d events applied",
                    CATCH_UP_TIMEOUT.toMinutes(), applied, plan.events()));
            return false;
        }
        if (watch.completeAt().isEmpty()) {
            notes.add("the last event of each segment was not seen in Redis: the catch-up was timed to lag 0");
        }
        facts.add(String.format(Locale.ROOT, "catch-up timing: commit -> last event of every segment visible in Redis"
                        + " %.2f s (the figure); -> admin lag 0 %.2f s (idle segments store their token late)",
                seconds(elapsed), (lagZero - committed) / 1e9));
        double projectionRate = plan.events() / seconds(elapsed);
        formatProblems = new ArrayList<>(formatProblems);
        formatProblems.addAll(StoreFill.verify(database, plan));
        String correctness = correctness(database, redis, keys, done.get().liveGeneration(), plan);

        progress.printf("catch-up: %,.0f events/s; baselines on the same servers%n", projectionRate);
        ProjectionBaselines baselines = new ProjectionBaselines(plan, processor.batchSize(), processor.threads(),
                options.baselineLimit());
        ProjectionBaselines.Result zadd = baselines.redisZadds(redis);
        progress.printf("  (a) ZADD: %,.0f events/s%n", zadd.eventsPerSecond());
        ProjectionBaselines.Result upsert = baselines.postgresUpserts(database);
        progress.printf("  (b) upsert: %,.0f events/s%n", upsert.eventsPerSecond());

        String shape = String.format(Locale.ROOT, "batch %d, %d segments, %d threads", processor.batchSize(),
                processor.segments(), processor.threads());
        table.add(new ResultTable.Row("catch-up of " + count(plan.events()) + " events (" + shape + ")",
                ResultTable.rate(projectionRate), "", "", "", "", ""));
        table.add(new ResultTable.Row("  (a) pipelined ZADD x4/event, " + processor.batchSize() + " events/pipeline, "
                + processor.threads() + " conn" + partial(zadd), ResultTable.rate(zadd.eventsPerSecond()), "", "", "",
                "catch-up / (a)", ResultTable.ratio(projectionRate, zadd.eventsPerSecond())));
        table.add(new ResultTable.Row("  (b) unnest upsert x4/event, " + processor.batchSize() + " events/tx, "
                + processor.threads() + " conn" + partial(upsert), ResultTable.rate(upsert.eventsPerSecond()), "", "", "",
                "catch-up / (b)", ResultTable.ratio(projectionRate, upsert.eventsPerSecond())));
        double both = 1 / (1 / zadd.eventsPerSecond() + 1 / upsert.eventsPerSecond());
        table.add(new ResultTable.Row("  (a)+(b) back to back (derived: 1/(1/a+1/b))", ResultTable.rate(both), "", "",
                "", "catch-up / (a+b)", ResultTable.ratio(projectionRate, both)));
        facts.add(String.format(Locale.ROOT, "catch-up: %,d events (%,d players x ~%d events, interleaved) filled in "
                        + "%.1f s (%,.0f events/s), one transaction", plan.events(), plan.distinctUsers(),
                Math.max(1, plan.events() / plan.distinctUsers()), seconds(fill), plan.events() / seconds(fill)));
        facts.add(String.format(Locale.ROOT, "catch-up cpu: server JVM %s (%s/event), Redis %s (%s/event), "
                        + "PostgreSQL %s (%s/event), machine %.0f %% busy, load average %s before, %s after",
                cpuSeconds(usage.serverWithoutRedis()), perEvent(usage.serverWithoutRedis(), plan.events()),
                cpuSeconds(usage.redis()), perEvent(usage.redis(), plan.events()),
                cpuSeconds(usage.database()), perEvent(usage.database(), plan.events()),
                usage.machineBusy() * 100, loadBefore, MachineInfo.loadAverage()));
        facts.add("catch-up correctness: " + correctness);
        facts.add("fill format: " + (formatProblems.isEmpty()
                ? "payload bytes, time_stamp, type and revision of sampled filled rows equal what the serializer and"
                + " Axon write; the server's own stored event round-trips" : "PROBLEMS"));
        formatProblems.forEach(problem -> notes.add("fill format: " + problem));
        facts.add(String.format(Locale.ROOT, "target catch-up >= 15,000 events/s: %s",
                projectionRate >= 15_000 ? "met" : "NOT met"));
        return formatProblems.isEmpty() && correctness.startsWith("correct");
    }

    /** Polls the admin status until the lag is 0 at the filled head; prints progress every 5 s. */
    private Optional<AdminStatus.Standings> awaitLagZero(AdminStatus admin, long head, long since,
                                                         CatchUpWatch watch) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        long nextReport = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            watch.check();
            Optional<AdminStatus.Standings> now = admin.read();
            if (now.isPresent() && now.get().lag() == 0 && now.get().headPosition() >= head) {
                watch.check();
                return now;
            }
            if (System.nanoTime() > nextReport && now.isPresent()) {
                nextReport += 5_000_000_000L;
                progress.printf(Locale.ROOT, "  %.0f s: lag %,d (%s)%n", (System.nanoTime() - since) / 1e9,
                        now.get().lag(), now.get().status());
            }
            Thread.sleep(STATUS_POLL);
        }
        return Optional.empty();
    }

    /**
     * After the catch-up: the all-time board in Redis has exactly the players the store has, every filled player is
     * in it at its last event's version, and the snapshot table agrees.
     */
    private String correctness(Database database, BenchRedis redis, RedisKeys keys, int generation, FillPlan plan)
            throws SQLException, InterruptedException {
        long storePlayers = queryLong(database, "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry"
                + " WHERE payload_type = '" + EventTemplate.SCORE_INCREASED + "'");
        long tablePlayers = queryLong(database, "SELECT count(*) FROM standing WHERE generation = " + generation
                + " AND time_window = 'all-time' AND leaderboard_id = '" + plan.leaderboardId() + "'");
        String rank = keys.ranking(generation, plan.leaderboardId(), TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY);
        String members = keys.members(generation, plan.leaderboardId(), TimeWindow.ALL_TIME,
                TimeWindow.ALL_TIME_KEY);
        long boardPlayers;
        long wrongVersion = 0;
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            boardPlayers = connection.sync().zcard(rank);
            connection.setAutoFlushCommands(false);
            int chunk = 5_000;
            for (int first = 0; first < plan.distinctUsers(); first += chunk) {
                List<RedisFuture<String>> answers = new ArrayList<>();
                int end = Math.min(plan.distinctUsers(), first + chunk);
                for (int u = first; u < end; u++) {
                    answers.add(connection.async().hget(members, plan.userId(u)));
                }
                connection.flushCommands();
                LettuceFutures.awaitAll(Duration.ofSeconds(30), answers.toArray(RedisFuture[]::new));
                for (int u = first; u < end; u++) {
                    String value;
                    try {
                        value = answers.get(u - first).get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        value = null;
                    }
                    String expected = (plan.eventsOf(u) - 1) + "|";
                    if (value == null || !value.startsWith(expected)) {
                        wrongVersion++;
                    }
                }
            }
        }
        long seeded = storePlayers - plan.distinctUsers();
        String figures = String.format(Locale.ROOT, "all-time board in Redis holds %,d players; the store has %,d "
                        + "(%,d filled + %,d seeded over HTTP); snapshot table %,d; filled players missing or not at "
                        + "their last version in Redis: %,d", boardPlayers, storePlayers, plan.distinctUsers(),
                seeded, tablePlayers, wrongVersion);
        boolean correct = boardPlayers == storePlayers && tablePlayers == storePlayers && wrongVersion == 0;
        return (correct ? "correct: " : "WRONG: ") + figures;
    }

    private boolean liveLag(ServerProcess server, BenchRedis redis, AdminStatus admin, ActionClient actions,
                            RedisKeys keys, String leaderboardId) throws Exception {
        awaitCaughtUp(server);
        int generation = admin.read().map(AdminStatus.Standings::liveGeneration).orElseThrow();
        try (var connection = redis.connect()) {
            String pointer = connection.sync().get(keys.generationPointer());
            if (!Integer.toString(generation).equals(pointer)) {
                notes.add("Redis generation pointer " + pointer + ", admin status says " + generation);
            }
        }
        LiveLag lag = new LiveLag(actions, redis, keys, generation, leaderboardId, runId);
        LiveLag.Settings settings = new LiveLag.Settings(options.rate(), options.duration(), options.probeEvery(),
                options.loadPlayers(), options.maxInFlight());
        if (!options.warmup().isZero()) {
            progress.printf(Locale.ROOT, "lag: %d s warmup at %,.0f actions/s%n", options.warmup().toSeconds(),
                    options.rate());
            lag.run("w", new LiveLag.Settings(options.rate(), options.warmup(), options.probeEvery(),
                    options.loadPlayers(), options.maxInFlight()));
            awaitCaughtUp(server);
        }
        progress.printf(Locale.ROOT, "lag: %d s at %,.0f actions/s, every %d-th to a fresh probe player%n",
                options.duration().toSeconds(), options.rate(), options.probeEvery());
        CpuMeter cpu = CpuMeter.start(server.handle(), Optional.of(server.postgresDataDirectory()));
        LiveLag.Result result = lag.run("m", settings);
        CpuMeter.Usage usage = cpu.stop();
        table.add(new ResultTable.Row(String.format(Locale.ROOT, "live lag, 202 -> visible in Redis (%,.0f/s "
                        + "offered)", options.rate()), ResultTable.rate(result.acceptedPerSecond()),
                ResultTable.millis(result.lag().p50()), ResultTable.millis(result.lag().p95()),
                ResultTable.millis(result.lag().p99()), "target p99 500 ms",
                result.lag().count() == 0 ? "" : ResultTable.ratio(result.lag().p99() / 1000.0, 500)));
        table.add(new ResultTable.Row("  request latency of the same load (send -> 202)", "",
                ResultTable.millis(result.requests().p50()), ResultTable.millis(result.requests().p95()),
                ResultTable.millis(result.requests().p99()), "", ""));
        facts.add(String.format(Locale.ROOT, "lag: %,d actions due in %d s (%,.0f/s), %,d sent, %,d accepted (%,.0f/s "
                        + "until the last answer); outcomes %s; at most %d in flight, schedule slipped by at most %.0f "
                        + "ms", result.scheduled(), options.duration().toSeconds(), options.rate(), result.offered(),
                result.accepted(), result.acceptedPerSecond(), result.outcomes(), options.maxInFlight(),
                result.dispatchBehind().toNanos() / 1e6));
        if (result.offered() < result.scheduled()) {
            notes.add(String.format(Locale.ROOT, "the server did not keep up: %,d of %,d scheduled actions were never "
                    + "sent (%d requests in flight at most)", result.scheduled() - result.offered(),
                    result.scheduled(), options.maxInFlight()));
        }
        facts.add(String.format(Locale.ROOT, "lag: %,d probes accepted, %,d seen in %s (poll every %d ms, pipelined"
                        + " HEXISTS); max lag %s ms", result.probes(), result.probesSeen(), lag.membersKey(),
                LiveLag.POLL_INTERVAL.toMillis(), ResultTable.millis(result.lag().max())));
        facts.add(String.format(Locale.ROOT, "lag cpu: client %.1f s, server JVM %s, Redis %s, PostgreSQL %s, "
                        + "machine %.0f %% busy, load average %s after", usage.client().toMillis() / 1000.0,
                cpuSeconds(usage.serverWithoutRedis()), cpuSeconds(usage.redis()), cpuSeconds(usage.database()),
                usage.machineBusy() * 100, MachineInfo.loadAverage()));
        boolean rateMet = result.acceptedPerSecond() >= options.rate() * 0.95;
        facts.add(String.format(Locale.ROOT, "target lag p99 < 500 ms at 2,000 actions/s: %s",
                result.lag().count() == 0 ? "no probe seen"
                        : (result.lag().p99() < 500_000 ? "p99 met" : "p99 NOT met")
                        + (rateMet ? "" : String.format(Locale.ROOT, ", but only %,.0f actions/s were accepted",
                        result.acceptedPerSecond()))
                        + (options.rate() < 2_000 ? String.format(Locale.ROOT, " (offered %,.0f/s, below the "
                        + "target's rate)", options.rate()) : "")));
        if (result.probesSeen() < result.probes()) {
            notes.add((result.probes() - result.probesSeen()) + " probe players never became visible within "
                    + LiveLag.PROBE_TIMEOUT.toSeconds() + " s after the load");
        }
        return result.probes() > 0 && result.probesSeen() == result.probes();
    }

    private void awaitCaughtUp(ServerProcess server) {
        String state = new ProjectionCatchUp().await(server.baseUrl(), tokens.admin(), Duration.ofMinutes(5));
        if (!state.equals("caught up")) {
            notes.add("before a phase, the projection was " + state);
        }
    }

    private String render(MachineInfo machine, ProcessorSettings processor) {
        StringBuilder out = new StringBuilder();
        out.append("machine: ").append(machine.describe()).append('\n');
        out.append(String.format(Locale.ROOT, "settings: --events %d --users %d --rate %.0f --duration %d --warmup %d"
                        + " --probe-share %s --load-players %d --max-in-flight %d --seed %d --baseline-seconds %d%s%n",
                options.events(), options.users(), options.rate(), options.duration().toSeconds(),
                options.warmup().toSeconds(), options.probeShare(), options.loadPlayers(), options.maxInFlight(),
                options.seed().toSeconds(), options.baselineLimit().toSeconds(),
                options.serverArguments().isEmpty() ? "" : " server args " + options.serverArguments()));
        facts.forEach(fact -> out.append(fact).append('\n'));
        out.append('\n').append(table.render());
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        }
        return out.toString();
    }

    private String keyPrefix() {
        for (String argument : options.serverArguments()) {
            if (argument.startsWith("--leaderboard.redis.key-prefix=")) {
                return argument.substring(argument.indexOf('=') + 1);
            }
        }
        String env = System.getenv("LEADERBOARD_REDIS_KEYPREFIX");
        return env != null && !env.isBlank() ? env : new RedisLayoutProperties("lb").keyPrefix();
    }

    private static long head(Database database) throws SQLException {
        return queryLong(database, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
    }

    private static long queryLong(Database database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String partial(ProjectionBaselines.Result result) {
        return result.complete() ? "" : String.format(Locale.ROOT, " [first %,d events]", result.events());
    }

    private static String perEvent(Optional<Duration> cpu, long events) {
        return cpu.map(d -> String.format(Locale.ROOT, "%.1f µs", d.toNanos() / 1e3 / events)).orElse("-");
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String cpuSeconds(Optional<Duration> cpu) {
        return cpu.map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)).orElse("?");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
    private Path serverJar() {
        return options.serverJar().orElseGet(() -> BenchJvm.benchJar("run the benchmark from leaderboard-bench.jar "
                + "(ops/bench/run-projections), or name the server jar with --server-jar"));
    }
}
