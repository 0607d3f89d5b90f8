package dev.leaderboard.bench;

import dev.leaderboard.bench.baseline.BaselineResult;
import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.baseline.EventTemplate;
import dev.leaderboard.bench.baseline.JdbcBaseline;
import dev.leaderboard.bench.baseline.ScratchEventTable;
import dev.leaderboard.bench.hotplayer.HotPlayerScenario;
import dev.leaderboard.bench.ingestion.IngestionBaselines;
import dev.leaderboard.bench.ingestion.IngressAdmin;
import dev.leaderboard.bench.ingestion.KafkaScenario;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.BenchTokens;
import dev.leaderboard.bench.load.HttpLoad;
import dev.leaderboard.bench.load.LoadResult;
import dev.leaderboard.bench.load.LoadSettings;
import dev.leaderboard.bench.profile.JfrSummary;
import dev.leaderboard.bench.profile.ServerJfr;
import dev.leaderboard.bench.projections.BenchRedis;
import dev.leaderboard.bench.projections.ProcessorSettings;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LoadAverage;
import dev.leaderboard.bench.report.MachineInfo;
import dev.leaderboard.bench.server.BenchJvm;
import dev.leaderboard.bench.server.ProjectionCatchUp;
import dev.leaderboard.bench.server.ServerLaunch;
import dev.leaderboard.bench.server.ServerProcess;
import dev.leaderboard.bench.server.StorageEngine;
import dev.leaderboard.local.DevTokens;

import java.io.IOException;
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
 * The write-path benchmark. Against one server (started as a subprocess per storage engine, or given with
 * {@code --url}) it runs the chosen {@link WriteScenario}s in order: rest-single (HTTP load on
 * {@code POST /api/v1/actions}, then the raw JDBC baselines for the same number of events), rest-batch
 * ({@code POST /api/v1/actions/batch}), kafka (a pre-filled ingress topic consumed by the server), the ingestion
 * baselines for those two, and the hot-player scenario. Every closed-loop load runs on the one {@code LoadRunner}.
 * Progress goes to stderr, the figures to stdout.
 */
public final class WriteBenchmark {

