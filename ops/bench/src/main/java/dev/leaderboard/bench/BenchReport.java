package dev.leaderboard.bench;

import dev.leaderboard.bench.baseline.BaselineResult;
import dev.leaderboard.bench.hotplayer.HotPlayerResult;
import dev.leaderboard.bench.hotplayer.Probe;
import dev.leaderboard.bench.ingestion.IngestionBaselines;
import dev.leaderboard.bench.ingestion.IngestionOptions;
import dev.leaderboard.bench.ingestion.KafkaScenario;
import dev.leaderboard.bench.load.LoadResult;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import dev.leaderboard.bench.report.MachineInfo;
import dev.leaderboard.bench.report.ResultTable;
import dev.leaderboard.bench.report.ResultTable.Row;
import dev.leaderboard.bench.server.BenchJvm;
import dev.leaderboard.bench.server.ServerBuild;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.leaderboard.bench.report.ResultTable.millis;
import static dev.leaderboard.bench.report.ResultTable.rate;
import static dev.leaderboard.bench.report.ResultTable.ratio;

/** Renders the figures of every run as plain text: machine, settings, then one block of tables per server. */
final class BenchReport {

    /** rest-single (with group commit): at least this many accepted actions per second, ... */
    static final double TARGET_ACCEPTED_PER_SECOND = 1_500;
    /** ... p99 under 50 ms ... */
    static final long TARGET_P99_MICROS = 50_000;
    /** ... and within 3x of the one-transaction-per-event baseline (ratio >= 0.33). */
    static final double TARGET_MAX_SLOWDOWN = 3.0;
    static final double TARGET_BATCH_ACTIONS_PER_SECOND = 5_000;
    static final double TARGET_KAFKA_ACTIONS_PER_SECOND = 8_000;
    static final long TARGET_KAFKA_LAG_P99_MICROS = 2_000_000;
    static final double TARGET_KAFKA_RATIO = 0.5;

    private final MachineInfo machine;
    private final BenchOptions options;
    private final String loadAverage;
    private final List<String> serverArguments;

    /**
     * @param loadAverage     the machine's load average at the start and the end of the whole run
     * @param serverArguments the Spring arguments the started servers ran with
     */
    BenchReport(MachineInfo machine, BenchOptions options, String loadAverage, List<String> serverArguments) {
        this.machine = machine;
        this.options = options;
        this.loadAverage = loadAverage;
        this.serverArguments = List.copyOf(serverArguments);
    }

    String render(List<RunFigures> runs) {
        StringBuilder out = new StringBuilder("\n== Leaderboard write-path benchmark ==\n");
        out.append("machine  : ").append(machine.describe()).append('\n');
        out.append("load avg : ").append(loadAverage).append(" (1/5/15 min, at the start and the end of the run)\n");
        out.append("scenarios: ").append(java.util.Arrays.stream(WriteScenario.values()).filter(options::runs)
                .map(WriteScenario::id).collect(Collectors.joining(", "))).append('\n');
        out.append(String.format(Locale.ROOT,
                "settings : %d clients (closed loop, 1 request in flight each, HTTP/1.1), %,d players, "
                        + "%d s warmup + %d s measured; hot player %,d past events, probes of %d requests%n",
                options.clients(), options.players(), options.warmup().toSeconds(), options.duration().toSeconds(),
                options.hotEvents(), options.probeRequests()));
        IngestionOptions ingestion = options.ingestion();
        if (options.runs(WriteScenario.REST_BATCH)) {
            out.append(String.format(Locale.ROOT, "rest-batch: %d clients x %d actions per request, same players, "
                    + "warmup and duration%n", ingestion.batchClients(), ingestion.batchSize()));
        }
        if (options.runs(WriteScenario.KAFKA)) {
            out.append(String.format(Locale.ROOT, "kafka    : %,d actions over %,d players pre-filled (%s), %d s "
                            + "measured after the resume; topic partitions if created: %d; group %s%n",
                    ingestion.kafkaActions(), ingestion.kafkaPlayers(), ingestion.kafkaCompression(),
                    ingestion.kafkaDuration().toSeconds(), ingestion.kafkaPartitions(),
                    ingestion.kafkaGroup().orElse("(found on the topic)")));
        }
        if (options.runs(WriteScenario.REST_BATCH) || options.runs(WriteScenario.KAFKA)) {
            out.append(String.format(Locale.ROOT, "baselines: ingestion (a) %d events + ledger rows per "
                            + "transaction, %d connections, (b) per processor batch; each at most %d s%n",
                    ingestion.baselineBatch(), ingestion.baselineConnections(), ingestion.baselineLimit().toSeconds()));
        }
        if (options.startsServer()) {
            out.append("server   : started by the benchmark; JVM options ").append(options.serverJavaOptions())
                    .append(", Spring arguments ").append(serverArguments).append('\n');
            options.serverJar().or(() -> currentJar()).ifPresent(jar -> out.append("build    : server modules in ")
                    .append(jar.getFileName()).append(": ").append(ServerBuild.describe(jar)).append('\n'));
            out.append("batching : server's group commit (leaderboard.commands.batching) ")
                    .append(CommandBatching.describe(serverArguments, System.getenv())).append('\n');
        }
        out.append("note     : the load generator runs on the same machine as the server and competes for its CPUs\n");
        for (RunFigures run : runs) {
            out.append('\n').append(renderRun(run));
        }
        if (runs.size() > 1) {
            out.append('\n').append(engineComparison(runs).render());
        }
        if (runs.isEmpty()) {
            out.append("\nno run completed; see the messages above\n");
        }
        return out.toString();
    }

