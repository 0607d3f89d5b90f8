package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.BenchCli;
import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.BenchTokens;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import dev.leaderboard.bench.report.MachineInfo;
import dev.leaderboard.bench.server.BenchJvm;
import dev.leaderboard.bench.server.ServerLaunch;
import dev.leaderboard.bench.server.EdgeFloorController;
import dev.leaderboard.bench.server.ProjectionCatchUp;
import dev.leaderboard.bench.server.ServerProcess;
import dev.leaderboard.bench.server.StorageEngine;
import dev.leaderboard.local.DevTokens;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The read-side benchmark ({@code ops/bench/run-reads}): a synthetic 1,000,000-player board, read latency under
 * write load next to bare Redis, SSE fan-out, and a small-heap export. Progress goes to stderr, figures to stdout.
 * <p>
 * Two servers run one after the other on the same data directory: first one with the normal JVM options, which gets
 * the board (SQL insert, then restore into Redis) and serves the reads and the streams; then one with a small heap
 * and only the query role (so it does not rebuild Redis), which exports the board from PostgreSQL.
 */
public final class ReadBenchmark {

    private final ReadOptions options;
    private final PrintStream progress;
    private final BenchTokens tokens;
    private final String runId;
    private final ReadReport report;

    ReadBenchmark(ReadOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        this.tokens = BenchTokens.mint(options.jwtSecret(), Duration.ofHours(6));
        this.runId = "r" + Long.toString(Instant.now().getEpochSecond(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
        this.report = new ReadReport(MachineInfo.current(), options);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return BenchCli.run(args, ReadOptions.USAGE,
                a -> ReadOptions.parse(a, System.getenv(), DevTokens.LOCAL_SECRET),
                options -> new ReadBenchmark(options, System.err).runAll());
    }

    private int runAll() {
        int failures = 0;
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("leaderboard-bench-reads-");
        } catch (IOException e) {
            progress.println("no temp directory: " + e);
            return 1;
        }
        try {
            try {
                boardReadsAndStreams(dataDirectory);
            } catch (Exception e) {
                failures++;
                report.note("board/reads/streams failed: " + e);
                progress.println("The board, reads or streams scenario failed: " + e);
                e.printStackTrace(progress);
            }
            if (report.boardReady() && options.runs(ReadOptions.Scenario.EXPORT)) {
                try {
                    export(dataDirectory);
                } catch (Exception e) {
                    failures++;
                    report.note("export failed: " + e);
                    progress.println("The export scenario failed: " + e);
                    e.printStackTrace(progress);
                }
            }
            if (report.boardReady() && options.runs(ReadOptions.Scenario.CLOSE)) {
                try {
                    close(dataDirectory);
                } catch (Exception e) {
                    failures++;
                    report.note("close failed: " + e);
                    progress.println("The close scenario failed: " + e);
                    e.printStackTrace(progress);
                }
            }
        } finally {
            if (!options.keepData()) {
                BenchJvm.deleteRecursively(dataDirectory, progress);
            } else {
                report.note("data kept in " + dataDirectory);
            }
        }
        System.out.print(report.render());
        return failures == 0 ? 0 : 1;
    }

    /**
     * Server 1 (normal JVM options): synthesise the board in PostgreSQL, restore it into Redis, then the reads under
     * write load with their Redis baselines, then the SSE fan-out.
     */
    private void boardReadsAndStreams(Path dataDirectory) throws Exception {
        Path log = logFile("reads");
        progress.printf("[board] starting the server with %s (log: %s)%n", options.serverJavaOptions(), log);
        long started = System.nanoTime();
        // Every SSE client of the fan-out connects from this one address: lift the per-address and instance caps.
        List<String> springArguments = new java.util.ArrayList<>(options.serverArguments());
        springArguments.add("--leaderboard.stream.max-connections-per-ip=" + options.connections());
        springArguments.add("--leaderboard.stream.max-connections=" + Math.max(5_000, options.connections()));
        try (ServerProcess server = ServerProcess.start(launch(options.serverJavaOptions(),
                springArguments, dataDirectory, log))) {
            report.readServer(log, Duration.ofNanos(System.nanoTime() - started));
            ServerApi api = new ServerApi(server.baseUrl(), tokens);
            SyntheticBoard board = new SyntheticBoard(database(server), options.players());
            progress.printf("[board] inserting %,d standings with generate_series%n", options.players());
            SyntheticBoard.Inserted inserted = board.insert();
            progress.printf("[board] inserted %,d rows in %.1f s%n", inserted.rows(),
                    inserted.elapsed().toMillis() / 1000.0);
            if (!options.runs(ReadOptions.Scenario.READS) && !options.runs(ReadOptions.Scenario.SSE)) {
                progress.println("[board] only the export or the close runs: Redis is not restored");
                report.board(inserted, -1, Duration.ZERO, board.rowsNow());
                return;
            }
            progress.println("[board] restoring Redis: POST /api/v1/admin/projections/standings/restore");
            long start = System.nanoTime();
            long restored = api.restore();
            Duration restore = Duration.ofNanos(System.nanoTime() - start);
            progress.printf("[board] restored %,d rows in %.1f s%n", restored, restore.toMillis() / 1000.0);
            report.board(inserted, restored, restore, board.rowsNow());

            OptionalInt redisPort = ServerApi.redisPort(log);
            if (redisPort.isEmpty()) {
                throw new IllegalStateException("no Redis port in " + log);
            }
            try (RedisBaseline redis = new RedisBaseline(redisPort.getAsInt(), "lb", 2_000)) {
                report.redisBoard(redis.size());
                if (options.runs(ReadOptions.Scenario.READS)) {
                    reads(server, redis);
                }
            }
            if (options.runs(ReadOptions.Scenario.SSE)) {
                streams(server);
            }
        }
    }

    /**
     * Server 2 (small heap, query role only: it answers from PostgreSQL and does not rebuild Redis): export the
     * board as NDJSON and CSV, then the same query over plain JDBC.
     */
    private void export(Path dataDirectory) throws Exception {
        Path log = logFile("export");
        List<String> javaOptions = options.exportServerJavaOptions();
        List<String> springArguments = new java.util.ArrayList<>(options.serverArguments());
        springArguments.add("--leaderboard.roles=query");
        progress.printf("[export] starting the server with %s %s (log: %s)%n", javaOptions, springArguments, log);
        try (ServerProcess server = ServerProcess.start(launch(javaOptions, springArguments, dataDirectory, log))) {
            report.exportServer(log, javaOptions, springArguments);
            ServerApi api = new ServerApi(server.baseUrl(), tokens);
            Database database = database(server);
            long expected = new SyntheticBoard(database, options.players()).rowsNow();
            ExportCheck export = new ExportCheck(server.baseUrl());
            for (String format : List.of("ndjson", "csv")) {
                progress.printf("[export] %s of %,d rows%n", format, expected);
                ExportCheck.Result result;
                HeapSampler.Peak heap;
                try (HeapSampler sampler = HeapSampler.start(api)) {
                    result = export.run(format);
                    heap = sampler.peak();
                }
                progress.printf("[export] %s: %,d rows, %,d bytes in %.1f s%s%n", format, result.rows(),
                        result.bytes(), result.elapsed().toMillis() / 1000.0,
                        result.problem().isEmpty() ? "" : "; " + result.problem());
                report.export(result, expected, heap);
            }
            progress.println("[export] baseline: the same query over plain JDBC");
            report.exportBaseline(JdbcExportBaseline.run(database));
            report.exportHeap(api.maxHeapBytes());
        }
    }

    private void reads(ServerProcess server, RedisBaseline redis) {
        URI base = server.baseUrl();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest top10 = HttpRequest.newBuilder(base.resolve("/api/v1/leaderboards/" + SyntheticBoard.BOARD
                + "/rankings?limit=10")).timeout(Duration.ofSeconds(30)).GET().build();
        String playerPath = "/api/v1/leaderboards/" + SyntheticBoard.BOARD + "/players/";
        int players = options.players();
        ClosedLoop.Request httpTop = () -> http.send(top10, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        HttpRequest floor = HttpRequest.newBuilder(base.resolve(EdgeFloorController.PATH))
                .timeout(Duration.ofSeconds(30)).GET().build();
        ClosedLoop.Request httpFloor = () -> http.send(floor, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        ClosedLoop.Request httpPlayer = () -> {
            String player = SyntheticBoard.playerId(1 + ThreadLocalRandom.current().nextInt(players));
            HttpRequest request = HttpRequest.newBuilder(base.resolve(playerPath + player + "?context=5"))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        };

        OpenLoopWriter writer = null;
        KafkaActions kafka = null;
        if (options.writeRate() > 0) {
            progress.printf("[reads] write load: %,d actions/s open loop over %,d players via %s%n",
                    options.writeRate(), options.writePlayers(), options.writeViaKafka() ? "Kafka" : "REST");
            OpenLoopWriter.Submission submission;
            if (options.writeViaKafka()) {
                kafka = new KafkaActions(server.kafkaBootstrap());
                submission = kafka::submit;
            } else {
                submission = new ActionClient(base, tokens.service())::submit;
            }
            writer = new OpenLoopWriter(submission, options.writeRate(), options.writePlayers(), runId + "-w-");
            writer.start();
        }
        try {
            report.reads(ReadReport.Read.HTTP_FLOOR, phase("GET edge floor (constant)", server, () -> httpFloor));
            report.reads(ReadReport.Read.HTTP_TOP, phase("GET rankings?limit=10", server, () -> httpTop));
            report.reads(ReadReport.Read.REDIS_TOP, phase("Redis ZREVRANGE 0 9 WITHSCORES", server, redis::top10));
            report.reads(ReadReport.Read.HTTP_PLAYER, phase("GET players/{id}?context=5", server, () -> httpPlayer));
            report.reads(ReadReport.Read.REDIS_RANK, phase("Redis ZREVRANK", server, redis::rankOfRandomMember));
        } finally {
            if (writer != null) {
                report.writes(writer.stop());
            }
            if (kafka != null) {
                kafka.close();
            }
            http.shutdownNow();
        }
    }

    private ReadReport.Phase phase(String label, ServerProcess server,
                                   java.util.function.Supplier<ClosedLoop.Request> perReader) {
        progress.printf("[reads] %s: %d readers, %d s warmup + %d s measured%n", label, options.readers(),
                options.warmup().toSeconds(), options.duration().toSeconds());
        // warm-up first, then the meter covers exactly the measured part
        if (!options.warmup().isZero()) {
            ClosedLoop.run(options.readers(), Duration.ZERO, options.warmup(), perReader);
        }
        CpuMeter cpu = CpuMeter.start(server.handle(), Optional.of(server.postgresDataDirectory()));
        ClosedLoop.Result result = ClosedLoop.run(options.readers(), Duration.ZERO, options.duration(), perReader);
        CpuMeter.Usage usage = cpu.stop();
        progress.printf("[reads] %s: %,.0f/s, p50 %.2f ms, p99 %.2f ms, %d failed%n", label, result.perSecond(),
                result.latency().p50() / 1000.0, result.latency().p99() / 1000.0, result.failures());
        return new ReadReport.Phase(result, usage);
    }

    private void streams(ServerProcess server) throws Exception {
        ServerApi api = new ServerApi(server.baseUrl(), tokens);
        ServerApi.ActionType type = api.richestActionType();
        if (type.points() <= SyntheticBoard.TOP_SCORE) {
            throw new IllegalStateException("no action type is worth more than the board's top score "
                    + SyntheticBoard.TOP_SCORE + " (richest: " + type + "), so no action can change the top");
        }
        // The write load of the reads may have left the projection behind (Kafka backlog): a change must not wait
        // for it, or the delivery times measure the projection's lag instead of the fan-out.
        String projection = new ProjectionCatchUp().await(server.baseUrl(), tokens.admin(), Duration.ofMinutes(10));
        progress.println("[sse] projection before the fan-out: " + projection);
        if (!projection.equals("caught up")) {
            report.note("before the SSE fan-out, the projection was " + projection);
        }
        String leader = runId + "-leader";
        progress.printf("[sse] opening %,d streams of top 10; then %d changes by %s (%s, %d points)%n",
                options.connections(), options.changes(), leader, type.type(), type.points());
        Histogram snapshots = LatencySummary.newHistogram();
        try (SseFanOut fanOut = new SseFanOut(server.baseUrl(), leader, type.points(), options.changes(),
                progress)) {
            Duration connectTime = fanOut.connect(options.connections(), snapshots);
            progress.printf("[sse] %,d streams open after %.1f s%n", fanOut.openStreams(),
                    connectTime.toMillis() / 1000.0);
            CpuMeter cpu = CpuMeter.start(server.handle(), Optional.empty());
            ServerApi.FanOut fanOutBefore = api.fanOut();
            SseFanOut.Result result = fanOut.measure(options.connections(), connectTime, snapshots, k -> {
                int status = api.submit(leader, type.type(), runId + "-change-" + k);
                long answered = System.nanoTime();
                if (status != 202) {
                    throw new IllegalStateException("the change action answered " + status);
                }
                return answered;
            }, options.changeSpacing());
            CpuMeter.Usage usage = cpu.stop();
            report.streams(result, usage, api.fanOut().since(fanOutBefore));
        }
    }

    /**
     * Server 3 (all roles, 256 MiB heap, closer polling every second): a past day of the board closed by the server,
     * then the same rows through plain COPY.
     */
    private void close(Path dataDirectory) throws Exception {
        Path log = logFile("close");
        List<String> javaOptions = new java.util.ArrayList<>(options.serverJavaOptions());
        javaOptions.add("-Xmx256m");
        List<String> springArguments = new java.util.ArrayList<>(options.serverArguments());
        springArguments.add("--leaderboard.periods.close.poll-interval=1s");
        progress.printf("[close] starting the server with %s %s (log: %s)%n", javaOptions, springArguments, log);
        try (ServerProcess server = ServerProcess.start(launch(javaOptions, springArguments, dataDirectory, log))) {
            ServerApi api = new ServerApi(server.baseUrl(), tokens);
            Database database = database(server);
            String day = PeriodCloseCheck.day();
            progress.printf("[close] inserting %,d standings of daily %s; the server closes them%n",
                    options.players(), day);
            PeriodCloseCheck.Result result = PeriodCloseCheck.run(database, api,
                    new SyntheticBoard(database, options.players()), day, Duration.ofMinutes(30));
            progress.printf("[close] closed %,d rows: server %.1f s; COPY out %.1f s + in %.1f s%n", result.rows(),
                    result.serverSeconds(), result.copyOut().toMillis() / 1000.0,
                    result.copyIn().toMillis() / 1000.0);
            report.close(result, log, javaOptions, api.maxHeapBytes());
        }
    }

    private ServerLaunch launch(List<String> javaOptions, List<String> springArguments, Path dataDirectory,
                                Path log) {
        return new ServerLaunch(BenchJvm.currentJava(),
                BenchJvm.benchJar("run the read benchmark from the bench jar (ops/bench/run-reads)"), javaOptions,
                StorageEngine.JDBC, springArguments,
                dataDirectory, log);
    }

    private Path logFile(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "leaderboard-bench-" + runId + "-" + name + ".log");
    }

    private static Database database(ServerProcess server) {
        return new Database(server.jdbcUrl(), "postgres", "postgres");
    }
}
