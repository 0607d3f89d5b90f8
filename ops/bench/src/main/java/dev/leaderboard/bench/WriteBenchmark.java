package dev.leaderboard.bench;

import dev.leaderboard.bench.baseline.BaselineResult;
import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.baseline.EventTemplate;
import dev.leaderboard.bench.baseline.JdbcBaseline;
import dev.leaderboard.bench.baseline.ScratchEventTable;
import dev.leaderboard.bench.hotplayer.HotPlayerResult;
import dev.leaderboard.bench.hotplayer.HotPlayerScenario;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.BenchTokens;
import dev.leaderboard.bench.load.HttpLoad;
import dev.leaderboard.bench.load.LoadResult;
import dev.leaderboard.bench.load.LoadSettings;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.MachineInfo;
import dev.leaderboard.bench.server.BenchJvm;
import dev.leaderboard.bench.server.ServerLaunch;
import dev.leaderboard.bench.server.ServerProcess;
import dev.leaderboard.bench.server.StorageEngine;
import dev.leaderboard.server.security.DevTokens;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The write-path benchmark: HTTP load on {@code POST /api/v1/actions}, then, against the same PostgreSQL in the same
 * run, the raw JDBC baselines for the same number of events, then the hot-player scenario. Progress goes to stderr,
 * the figures to stdout.
 */
public final class WriteBenchmark {

    static final int BASELINE_BATCH_SIZE = 100;

    private final BenchOptions options;
    private final BenchTokens tokens;
    private final String runId;
    private final PrintStream progress;