    private String renderRun(RunFigures run) {
        StringBuilder out = new StringBuilder("-- server: ").append(run.target()).append(" --\n");
        out.append("storage  : ").append(run.persistence()).append('\n');
        out.append("database : ").append(run.database()).append('\n');
        if (!run.serverLog().isEmpty()) {
            out.append("log      : ").append(run.serverLog()).append('\n');
        }
        run.http().ifPresent(http -> {
            out.append("outcomes : rest-single ").append(outcomes(http)).append("\n\n");
            out.append(writeTable(run, http).render());
            out.append(verdicts(run, http));
            out.append(cpu(run, http));
        });
        if (run.batch().isPresent() || run.kafka().isPresent()) {
            out.append('\n');
            run.batch().ifPresent(batch -> out.append("outcomes : rest-batch ").append(outcomes(batch))
                    .append("\n           actions: ").append(counts(batch.actionOutcomes())).append('\n'));
            run.kafka().ifPresent(kafka -> out.append(kafkaFacts("kafka", kafka)));
            run.kafkaTwoProcesses().ifPresent(two -> out.append(kafkaFacts("kafka 2p", two)));
            out.append('\n').append(ingestionTable(run).render());
            out.append(ingestionVerdicts(run));
            out.append(ingestionCpu(run));
        }
        run.facts().forEach(fact -> out.append(fact).append('\n'));
        run.hotPlayer().ifPresent(hot -> out.append('\n').append(hotPlayerTable(hot).render())
                .append(hotPlayerNotes(hot)));
        run.profiles().forEach(profile -> out.append('\n').append(profile));
        run.notes().forEach(note -> out.append("note     : ").append(note).append('\n'));
        run.failures().forEach(failure -> out.append("FAILED   : ").append(failure).append('\n'));
        return out.toString();
    }