    static final int BASELINE_BATCH_SIZE = 100;
    static final String KAFKA_AUTO_STARTUP_OFF = "--leaderboard.kafka.consumer.auto-startup=false";
    private static final Duration PROJECTION_TIMEOUT = Duration.ofMinutes(5);

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
        String loadAtStart = LoadAverage.now();
        List<RunFigures> runs = new ArrayList<>();
        int failures = 0;
        if (options.startsServer()) {
            for (StorageEngine engine : options.engines()) {
                try {
                    RunFigures run = againstStartedServer(engine);
                    runs.add(run);
                    failures += run.failures().size();
                } catch (Exception e) {
                    failures++;
                    progress.println("The run with engine " + engine.label() + " failed: " + e);
                    e.printStackTrace(progress);
                }
            }
        } else {
            try {
                RunFigures run = againstRunningServer(options.url().orElseThrow());
                runs.add(run);
                failures += run.failures().size();
            } catch (Exception e) {
                failures++;
                progress.println("The run against " + options.url().orElseThrow() + " failed: " + e);
                e.printStackTrace(progress);
            }
        }
        System.out.print(new BenchReport(machine, options, loadAtStart + " -> " + LoadAverage.now(),
                serverArguments()).render(runs));
        return failures == 0 ? 0 : 1;
    }

    /** The Spring arguments the server is started with: the user's, plus the kafka scenario's paused consumer. */
    List<String> serverArguments() {
        List<String> arguments = new ArrayList<>(options.serverArguments());
        if (options.runs(WriteScenario.KAFKA)
                && arguments.stream().noneMatch(a -> a.startsWith("--leaderboard.kafka.consumer.auto-startup="))) {
            arguments.add(KAFKA_AUTO_STARTUP_OFF);
        }
        return arguments;
    }

    private RunFigures againstStartedServer(StorageEngine engine) throws Exception {
        Path dataDirectory = Files.createTempDirectory("leaderboard-bench-" + engine.label() + "-");
        Path log = Path.of(System.getProperty("java.io.tmpdir"),
                "leaderboard-bench-" + runId + "-" + engine.label() + ".log");
        ServerLaunch launch = new ServerLaunch(BenchJvm.currentJava(), serverJar(), options.serverJavaOptions(), engine,
                serverArguments(), dataDirectory, log);
        progress.printf("[%s] starting the server (log: %s)%n", engine.label(), log);
        try (ServerProcess server = ServerProcess.start(launch)) {
            String persistence = server.reportedPersistence().orElse("not reported");
            if (!persistence.startsWith(engine.engineClassName())) {
                throw new IllegalStateException("asked for " + engine.engineClassName() + " but the server runs "
                        + persistence);
            }
            RunFigures.Builder figures = new RunFigures.Builder(engine.label());
            figures.persistence = persistence;
            figures.serverLog = log.toString();
            Target target = new Target(engine.label(), server.baseUrl(), Optional.of(server), List.of(),
                    Optional.of(database(server.jdbcUrl())), Optional.of(server.kafkaBootstrap()));
            scenarios(target, figures);
            if (options.runs(WriteScenario.HOT_PLAYER) && !figures.failures.isEmpty()) {
                figures.notes.add("hot-player scenario skipped: an earlier scenario failed");
            } else if (options.runs(WriteScenario.HOT_PLAYER)) {
                if (options.hotEvents() > 0) {
                    progress.printf("[%s] hot player: %,d past events, two restarts%n", engine.label(),
                            options.hotEvents());
                    figures.hotPlayer = Optional.of(new HotPlayerScenario(server, tokens, this::database,
                            new HotPlayerScenario.Settings(options.hotEvents(), options.probeRequests(),
                                    options.clients(), options.players(), options.warmup()), runId).run());
                } else {
                    figures.notes.add("hot-player scenario skipped (--hot-events 0)");
                }
            }
            return figures.build();
        } finally {
            if (!options.keepData()) {
                BenchJvm.deleteRecursively(dataDirectory, progress);
            }
        }
    }

    private RunFigures againstRunningServer(URI url) throws Exception {
        RunFigures.Builder figures = new RunFigures.Builder(url.toString());
        if (options.runs(WriteScenario.HOT_PLAYER)) {
            figures.notes.add("hot-player scenario skipped: it restarts the server, so it needs a server the "
                    + "benchmark starts");
        }
        if (options.jdbcUrl().isEmpty()) {
            figures.notes.add("JDBC baselines skipped: no --jdbc-url");
        }
        scenarios(new Target("external", url, Optional.empty(), List.of(), options.jdbcUrl().map(this::database),
                options.ingestion().kafkaBootstrap()), figures);
        return figures.build();
    }

    /**
     * The server under test: its URL, and what the benchmark can reach of it.
     *
     * @param joined further server processes on the same embedded servers, metered with it
     */
    private record Target(String label, URI baseUrl, Optional<ServerProcess> server, List<ServerProcess> joined,
                          Optional<Database> database, Optional<String> kafkaBootstrap) {

        CpuMeter meter() {
            List<ProcessHandle> processes = Stream.concat(server.stream(), joined.stream())
                    .flatMap(process -> process.handle().stream()).toList();
            return CpuMeter.start(processes, server.map(ServerProcess::postgresDataDirectory));
        }

        Target joinedBy(ServerProcess second) {
            return new Target(label + "-2p", baseUrl, server,
                    Stream.concat(joined.stream(), Stream.of(second)).toList(), database, kafkaBootstrap);
        }
    }

    /**
     * rest-single, rest-batch, kafka and the ingestion baselines, as selected. A scenario that fails is recorded and
     * ends the run's scenarios; the figures of those before it are kept.
     */
    private void scenarios(Target target, RunFigures.Builder figures) {
        String current = "start";
        try {
            target.server().ifPresent(server -> server.checkAlive("before the scenarios"));
            if (options.runs(WriteScenario.REST_SINGLE)) {
                current = WriteScenario.REST_SINGLE.id();
                restSingle(target, figures);
            }
            if (options.runs(WriteScenario.REST_BATCH)) {
                current = WriteScenario.REST_BATCH.id();
                restBatch(target, figures);
            }
            if (options.runs(WriteScenario.KAFKA)) {
                current = WriteScenario.KAFKA.id();
                kafka(target, figures);
            }
            long ingested = Math.max(figures.batch.map(LoadResult::accepted).orElse(0L),
                    figures.kafka.map(KafkaScenario.Result::consumed).orElse(0L));
            if (ingested > 0) {
                current = "ingestion baselines";
                ingestionBaselines(target, figures, ingested);
            }
        } catch (Exception e) {
            progress.println("[" + target.label() + "] " + current + " failed: " + e);
            e.printStackTrace(progress);
            figures.failures.add(current + ": " + e.getMessage());
        }
        if (target.database().isPresent()) {
            try {
                figures.database = describe(target.database().get());
            } catch (SQLException e) {
                figures.database = "not reachable: " + e.getMessage();
            }
        }
    }

    private void restSingle(Target target, RunFigures.Builder figures) throws SQLException {
        LoadSettings settings = new LoadSettings(options.clients(), options.players(), options.warmup(),
                options.duration());
        progress.printf("[%s] rest-single: %d clients, %,d players, %d s warmup + %d s measured%n", target.label(),
                settings.clients(), settings.players(), settings.warmup().toSeconds(),
                settings.duration().toSeconds());
        awaitProjections(target, figures, "rest-single");
        Phase phase = new Phase(WriteScenario.REST_SINGLE, target, figures);
        LoadResult result = HttpLoad.single(new ActionClient(target.baseUrl(), tokens.service()), runId + "s")
                .run(settings, phase::start);
        phase.finish();
        figures.http = Optional.of(result);
        if (target.database().isEmpty()) {
            return;
        }
        if (result.accepted() == 0) {
            figures.notes.add("JDBC baselines skipped: the HTTP run accepted no action");
            return;
        }
        awaitProjections(target, figures, "the JDBC baselines");
        Database database = target.database().get();
        EventTemplate template = template(database);
        JdbcBaseline baseline = new JdbcBaseline(database, template, options.clients(), options.players(),
                target::meter);
        ScratchEventTable.create(database);
        try {
            progress.printf("[%s] JDBC baselines: %,d events of %d bytes, %d connections%n", target.label(),
                    result.accepted(), template.storedBytes(), options.clients());
            String before = LoadAverage.now();
            figures.perEvent = Optional.of(baseline.oneTransactionPerEvent(result.accepted()));
            figures.batched = Optional.of(baseline.batches(result.accepted(), BASELINE_BATCH_SIZE));
            figures.facts.add("load avg   : JDBC baselines " + before + " -> " + LoadAverage.now());
        } finally {
            ScratchEventTable.drop(database);
        }
    }

    private void restBatch(Target target, RunFigures.Builder figures) {
        int size = options.ingestion().batchSize();
        int clients = options.ingestion().batchClients();
        LoadSettings settings = new LoadSettings(clients, options.players(), options.warmup(), options.duration());
        progress.printf("[%s] rest-batch: %d clients x %d actions/request, %,d players, %d s warmup + %d s "
                        + "measured%n", target.label(), clients, size, options.players(),
                options.warmup().toSeconds(), options.duration().toSeconds());
        awaitProjections(target, figures, "rest-batch");
        Phase phase = new Phase(WriteScenario.REST_BATCH, target, figures);
        LoadResult result = HttpLoad.batches(new ActionClient(target.baseUrl(), tokens.service()), runId + "b", size)
                .run(settings, phase::start);
        phase.finish();
        figures.batch = Optional.of(result);
    }

    private void kafka(Target target, RunFigures.Builder figures) throws Exception {
        if (target.kafkaBootstrap().isEmpty()) {
            figures.failures.add("kafka: no broker address (give --kafka-bootstrap with --url)");
            figures.notes.add("kafka scenario skipped: no --kafka-bootstrap for the server given with --url");
            return;
        }
        if (target.database().isEmpty()) {
            figures.notes.add("kafka: no --jdbc-url, so events in PostgreSQL are not counted");
        }
        awaitProjections(target, figures, "kafka");
        progress.printf("[%s] kafka: broker %s%n", target.label(), target.kafkaBootstrap().get());
        Phase phase = new Phase(WriteScenario.KAFKA, target, figures);
        KafkaScenario scenario = new KafkaScenario(List.of(new IngressAdmin(target.baseUrl(), tokens.admin())),
                false, target.kafkaBootstrap().get(), target.database(), options.ingestion(), runId, progress);
        try {
            KafkaScenario.Result result = scenario.run(phase::start, phase::finish);
            figures.kafka = Optional.of(result);
            result.notes().forEach(note -> figures.notes.add("kafka: " + note));
        } catch (IngressAdmin.NoKafkaIngress e) {
            progress.println("[" + target.label() + "] kafka scenario cannot run: " + e.getMessage());
            figures.failures.add("kafka: " + e.getMessage());
            return;
        }
        if (options.ingestion().kafkaProcesses() == 2) {
            kafkaWithSecondProcess(target, figures);
        }
    }

    /**
     * A second server process on the first one's PostgreSQL, Redis and Kafka, then the kafka scenario again with
     * both consuming: the consumer group and the projection's segments split between them. The first window's
     * unconsumed records are dropped, so this window starts on a fill of its own, with new players as the first.
     */
    private void kafkaWithSecondProcess(Target target, RunFigures.Builder figures) throws Exception {
        if (target.server().isEmpty()) {
            figures.notes.add("kafka with two processes skipped: it needs a server the benchmark starts");
            return;
        }
        ServerProcess first = target.server().get();
        Path dataDirectory = Files.createTempDirectory("leaderboard-bench-second-");
        Path log = Path.of(first.logFile().toString().replaceFirst("\\.log$", "") + "-second.log");
        progress.printf("[%s] kafka: starting a second server process (log: %s)%n", target.label(), log);
        try (ServerProcess second = ServerProcess.start(first.launch().attachedTo(first.embeddedServers(),
                dataDirectory, log))) {
            Target both = target.joinedBy(second);
            awaitProjections(target, figures, "kafka with two processes");
            Phase phase = new Phase(WriteScenario.KAFKA, both, figures);
            KafkaScenario scenario = new KafkaScenario(List.of(new IngressAdmin(first.baseUrl(), tokens.admin()),
                    new IngressAdmin(second.baseUrl(), tokens.admin())), true, target.kafkaBootstrap().orElseThrow(),
                    target.database(), options.ingestion(), runId + "p2", progress);
            KafkaScenario.Result result = scenario.run(phase::start, phase::finish);
            figures.kafkaTwoProcesses = Optional.of(result);
            result.notes().forEach(note -> figures.notes.add("kafka, two processes: " + note));
        } finally {
            BenchJvm.deleteRecursively(dataDirectory, progress);
        }
    }

    private void ingestionBaselines(Target target, RunFigures.Builder figures, long events) throws Exception {
        if (target.database().isEmpty()) {
            figures.notes.add("ingestion baselines skipped: no database (--jdbc-url)");
            return;
        }
        if (target.server().isEmpty()) {
            figures.notes.add("ingestion baselines skipped: they need the Redis of a server the benchmark starts");
            return;
        }
        awaitProjections(target, figures, "the ingestion baselines");
        Database database = target.database().get();
        ProcessorSettings processor = ProcessorSettings.resolve(serverArguments(), System.getenv());
        progress.printf("[%s] ingestion baselines: %,d events; (a) JDBC %d events + ledger rows per transaction, %d "
                        + "connections; (b) Redis %d events per pipeline, %d connections%n", target.label(), events,
                options.ingestion().baselineBatch(), options.ingestion().baselineConnections(),
                processor.batchSize(), processor.threads());
        String before = LoadAverage.now();
        try (BenchRedis redis = new BenchRedis(target.server().get().embeddedServers().redisPort())) {
            IngestionBaselines baselines = new IngestionBaselines(database, template(database), options.players(),
                    options.ingestion(), processor.batchSize(), processor.threads(), target::meter, runId);
            figures.ingestion = Optional.of(baselines.run(events, redis));
        }
        figures.facts.add("load avg   : ingestion baselines " + before + " -> " + LoadAverage.now());
    }

    /**
     * One measured phase: when it starts, the load average is noted, the server's JFR recording starts (with
     * {@code --server-jfr}) and CPU metering begins; {@link #finish()} stops the recording and summarises it.
     */
    private final class Phase {
        private final WriteScenario scenario;
        private final Target target;
        private final RunFigures.Builder figures;
        private String loadBefore = "?";
        private ServerJfr jfr;

        Phase(WriteScenario scenario, Target target, RunFigures.Builder figures) {
            this.scenario = scenario;
            this.target = target;
            this.figures = figures;
        }

        CpuMeter start() {
            loadBefore = LoadAverage.now();
            if (options.serverJfr().isPresent()) {
                Optional<ProcessHandle> handle = target.server().flatMap(ServerProcess::handle);
                if (handle.isEmpty()) {
                    figures.notes.add("--server-jfr ignored: the benchmark did not start the server");
                } else {
                    try {
                        Files.createDirectories(options.serverJfr().get());
                        Path file = options.serverJfr().get().resolve(scenario.id() + "-" + target.label() + "-"
                                + runId + ".jfr");
                        jfr = ServerJfr.start(BenchJvm.currentJava(), handle.get(), "bench-" + scenario.id(), file);
                    } catch (IOException | RuntimeException e) {
                        figures.notes.add("JFR recording of " + scenario.id() + " failed to start: " + e.getMessage());
                    }
                }
            }
            return target.meter();
        }

        void finish() {
            target.server().ifPresent(server -> server.checkAlive("during " + scenario.id()));
            figures.facts.add(String.format(Locale.ROOT, "load avg   : %s %s -> %s (1/5/15 min)", scenario.id(),
                    loadBefore, LoadAverage.now()));
            if (jfr == null) {
                return;
            }
            try {
                Path file = jfr.stop();
                figures.profiles.add("JFR of the server during " + scenario.id() + " (measured phase): " + file + "\n"
                        + JfrSummary.read(file).render(20));
            } catch (IOException | RuntimeException e) {
                figures.notes.add("JFR recording of " + scenario.id() + " failed: " + e.getMessage());
            } finally {
                jfr = null;
            }
        }
    }

    private void awaitProjections(Target target, RunFigures.Builder figures, String before) {
        String state = new ProjectionCatchUp().await(target.baseUrl(), tokens.admin(), PROJECTION_TIMEOUT);
        if (!state.equals("caught up") && !state.startsWith("no projection")) {
            figures.notes.add("before " + before + ", the projection was " + state);
        }
    }

    private Database database(String jdbcUrl) {
        return new Database(jdbcUrl, options.jdbcUser(), options.jdbcPassword());
    }

    private static EventTemplate template(Database database) throws SQLException {
        try (Connection connection = database.connect()) {
            return EventTemplate.latestScoreIncreased(connection);
        }
    }

    private static String describe(Database database) throws SQLException {
        String storedSize;
        try {
            EventTemplate template = template(database);
            storedSize = "stored ScoreIncreased %d bytes (payload %d + metadata %d)".formatted(
                    template.storedBytes(), template.payload().length,
                    template.metaData() == null ? 0 : template.metaData().length);
        } catch (IllegalStateException e) {
            storedSize = "no ScoreIncreased stored";
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