    WriteBenchmark(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        Duration tokenLife = Duration.ofHours(6);
        this.tokens = BenchTokens.mint(options.jwtSecret(), tokenLife);
        // Action and player ids of this run never collide with an earlier run's against the same store.
        this.runId = "b" + Long.toString(Instant.now().getEpochSecond(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        return BenchCli.run(args, BenchOptions.USAGE,
                a -> BenchOptions.parse(a, System.getenv(), DevTokens.LOCAL_SECRET),
                options -> new WriteBenchmark(options, System.err).runAll());
    }

    private int runAll() {
        MachineInfo machine = MachineInfo.current();
        List<RunFigures> runs = new ArrayList<>();
        int failures = 0;
        if (options.startsServer()) {
            for (StorageEngine engine : options.engines()) {
                try {
                    runs.add(againstStartedServer(engine));
                } catch (Exception e) {
                    failures++;
                    progress.println("The run with engine " + engine.label() + " failed: " + e);
                    e.printStackTrace(progress);
                }
            }
        } else {
            try {
                runs.add(againstRunningServer(options.url().orElseThrow()));
            } catch (Exception e) {
                failures++;
                progress.println("The run against " + options.url().orElseThrow() + " failed: " + e);
                e.printStackTrace(progress);
            }
        }
        System.out.print(new BenchReport(machine, options).render(runs));
        return failures == 0 ? 0 : 1;
    }

    private RunFigures againstStartedServer(StorageEngine engine) throws Exception {
        Path dataDirectory = Files.createTempDirectory("leaderboard-bench-" + engine.label() + "-");
        Path log = Path.of(System.getProperty("java.io.tmpdir"),
                "leaderboard-bench-" + runId + "-" + engine.label() + ".log");
        ServerLaunch launch = new ServerLaunch(BenchJvm.currentJava(), serverJar(), options.serverJavaOptions(), engine,
                options.serverArguments(), dataDirectory, log);
        progress.printf("[%s] starting the server (log: %s)%n", engine.label(), log);
        try (ServerProcess server = ServerProcess.start(launch)) {
            String persistence = server.reportedPersistence().orElse("not reported");
            if (!persistence.startsWith(engine.engineClassName())) {
                throw new IllegalStateException("asked for " + engine.engineClassName() + " but the server runs "
                        + persistence);
            }
            Measured measured = new Measured(server.handle(), Optional.of(server.postgresDataDirectory()));
            HttpRun http = httpLoad(server.baseUrl(), engine.label(), measured);
            Database database = database(server.jdbcUrl());
            String databaseInfo = describe(database);
            Baselines baselines = baselines(database, http.result().accepted(), engine.label(), measured);
            List<String> notes = new ArrayList<>(baselines.notes());
            Optional<HotPlayerResult> hot = Optional.empty();
            if (options.hotEvents() > 0) {
                progress.printf("[%s] hot player: %,d past events, two restarts%n", engine.label(),
                        options.hotEvents());
                hot = Optional.of(new HotPlayerScenario(server, tokens, this::database,
                        new HotPlayerScenario.Settings(options.hotEvents(), options.probeRequests(),
                                options.clients(), options.players(), options.warmup()), runId).run());
            } else {
                notes.add("hot-player scenario skipped (--hot-events 0)");
            }
            return new RunFigures(engine.label(), persistence, databaseInfo, log.toString(), http.result(),
                    http.cpu(), baselines.perEvent(), baselines.batched(), hot, notes);
        } finally {
            if (!options.keepData()) {
                BenchJvm.deleteRecursively(dataDirectory, progress);
            }
        }
    }

    private RunFigures againstRunningServer(URI url) throws Exception {
        Measured measured = new Measured(Optional.empty(), Optional.empty());
        HttpRun http = httpLoad(url, "external", measured);
        List<String> notes = new ArrayList<>();
        notes.add("hot-player scenario skipped: it restarts the server, so it needs a server the benchmark starts");
        if (options.jdbcUrl().isEmpty()) {
            notes.add("JDBC baselines skipped: no --jdbc-url");
            return new RunFigures(url.toString(), "external server", "unknown", "", http.result(), http.cpu(),
                    Optional.empty(), Optional.empty(), Optional.empty(), notes);
        }
        Database database = database(options.jdbcUrl().get());
        Baselines baselines = baselines(database, http.result().accepted(), "external", measured);
        notes.addAll(baselines.notes());
        return new RunFigures(url.toString(), "external server", describe(database), "", http.result(),
                http.cpu(), baselines.perEvent(), baselines.batched(), Optional.empty(), notes);
    }

    /** Which processes' CPU time a measurement accounts for. */
    private record Measured(Optional<ProcessHandle> server, Optional<Path> postgresData) {
        CpuMeter start() {
            return CpuMeter.start(server, postgresData);
        }
    }

    private record HttpRun(LoadResult result, CpuMeter.Usage cpu) {
    }

    private HttpRun httpLoad(URI baseUrl, String label, Measured measured) {
        LoadSettings settings = new LoadSettings(options.clients(), options.players(), options.warmup(),
                options.duration());
        progress.printf("[%s] HTTP load: %d clients, %,d players, %d s warmup + %d s measured%n", label,
                settings.clients(), settings.players(), settings.warmup().toSeconds(),
                settings.duration().toSeconds());
        HttpLoad load = new HttpLoad(new ActionClient(baseUrl, tokens.service()), runId);
        load.warmUp(settings.clients(), settings.players(), settings.warmup());
        CpuMeter cpu = measured.start();
        LoadResult result = load.measure(settings);
        return new HttpRun(result, cpu.stop());
    }

    private record Baselines(Optional<BaselineResult> perEvent, Optional<BaselineResult> batched,
                             List<String> notes) {
    }

    private Baselines baselines(Database database, long events, String label, Measured measured)
            throws SQLException {
        if (events == 0) {
            return new Baselines(Optional.empty(), Optional.empty(),
                    List.of("JDBC baselines skipped: the HTTP run accepted no action"));
        }
        EventTemplate template;
        try (Connection connection = database.connect()) {
            template = EventTemplate.latestScoreIncreased(connection);
        }
        JdbcBaseline baseline = new JdbcBaseline(database, template, options.clients(), options.players(),
                measured::start);
        ScratchEventTable.create(database);
        try {
            progress.printf("[%s] JDBC baselines: %,d events of %d bytes, %d connections%n", label, events,
                    template.storedBytes(), options.clients());
            BaselineResult perEvent = baseline.oneTransactionPerEvent(events);
            BaselineResult batched = baseline.batches(events, BASELINE_BATCH_SIZE);
            return new Baselines(Optional.of(perEvent), Optional.of(batched), List.of());
        } finally {
            ScratchEventTable.drop(database);
        }
    }

    private Database database(String jdbcUrl) {
        return new Database(jdbcUrl, options.jdbcUser(), options.jdbcPassword());
    }

    private static String describe(Database database) throws SQLException {
        String storedSize;
        try (Connection connection = database.connect()) {
            EventTemplate template = EventTemplate.latestScoreIncreased(connection);
            storedSize = "stored ScoreIncreased %d bytes (payload %d + metadata %d)".formatted(
                    template.storedBytes(), template.payload().length,
                    template.metaData() == null ? 0 : template.metaData().length);
        }
        return String.format(Locale.ROOT, "PostgreSQL %s, synchronous_commit=%s, fsync=%s, shared_buffers=%s; %s",
                database.setting("server_version"), database.setting("synchronous_commit"),
                database.setting("fsync"), database.setting("shared_buffers"), storedSize);
    }
    private Path serverJar() {
        return options.serverJar().orElseGet(() -> BenchJvm.benchJar(
                "run the benchmark with java -jar leaderboard-bench.jar, or name the server jar with --server-jar"));
    }
}
