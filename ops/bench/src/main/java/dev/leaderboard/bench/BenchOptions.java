package dev.leaderboard.bench;

import dev.leaderboard.bench.ingestion.IngestionOptions;
import dev.leaderboard.bench.server.StorageEngine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark's command line.
 *
 * @param url            an already running server to target; empty = start the bench server as a subprocess
 * @param jdbcUrl        the target's PostgreSQL for the baselines (derived when the benchmark starts the server)
 * @param engines        engines to start the server with, one full run each (ignored with {@code --url})
 * @param hotEvents      past events of the hot player; 0 skips the hot-player scenario
 * @param probeRequests  sequential submissions per hot-player probe
 * @param serverJar      the jar the server subprocess runs (default: the jar this benchmark runs from)
 * @param serverJavaOptions JVM options of the server subprocess
 * @param serverArguments   Spring properties for the server subprocess, as {@code --key=value} arguments
 * @param jwtSecret      HS256 secret the server accepts (default {@code LEADERBOARD_JWT_SECRET} or the local default)
 * @param scenarios      what runs against each server, in {@link WriteScenario} order
 * @param ingestion      settings of the rest-batch and kafka scenarios and their baselines
 * @param serverJfr      a directory for one JFR recording of the server per measured phase; empty = none
 */
public record BenchOptions(Optional<URI> url,
                           Optional<String> jdbcUrl,
                           String jdbcUser,
                           String jdbcPassword,
                           int clients,
                           int players,
                           Duration duration,
                           Duration warmup,
                           List<StorageEngine> engines,
                           int hotEvents,
                           int probeRequests,
                           Optional<Path> serverJar,
                           List<String> serverJavaOptions,
                           List<String> serverArguments,
                           String jwtSecret,
                           boolean keepData,
                           Set<WriteScenario> scenarios,
                           IngestionOptions ingestion,
                           Optional<Path> serverJfr) {

    public static final String USAGE = """
            usage: ops/bench/run [options]
              --scenario LIST       comma-separated: rest-single, rest-batch, kafka, hot-player; or all, ingestion
                                    (= the first three), default (= rest-single,hot-player; what runs without it)
              --url URL             target a running server instead of starting one (skips the hot-player scenario)
              --jdbc-url URL        that server's PostgreSQL, for the JDBC baselines (without it: no baselines)
              --jdbc-user NAME      default postgres
              --jdbc-password PW    default postgres
              --clients N           concurrent clients, one request in flight each (default 16)
              --players N           players the actions are spread over (default 10000)
              --duration SECONDS    measured load (default 30)
              --warmup SECONDS      unmeasured load before it, and after each restart (default 10)
              --engine E            jdbc | jpa | both: Axon storage engine of the started server (default jdbc)
              --hot-events N        past events of the hot player (default 100000; 0 skips that scenario)
              --probe-requests N    sequential submissions per hot-player probe (default 500)
              --server-jar PATH     bench jar to run the server from (default: this jar)
              --server-java-opts S  JVM options of the server process (default "%s")
              --server-arg K=V      a Spring property for the started server, e.g. axon.timeout.enabled=false
                                    (repeatable; overrides the server's configuration)
              --jwt-secret S        HS256 secret of the target (default $LEADERBOARD_JWT_SECRET or the local one)
              --keep-data           keep the started server's data directory (its log is always kept)
              --server-jfr DIR      record the server with JFR (jcmd JFR.start/stop, settings=profile) over each
                                    measured phase into DIR/<scenario>-<engine>.jfr and print where its CPU went
            rest-batch:
              --batch-size N        actions per POST /api/v1/actions/batch request, 1-1000 (default 100)
              --batch-clients N     concurrent batch clients, one request in flight each (default 4)
            kafka (needs the Kafka ingress consumer and its admin endpoints on the server):
              --kafka-actions N     actions pre-filled into leaderboard.actions (default 1000000)
              --kafka-players N     players they are spread over, key = userId (default 100000)
              --kafka-duration S    measured consumption after the resume (default 60)
              --kafka-compression C none | lz4 | snappy | zstd | gzip: the fill producer's (default lz4)
              --kafka-partitions N  partitions if the benchmark creates the topic (default 12)
              --kafka-group ID      the ingress consumer group (default: the group committing on the topic)
              --kafka-bootstrap HP  the broker of a server given with --url
              --kafka-processes N   1, or 2: then a second server process joins and a second fill is
                                    measured with both consuming (default 1)
            ingestion baselines (rest-batch, kafka):
              --baseline-batch N    events + ledger rows per transaction of baseline (a) (default 500)
              --baseline-connections N  connections of baselines (a) and (b) (default 2)
              --baseline-seconds S  time limit of each ingestion baseline (default 60)
            """.formatted(String.join(" ", defaultServerJavaOptions()));

    public static BenchOptions parse(String[] args, Map<String, String> env, String localSecret) {
        Optional<URI> url = Optional.empty();
        Optional<String> jdbcUrl = Optional.empty();
        String jdbcUser = "postgres";
        String jdbcPassword = "postgres";
        int clients = 16;
        int players = 10_000;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        List<StorageEngine> engines = List.of(StorageEngine.JDBC);
        int hotEvents = 100_000;
        int probeRequests = 500;
        Optional<Path> serverJar = Optional.empty();
        List<String> serverJavaOptions = defaultServerJavaOptions();
        List<String> serverArguments = new ArrayList<>();
        String jwtSecret = env.getOrDefault("LEADERBOARD_JWT_SECRET", localSecret);
        boolean keepData = false;
        Set<WriteScenario> scenarios = EnumSet.copyOf(WriteScenario.DEFAULT);
        Optional<Path> serverJfr = Optional.empty();
        IngestionOptions d = IngestionOptions.DEFAULTS;
        int batchSize = d.batchSize();
        int batchClients = d.batchClients();
        long kafkaActions = d.kafkaActions();
        int kafkaPlayers = d.kafkaPlayers();
        Duration kafkaDuration = d.kafkaDuration();
        String kafkaCompression = d.kafkaCompression();
        int kafkaPartitions = d.kafkaPartitions();
        Optional<String> kafkaGroup = d.kafkaGroup();
        Optional<String> kafkaBootstrap = d.kafkaBootstrap();
        int kafkaProcesses = d.kafkaProcesses();
        int baselineBatch = d.baselineBatch();
        int baselineConnections = d.baselineConnections();
        Duration baselineLimit = d.baselineLimit();

        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--keep-data")) {
                keepData = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value"
                        : "unknown argument '" + name + "'");
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = Optional.of(URI.create(value));
                case "--jdbc-url" -> jdbcUrl = Optional.of(value);
                case "--jdbc-user" -> jdbcUser = value;
                case "--jdbc-password" -> jdbcPassword = value;
                case "--clients" -> clients = positiveInt(name, value);
                case "--players" -> players = positiveInt(name, value);
                case "--duration" -> duration = Duration.ofSeconds(positiveInt(name, value));
                case "--warmup" -> warmup = Duration.ofSeconds(atLeastZeroInt(name, value));
                case "--engine" -> engines = value.equalsIgnoreCase("both")
                        ? List.of(StorageEngine.JDBC, StorageEngine.JPA)
                        : List.of(StorageEngine.parse(value));
                case "--hot-events" -> hotEvents = atLeastZeroInt(name, value);
                case "--probe-requests" -> probeRequests = Math.max(2, positiveInt(name, value));
                case "--server-jar" -> serverJar = Optional.of(Path.of(value));
                case "--server-java-opts" -> serverJavaOptions = value.isBlank() ? List.of()
                        : Arrays.asList(value.trim().split("\\s+"));
                case "--server-arg" -> serverArguments.add(BenchCli.springArgument(value));
                case "--jwt-secret" -> jwtSecret = value;
                case "--scenario" -> scenarios = WriteScenario.parseList(value);
                case "--server-jfr" -> serverJfr = Optional.of(Path.of(value));
                case "--batch-size" -> batchSize = BenchCli.wholeInt(name, value, 1);
                case "--batch-clients" -> batchClients = positiveInt(name, value);
                case "--kafka-actions" -> kafkaActions = BenchCli.wholeNumber(name, value, 1);
                case "--kafka-players" -> kafkaPlayers = positiveInt(name, value);
                case "--kafka-duration" -> kafkaDuration = Duration.ofSeconds(positiveInt(name, value));
                case "--kafka-compression" -> kafkaCompression = value.toLowerCase(Locale.ROOT);
                case "--kafka-partitions" -> kafkaPartitions = positiveInt(name, value);
                case "--kafka-group" -> kafkaGroup = Optional.of(value);
                case "--kafka-bootstrap" -> kafkaBootstrap = Optional.of(value);
                case "--kafka-processes" -> kafkaProcesses = positiveInt(name, value);
                case "--baseline-batch" -> baselineBatch = positiveInt(name, value);
                case "--baseline-connections" -> baselineConnections = positiveInt(name, value);
                case "--baseline-seconds" -> baselineLimit = Duration.ofSeconds(positiveInt(name, value));
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        IngestionOptions ingestion = new IngestionOptions(batchSize, batchClients, kafkaActions, kafkaPlayers,
                kafkaDuration, kafkaCompression, kafkaPartitions, kafkaGroup, kafkaBootstrap, kafkaProcesses, baselineBatch,
                baselineConnections, baselineLimit);
        return new BenchOptions(url, jdbcUrl, jdbcUser, jdbcPassword, clients, players, duration, warmup,
                engines, hotEvents, probeRequests, serverJar, serverJavaOptions, serverArguments, jwtSecret,
                keepData, scenarios, ingestion, serverJfr);
    }

    public BenchOptions {
        engines = List.copyOf(engines);
        serverJavaOptions = List.copyOf(serverJavaOptions);
        serverArguments = List.copyOf(serverArguments);
        scenarios = Set.copyOf(scenarios);
    }

    public boolean runs(WriteScenario scenario) {
        return scenarios.contains(scenario);
    }

    public boolean startsServer() {
        return url.isEmpty();
    }

    static List<String> defaultServerJavaOptions() {
        return BenchCli.DEFAULT_SERVER_JAVA_OPTIONS;
    }

    private static int positiveInt(String name, String value) {
        return BenchCli.wholeInt(name, value, 1);
    }

    private static int atLeastZeroInt(String name, String value) {
        return BenchCli.wholeInt(name, value, 0);
    }
}
