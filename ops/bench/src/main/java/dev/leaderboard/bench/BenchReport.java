package dev.leaderboard.bench;

import dev.leaderboard.bench.baseline.BaselineResult;
import dev.leaderboard.bench.hotplayer.HotPlayerResult;
import dev.leaderboard.bench.hotplayer.Probe;
import dev.leaderboard.bench.load.LoadResult;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import dev.leaderboard.bench.report.MachineInfo;
import dev.leaderboard.bench.report.ResultTable;
import dev.leaderboard.bench.report.ResultTable.Row;

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

    static final double TARGET_ACCEPTED_PER_SECOND = 2_500;
    static final long TARGET_P99_MICROS = 50_000;
    static final double TARGET_MAX_SLOWDOWN = 3.0;

    private final MachineInfo machine;
    private final BenchOptions options;

    BenchReport(MachineInfo machine, BenchOptions options) {
        this.machine = machine;
        this.options = options;
    }

    String render(List<RunFigures> runs) {
        StringBuilder out = new StringBuilder("\n== Leaderboard write-path benchmark ==\n");
        out.append("machine  : ").append(machine.describe()).append('\n');
        out.append(String.format(Locale.ROOT,
                "settings : %d clients (closed loop, 1 request in flight each, HTTP/1.1), %,d players, "
                        + "%d s warmup + %d s measured; hot player %,d past events, probes of %d requests%n",
                options.clients(), options.players(), options.warmup().toSeconds(), options.duration().toSeconds(),
                options.hotEvents(), options.probeRequests()));
        if (options.startsServer()) {
            out.append("server   : started by the benchmark; JVM options ").append(options.serverJavaOptions())
                    .append(", Spring arguments ").append(options.serverArguments()).append('\n');
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
        out.append("outcomes : ").append(outcomes(run.http())).append("\n\n");
        out.append(writeTable(run).render());
        out.append(verdicts(run));
        out.append(cpu(run));
        run.hotPlayer().ifPresent(hot -> out.append('\n').append(hotPlayerTable(hot).render())
                .append(hotPlayerNotes(hot)));
        run.notes().forEach(note -> out.append("note     : ").append(note).append('\n'));
        return out.toString();
    }

    ResultTable writeTable(RunFigures run) {
        LoadResult http = run.http();
        String clients = options.clients() + " clients";
        ResultTable table = new ResultTable(
                "Write path (per s = accepted actions or inserted events per second; ratio = per s ÷ compared per s)");
        Optional<BaselineResult> perEvent = run.perEvent();
        table.add(latencyRow("HTTP POST /api/v1/actions, " + clients, http.acceptedPerSecond(), http.latency(),
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

    private String verdicts(RunFigures run) {
        LoadResult http = run.http();
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

    private static String cpu(RunFigures run) {
        StringBuilder out = new StringBuilder(
                "cpu      : CPU time per accepted action or inserted event (ms), and how busy the machine was\n");
        out.append(cpuLine("HTTP load", "load generator", run.httpCpu(), run.http().accepted()));
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
            table.add(latencyRow("HTTP POST /api/v1/actions, engine " + run.target(),
                    run.http().acceptedPerSecond(), run.http().latency(), isFirst ? "" : first.target(),
                    isFirst ? "" : ratio(run.http().acceptedPerSecond(), first.http().acceptedPerSecond())));
            run.hotPlayer().ifPresent(hot -> table.add(firstRow("cold load of " + String.format(Locale.ROOT,
                            "%,d", hot.pastEvents()) + " events, engine " + run.target(), hot.hotFromEvents(),
                    "", "")));
        }
        return table;
    }

    private static String outcomes(LoadResult http) {
        Map<String, Long> sorted = new TreeMap<>(http.outcomes());
        return String.format(Locale.ROOT, "%,d requests in %.1f s: ", http.requests(),
                http.elapsed().toMillis() / 1000.0)
                + sorted.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "NO";
    }
}