    ResultTable writeTable(RunFigures run, LoadResult http) {
        String clients = options.clients() + " clients";
        ResultTable table = new ResultTable(
                "Write path (per s = accepted actions or inserted events per second; ratio = per s ÷ compared per s)");
        Optional<BaselineResult> perEvent = run.perEvent();
        table.add(Row.of("HTTP POST /api/v1/actions, " + clients, http.acceptedPerSecond(), http.latency(),
                perEvent.map(b -> "JDBC 1 tx/event").orElse(""),
                perEvent.map(b -> ratio(http.acceptedPerSecond(), b.eventsPerSecond())).orElse("")));
        perEvent.ifPresent(b -> table.add(latencyRow(
                "baseline: JDBC, 1 transaction per event, " + options.clients() + " connections",
                b.eventsPerSecond(), b.latency(), "", "")));
        run.batched().ifPresent(b -> {
            table.add(latencyRow("baseline: JDBC, batches of " + WriteBenchmark.BASELINE_BATCH_SIZE
                            + " per transaction, " + options.clients() + " connections",
                    b.eventsPerSecond(), b.latency(), "JDBC 1 tx/event",
                    perEvent.map(p -> ratio(b.eventsPerSecond(), p.eventsPerSecond())).orElse("")));
            table.add(new Row("HTTP compared with the batched baseline", rate(http.acceptedPerSecond()), "", "", "",
                    "JDBC batches", ratio(http.acceptedPerSecond(), b.eventsPerSecond())));
        });
        return table;
    }

    private static Row latencyRow(String scenario, double perSecond, LatencySummary latency, String comparedWith,
                                  String ratio) {
        return new Row(scenario, rate(perSecond), millis(latency.p50()), millis(latency.p95()),
                millis(latency.p99()), comparedWith, ratio);
    }

    private String verdicts(RunFigures run, LoadResult http) {
        StringBuilder out = new StringBuilder();
        run.perEvent().ifPresent(b -> out.append(String.format(Locale.ROOT,
                "latency  : JDBC baselines time %s and %s; HTTP times one whole request%n",
                b.latencyUnit(), run.batched().map(BaselineResult::latencyUnit).orElse("-"))));
        out.append(String.format(Locale.ROOT, "targets  : >= %s accepted/s: %s (%s); p99 < %s ms: %s (%s ms)",
                rate(TARGET_ACCEPTED_PER_SECOND), yesNo(http.acceptedPerSecond() >= TARGET_ACCEPTED_PER_SECOND),
                rate(http.acceptedPerSecond()), millis(TARGET_P99_MICROS),
                yesNo(http.latency().p99() < TARGET_P99_MICROS), millis(http.latency().p99())));
        run.perEvent().ifPresent(b -> {
            double slowdown = http.acceptedPerSecond() == 0 ? Double.POSITIVE_INFINITY
                    : b.eventsPerSecond() / http.acceptedPerSecond();
            out.append(String.format(Locale.ROOT, "; within %.0fx of JDBC 1 tx/event: %s (%.2fx slower)",
                    TARGET_MAX_SLOWDOWN, yesNo(slowdown <= TARGET_MAX_SLOWDOWN), slowdown));
        });
        return out.append('\n').toString();
    }

    private static String cpu(RunFigures run, LoadResult http) {
        StringBuilder out = new StringBuilder(
                "cpu      : CPU time per accepted action or inserted event (ms), and how busy the machine was\n");
        http.cpu().ifPresent(usage -> out.append(cpuLine("HTTP load", "load generator", usage, http.accepted())));
        run.perEvent().ifPresent(b -> out.append(cpuLine("JDBC 1 tx/event", "inserting JVM", b.cpu(), b.events())));
        run.batched().ifPresent(b -> out.append(cpuLine("JDBC batches", "inserting JVM", b.cpu(), b.events())));
        return out.toString();
    }

    private static String cpuLine(String scenario, String clientName, CpuMeter.Usage usage, long units) {
        return String.format(Locale.ROOT, "           %-16s %s %s, server JVM %s, PostgreSQL %s; machine busy %.0f%%%n",
                scenario + ":", clientName, perUnit(Optional.of(usage.client()), units),
                perUnit(usage.server(), units), perUnit(usage.database(), units), usage.machineBusy() * 100);
    }

    private static String perUnit(Optional<java.time.Duration> cpu, long units) {
        return cpu.filter(d -> units > 0)
                .map(d -> String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e6 / units))
                .orElse("n/a");
    }

    ResultTable hotPlayerTable(HotPlayerResult hot) {
        String events = String.format(Locale.ROOT, "%,d events", hot.pastEvents());
        ResultTable table = new ResultTable("Hot player (" + events
                + ") vs new player; one command at a time; ratio = hot ÷ new (1.00 = as fast)");
        table.add(firstRow("first command, new player (empty cache)", hot.fresh(), "", ""));
        table.add(firstRow("first command, " + events + ", no snapshot, empty cache", hot.hotFromEvents(),
                "new player, first", ratio(hot.hotFromEvents().firstMicros(), hot.fresh().firstMicros())));
        table.add(firstRow("first command after restart, new player", hot.freshAfterRestart(), "", ""));
        table.add(firstRow("first command after restart, " + events + ", from snapshot", hot.hotFromSnapshot(),
                "new player, first", ratio(hot.hotFromSnapshot().firstMicros(),
                        hot.freshAfterRestart().firstMicros())));
        table.add(steadyRow("steady state, new player", hot.fresh(), "", ""));
        table.add(steadyRow("steady state, " + events + " (cached)", hot.hotSteady(), "new player, p99",
                ratio(hot.hotSteady().steady().p99(), hot.fresh().steady().p99())));
        table.add(steadyRow("steady state after restart, new player", hot.freshAfterRestart(), "", ""));
        table.add(steadyRow("steady state after restart, " + events, hot.hotFromSnapshot(), "new player, p99",
                ratio(hot.hotFromSnapshot().steady().p99(), hot.freshAfterRestart().steady().p99())));
        return table;
    }

    private static Row firstRow(String scenario, Probe probe, String comparedWith, String ratio) {
        return new Row(scenario + " [single request]", "", millis(probe.firstMicros()), "", "", comparedWith,
                ratio);
    }

    private static Row steadyRow(String scenario, Probe probe, String comparedWith, String ratio) {
        LatencySummary steady = probe.steady();
        return new Row(scenario + " [" + steady.count() + " requests]", "", millis(steady.p50()),
                millis(steady.p95()), millis(steady.p99()), comparedWith, ratio);
    }

    private static String hotPlayerNotes(HotPlayerResult hot) {
        Map<String, Long> failures = new TreeMap<>();
        Stream.of(hot.fresh(), hot.hotFromEvents(), hot.hotSteady(), hot.hotFromSnapshot(), hot.freshAfterRestart())
                .forEach(probe -> probe.failures().forEach((label, count) -> failures.merge(label, count, Long::sum)));
        return String.format(Locale.ROOT,
                "hot      : %,d events inserted with SQL in %.1f s; snapshot after cold load: %s; projections: %s;"
                        + " probe requests not accepted: %s%n",
                hot.pastEvents(), hot.fillTime().toMillis() / 1000.0, hot.snapshotTaken() ? "yes" : "NO",
                hot.projections(), failures.isEmpty() ? "none" : failures);
    }

    private ResultTable engineComparison(List<RunFigures> runs) {
        ResultTable table = new ResultTable("Storage engines (ratio = per s ÷ the first engine's per s)");
        RunFigures first = runs.getFirst();
        for (RunFigures run : runs) {
            boolean isFirst = run == first;
            double firstRate = first.http().map(LoadResult::acceptedPerSecond).orElse(0.0);
            run.http().ifPresent(http -> table.add(latencyRow("HTTP POST /api/v1/actions, engine " + run.target(),
                    http.acceptedPerSecond(), http.latency(), isFirst ? "" : first.target(),
                    isFirst ? "" : ratio(http.acceptedPerSecond(), firstRate))));
            run.hotPlayer().ifPresent(hot -> table.add(firstRow("cold load of " + String.format(Locale.ROOT,
                            "%,d", hot.pastEvents()) + " events, engine " + run.target(), hot.hotFromEvents(),
                    "", "")));
        }
        return table;
    }

    private static String outcomes(LoadResult http) {
        return String.format(Locale.ROOT, "%,d requests in %.1f s: ", http.requests(),
                http.elapsed().toMillis() / 1000.0) + counts(http.callOutcomes())
                + (http.firstError().isEmpty() ? "" : "; first error: " + http.firstError());
    }

    private static Optional<java.nio.file.Path> currentJar() {
        try {
            return Optional.of(BenchJvm.benchJar("not run from the jar"));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String counts(Map<String, Long> counts) {
        return new TreeMap<>(counts).entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String kafkaFacts(String label, KafkaScenario.Result kafka) {
        String prefix = String.format(Locale.ROOT, "%-9s: ", label);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, prefix + "fill %,d records in %.1f s = %,.0f records/s, %.1f MiB/s "
                        + "before compression (idempotent producer, acks=all, %s, compression rate %s); topic %s, %d "
                        + "partitions%s%n", kafka.fill().records(), seconds(kafka.fill().elapsed()),
                kafka.fill().recordsPerSecond(), kafka.fill().mebibytesPerSecond(), kafka.fill().compression(),
                kafka.fill().compressionRate() < 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", kafka.fill().compressionRate()),
                kafka.topic().name(), kafka.topic().partitions(),
                kafka.topic().created() ? " (created by the benchmark)" : ""));
        out.append(String.format(Locale.ROOT, prefix + "consumer group %s committed %,d actions in %.1f s after "
                        + "the resume; PostgreSQL stored %,d events; committed per %d s: %s%n", kafka.group(),
                kafka.consumed(), seconds(kafka.window()), kafka.eventsStored(), 10,
                kafka.perStep().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
                        .collect(Collectors.joining(" "))));
        out.append(String.format(Locale.ROOT, prefix + "projection lag = the standings processor's lagSeconds (age "
                + "of its oldest unapplied event), %,d samples every 250 ms; max %s ms%n", kafka.lag().count(),
                millis(kafka.lag().max())));
        return out.toString();
    }

    /** rest-batch and kafka next to the ingestion baselines (a), (b) and (c). */
    ResultTable ingestionTable(RunFigures run) {
        ResultTable table = new ResultTable("Ingestion (group commit) (per s = actions or events per second; "
                + "ratio = per s ÷ compared per s)");
        Optional<IngestionBaselines.Figures> base = run.ingestion();
        String combined = "(c) a then b";
        IngestionOptions ingestion = options.ingestion();
        run.batch().ifPresent(batch -> table.add(Row.of(String.format(Locale.ROOT,
                        "REST POST /api/v1/actions/batch, %d actions/request, %d clients [request latency]",
                        ingestion.batchSize(), ingestion.batchClients()), batch.acceptedPerSecond(), batch.latency(),
                base.map(b -> combined).orElse(""),
                base.map(b -> ratio(batch.acceptedPerSecond(), b.combinedPerSecond())).orElse(""))));
        run.kafka().ifPresent(kafka -> {
            table.add(new Row(String.format(Locale.ROOT, "Kafka %s -> event store, %d partitions [committed "
                            + "offsets]", kafka.topic().name(), kafka.topic().partitions()),
                    rate(kafka.actionsPerSecond()), "", "", "", "", base.map(b -> combined).orElse(""),
                    base.map(b -> ratio(kafka.actionsPerSecond(), b.combinedPerSecond())).orElse("")));
            table.add(new Row("  events stored in PostgreSQL in the same window", rate(kafka.eventsPerSecond()),
                    "", "", "", "", base.map(b -> combined).orElse(""),
                    base.map(b -> ratio(kafka.eventsPerSecond(), b.combinedPerSecond())).orElse("")));
            table.add(lagRow(kafka));
            table.add(new Row("  Kafka fill (" + kafka.fill().compression() + ", idempotent producer)",
                    rate(kafka.fill().recordsPerSecond()), "", "", "", "", "", ""));
        });
        run.kafkaTwoProcesses().ifPresent(two -> {
            table.add(new Row("Kafka, two server processes consuming a second fill [committed offsets]",
                    rate(two.actionsPerSecond()), "", "", "", "", run.kafka().map(one -> "one process").orElse(""),
                    run.kafka().map(one -> ratio(two.actionsPerSecond(), one.actionsPerSecond())).orElse("")));
            table.add(lagRow(two));
        });
        base.ifPresent(b -> {
            table.add(Row.of("baseline (a) " + b.jdbc().name() + " [batch latency]", b.jdbc().eventsPerSecond(),
                    b.jdbc().latency(), "", ""));
            table.add(new Row("baseline (b) " + b.redis().name(), rate(b.redis().eventsPerSecond()), "", "", "", "",
                    "", ""));
            table.add(new Row("baseline (c) (a) then (b) for every event, derived 1/(1/a+1/b)",
                    rate(b.combinedPerSecond()), "", "", "", "", "", ""));
        });
        return table;
    }

    private static Row lagRow(KafkaScenario.Result kafka) {
        return new Row("  projection lag during it [lagSeconds samples]", "", millis(kafka.lag().p50()),
                millis(kafka.lag().p95()), millis(kafka.lag().p99()), millis(kafka.lag().p999()),
                "target p99 2000 ms", kafka.lag().count() == 0 ? ""
                : ratio(kafka.lag().p99(), TARGET_KAFKA_LAG_P99_MICROS));
    }

    private String ingestionVerdicts(RunFigures run) {
        StringBuilder out = new StringBuilder();
        run.batch().ifPresent(batch -> out.append(String.format(Locale.ROOT,
                "targets  : rest-batch >= %s actions/s: %s (%s)%n", rate(TARGET_BATCH_ACTIONS_PER_SECOND),
                yesNo(batch.acceptedPerSecond() >= TARGET_BATCH_ACTIONS_PER_SECOND),
                rate(batch.acceptedPerSecond()))));
        run.kafka().ifPresent(kafka -> {
            out.append(String.format(Locale.ROOT, "targets  : kafka >= %s actions/s: %s (%s); lag p99 < %s ms: %s "
                            + "(%s ms)", rate(TARGET_KAFKA_ACTIONS_PER_SECOND),
                    yesNo(kafka.actionsPerSecond() >= TARGET_KAFKA_ACTIONS_PER_SECOND), rate(kafka.actionsPerSecond()),
                    millis(TARGET_KAFKA_LAG_P99_MICROS), yesNo(kafka.lag().count() > 0
                            && kafka.lag().p99() < TARGET_KAFKA_LAG_P99_MICROS), millis(kafka.lag().p99())));
            run.ingestion().ifPresent(b -> out.append(String.format(Locale.ROOT,
                    "; >= %.1f of baseline (c): %s (%s)", TARGET_KAFKA_RATIO,
                    yesNo(b.combinedPerSecond() > 0 && kafka.actionsPerSecond() / b.combinedPerSecond()
                            >= TARGET_KAFKA_RATIO), ratio(kafka.actionsPerSecond(), b.combinedPerSecond()))));
            out.append('\n');
        });
        return out.toString();
    }

    private static String ingestionCpu(RunFigures run) {
        StringBuilder out = new StringBuilder(
                "cpu      : CPU time per accepted action or written event (ms), and how busy the machine was\n");
        run.batch().ifPresent(batch -> batch.cpu().ifPresent(usage ->
                out.append(cpuLine("rest-batch", "load generator", usage, batch.accepted()))));
        run.kafka().ifPresent(kafka -> out.append(cpuLine("kafka", "benchmark JVM", kafka.cpu(), kafka.consumed()))
                .append("           (kafka: the embedded broker runs inside the server JVM here, so its CPU is in "
                        + "the server JVM's)\n"));
        run.kafkaTwoProcesses().ifPresent(two -> out.append(cpuLine("kafka 2p", "benchmark JVM", two.cpu(),
                two.consumed())).append("           (kafka 2p: server JVM = both server processes)\n"));
        run.ingestion().ifPresent(b -> {
            out.append(cpuLine("baseline (a)", "inserting JVM", b.jdbc().cpu(), b.jdbc().events()));
            out.append(cpuLine("baseline (b)", "writing JVM", b.redis().cpu(), b.redis().events()))
                    .append("           (baseline (b): the embedded Redis is a child process of the server, so its "
                            + "CPU is in the server JVM's)\n");
        });
        return out.toString();
    }

    private static double seconds(java.time.Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "NO";
    }
}
