package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import dev.leaderboard.bench.report.MachineInfo;
import dev.leaderboard.bench.report.ResultTable;
import dev.leaderboard.bench.report.ResultTable.Row;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.leaderboard.bench.report.ResultTable.millis;
import static dev.leaderboard.bench.report.ResultTable.rate;
import static dev.leaderboard.bench.report.ResultTable.ratio;

/** Collects the figures as the scenarios produce them and renders them as plain text tables. */
final class ReadReport {

    static final long TARGET_READ_P99_MICROS = 10_000;
    static final long TARGET_FANOUT_P99_MICROS = 1_000_000;

    enum Read { HTTP_FLOOR, HTTP_TOP, REDIS_TOP, HTTP_PLAYER, REDIS_RANK }

    record Phase(ClosedLoop.Result result, CpuMeter.Usage cpu) {
    }

    private final MachineInfo machine;
    private final ReadOptions options;
    private final List<String> notes = new ArrayList<>();
    private final List<String> servers = new ArrayList<>();
    private final Map<Read, Phase> reads = new EnumMap<>(Read.class);
    private final List<ExportCheck.Result> exports = new ArrayList<>();
    private final List<String> exportLines = new ArrayList<>();
    private final List<String> closeLines = new ArrayList<>();
    private SyntheticBoard.Inserted inserted;
    private long restoredRows;
    private Duration restore = Duration.ZERO;
    private long boardRows = -1;
    private long redisRows = -1;
    private OpenLoopWriter.Result writes;
    private SseFanOut.Result streams;
    private ServerApi.FanOut serverFanOut;
    private CpuMeter.Usage streamsCpu;
    private JdbcExportBaseline.Result exportBaseline;

    ReadReport(MachineInfo machine, ReadOptions options) {
        this.machine = machine;
        this.options = options;
    }

    void note(String text) {
        notes.add(text);
    }

    boolean boardReady() {
        return inserted != null;
    }

    void exportServer(Path log, List<String> javaOptions, List<String> springArguments) {
        servers.add("server 2 : JVM options " + javaOptions + ", Spring arguments " + springArguments
                + "; exports the board from PostgreSQL; log " + log);
    }

    void readServer(Path log, Duration startToReady) {
        servers.add(String.format(Locale.ROOT, "server 1 : JVM options %s, Spring arguments %s; board, reads and "
                        + "streams; start to ready %.1f s; log %s",
                options.serverJavaOptions(), options.serverArguments(), startToReady.toMillis() / 1000.0, log));
    }

    void board(SyntheticBoard.Inserted inserted, long restoredRows, Duration restore, long boardRows) {
        this.inserted = inserted;
        this.restoredRows = restoredRows;
        this.restore = restore;
        this.boardRows = boardRows;
    }

    void redisBoard(long rows) {
        this.redisRows = rows;
    }

    void reads(Read read, Phase phase) {
        reads.put(read, phase);
    }

    void writes(OpenLoopWriter.Result writes) {
        this.writes = writes;
    }

    void streams(SseFanOut.Result result, CpuMeter.Usage cpu, ServerApi.FanOut serverFanOut) {
        this.streams = result;
        this.streamsCpu = cpu;
        this.serverFanOut = serverFanOut;
    }

    void export(ExportCheck.Result result, long expected, HeapSampler.Peak heap) {
        exports.add(result);
        exportLines.add(String.format(Locale.ROOT,
                "export   : %s: HTTP %d, %,d rows (expected %,d), last rank %,d, %,d bytes (%.1f MiB), %.1f s, "
                        + "first byte after %.0f ms; server heap in use before %s, highest sample during it %s "
                        + "(%d samples); check: %s",
                result.format(), result.status(), result.rows(), expected, result.lastRank(), result.bytes(),
                result.bytes() / 1048576.0, result.elapsed().toMillis() / 1000.0,
                result.firstByte().toNanos() / 1e6, heap.before() < 0 ? "unknown" : mib(heap.before()),
                heap.highest() < 0 ? "unknown" : mib(heap.highest()), heap.samples(),
                result.ok(expected) ? "right (ranks 1.." + result.lastRank() + " in order, scores never rise, "
                        + "synthetic players in their exact order)" : "WRONG: " + (result.problem().isEmpty()
                        ? "row count" : result.problem())));
    }

    void exportBaseline(JdbcExportBaseline.Result result) {
        this.exportBaseline = result;
    }

    /** Lower bound of one exported row held as Java objects: entry, user id String and its byte[], a list slot. */
    static final long ROW_OBJECT_BYTES = 80;

    void exportHeap(Optional<Long> maxHeap) {
        long largest = exports.stream().mapToLong(ExportCheck.Result::bytes).max().orElse(0);
        long rows = exports.stream().mapToLong(ExportCheck.Result::rows).max().orElse(0);
        long asObjects = rows * ROW_OBJECT_BYTES;
        exportLines.add(String.format(Locale.ROOT, "heap     : the export server's own max heap (jvm.memory.max) %s; "
                        + "largest export %s as bytes, at least %s as Java objects (%d bytes per row); %s",
                maxHeap.map(ReadReport::mib).orElse("unknown"), mib(largest), mib(asObjects), ROW_OBJECT_BYTES,
                maxHeap.map(max -> largest > max ? "even its bytes are larger than the whole heap: it was streamed"
                        : asObjects > max ? "its rows could not have been held in the heap at once: it was streamed"
                        : "the board fits in the heap: lower --export-heap or raise --players for a conclusive "
                        + "proof").orElse("-")));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private String writePath() {
        return options.writeViaKafka() ? "Kafka leaderboard.actions (broker acks)" : "POST /api/v1/actions";
    }

    void close(PeriodCloseCheck.Result result, Path log, List<String> javaOptions, Optional<Long> maxHeap) {
        servers.add("server 3 : close, all roles, " + javaOptions + ", log " + log);
        double copy = seconds(result.copyOut()) + seconds(result.copyIn());
        closeLines.add(String.format(Locale.ROOT, "close    : daily period of %,d players closed by the server in "
                        + "%.1f s (%s rows/s; seen in period_result %.1f s after the insert, poll 1 s)",
                result.rows(), result.serverSeconds(), rate(result.serverSeconds() <= 0 ? 0 : result.rows() / result.serverSeconds()),
                seconds(result.untilVisible())));
        closeLines.add(String.format(Locale.ROOT, "baseline : COPY (ranked rows) TO STDOUT %.1f s + COPY FROM STDIN "
                        + "%.1f s = %.1f s, %,d bytes; close ÷ COPY = %s", seconds(result.copyOut()),
                seconds(result.copyIn()), copy, result.copyBytes(), ratio(result.serverSeconds(), copy)));
        closeLines.add(String.format(Locale.ROOT, "heap     : server heap in use before %s, highest sample %s (%d "
                        + "samples every %d ms), limit %s", mib(result.heap().before()),
                mib(result.heap().highest()), result.heap().samples(), HeapSampler.INTERVAL_MS,
                maxHeap.map(ReadReport::mib).orElse("?")));
    }

    String render() {
        StringBuilder out = new StringBuilder("\n== Leaderboard read-side benchmark ==\n");
        out.append("machine  : ").append(machine.describe()).append('\n');
        out.append(String.format(Locale.ROOT, "settings : board 'global' all-time with %,d synthetic players; "
                        + "%d readers (closed loop, 1 request in flight each, HTTP/1.1), %d s warmup + %d s per read "
                        + "phase; writes %,d actions/s open loop over %,d other players via %s; %,d SSE connections, "
                        + "%d changes, %d ms apart; export heap -Xmx%s%n",
                options.players(), options.readers(), options.warmup().toSeconds(), options.duration().toSeconds(),
                options.writeRate(), options.writePlayers(), writePath(), options.connections(), options.changes(),
                options.changeSpacing().toMillis(), options.exportHeap()));
        servers.forEach(s -> out.append(s).append('\n'));
        out.append("note     : the load generator, the SSE clients and the server share the machine's CPUs\n");
        if (inserted != null) {
            out.append('\n').append(boardTable().render());
        }
        if (!reads.isEmpty()) {
            out.append('\n').append(readTable().render()).append(readVerdicts()).append(readCpu());
        }
        if (streams != null) {
            out.append('\n').append(streamTable().render()).append(streamLines());
        }
        if (!exports.isEmpty()) {
            out.append('\n').append(exportTable().render());
            exportLines.forEach(line -> out.append(line).append('\n'));
        }
        if (!closeLines.isEmpty()) {
            out.append('\n');
            closeLines.forEach(line -> out.append(line).append('\n'));
        }
        notes.forEach(note -> out.append("note     : ").append(note).append('\n'));
        return out.toString();
    }

    private ResultTable boardTable() {
        ResultTable table = new ResultTable("Board (per s = rows per second; ratio = per s ÷ compared per s)");
        double insertRate = perSecond(inserted.rows(), inserted.elapsed());
        double restoreRate = perSecond(restoredRows, restore);
        if (restoredRows >= 0) {
            table.add(new Row(String.format(Locale.ROOT, "restore PostgreSQL -> Redis, %,d rows, %.1f s",
                    restoredRows, seconds(restore)), rate(restoreRate), "", "", "", "SQL INSERT",
                    ratio(restoreRate, insertRate)));
        }
        table.add(new Row(String.format(Locale.ROOT, "baseline: SQL INSERT … generate_series, %,d rows, %.1f s",
                inserted.rows(), seconds(inserted.elapsed())), rate(insertRate), "", "", "", "", ""));
        String sizes = String.format(Locale.ROOT, "board rows: PostgreSQL %,d, Redis %s", boardRows,
                redisRows < 0 ? "not read" : String.format(Locale.ROOT, "%,d", redisRows));
        notes.add(0, sizes);
        return table;
    }

    private ResultTable readTable() {
        ResultTable table = new ResultTable(String.format(Locale.ROOT, "Reads at %,d players while writes run "
                        + "(per s = successful requests per second; ratio = p99 ÷ baseline p99)", options.players()));
        String readers = options.readers() + " readers";
        Phase floor = reads.get(Read.HTTP_FLOOR);
        if (floor != null) {
            LatencySummary l = floor.result().latency();
            table.add(new Row("edge floor: HTTP GET of a constant (same filters and MVC), " + readers,
                    rate(floor.result().perSecond()), millis(l.p50()), millis(l.p95()), millis(l.p99()), "", ""));
        }
        addPair(table, "HTTP GET rankings?limit=10, " + readers, Read.HTTP_TOP,
                "baseline: Redis ZREVRANGE 0 9 WITHSCORES, " + readers, Read.REDIS_TOP, "ZREVRANGE");
        addPair(table, "HTTP GET players/{random}?context=5, " + readers, Read.HTTP_PLAYER,
                "baseline: Redis ZREVRANK {random member}, " + readers, Read.REDIS_RANK, "ZREVRANK");
        if (writes != null) {
            table.add(new Row(String.format(Locale.ROOT, "write load: %s, target %,d/s open loop", writePath(),
                    writes.targetPerSecond()), rate(writes.acceptedPerSecond()), millis(writes.latency().p50()),
                    millis(writes.latency().p95()), millis(writes.latency().p99()), "target/s",
                    ratio(writes.acceptedPerSecond(), writes.targetPerSecond())));
        }
        return table;
    }

    private void addPair(ResultTable table, String label, Read read, String baselineLabel, Read baseline,
                         String baselineName) {
        Phase measured = reads.get(read);
        Phase base = reads.get(baseline);
        if (measured != null) {
            LatencySummary l = measured.result().latency();
            table.add(new Row(label, rate(measured.result().perSecond()), millis(l.p50()), millis(l.p95()),
                    millis(l.p99()), base == null ? "" : baselineName,
                    base == null ? "" : ratio(l.p99(), base.result().latency().p99())));
        }
        if (base != null) {
            LatencySummary l = base.result().latency();
            table.add(new Row(baselineLabel, rate(base.result().perSecond()), millis(l.p50()), millis(l.p95()),
                    millis(l.p99()), "", ""));
        }
    }

    private String readVerdicts() {
        StringBuilder out = new StringBuilder();
        for (Read read : List.of(Read.HTTP_TOP, Read.HTTP_PLAYER)) {
            Phase phase = reads.get(read);
            Phase base = reads.get(read == Read.HTTP_TOP ? Read.REDIS_TOP : Read.REDIS_RANK);
            if (phase == null) {
                continue;
            }
            LatencySummary l = phase.result().latency();
            out.append(String.format(Locale.ROOT, "targets  : %s p99 < %s ms: %s (%s ms)",
                    read == Read.HTTP_TOP ? "top-10" : "player context", millis(TARGET_READ_P99_MICROS),
                    l.p99() < TARGET_READ_P99_MICROS ? "yes" : "NO", millis(l.p99())));
            if (base != null) {
                out.append(String.format(Locale.ROOT, "; vs bare Redis: p50 x%s, p99 x%s, throughput x%s",
                        ratio(l.p50(), base.result().latency().p50()), ratio(l.p99(), base.result().latency().p99()),
                        ratio(phase.result().perSecond(), base.result().perSecond())));
            }
            if (phase.result().failures() > 0) {
                out.append(String.format(Locale.ROOT, "; %,d FAILED (%s)", phase.result().failures(),
                        phase.result().firstError()));
            }
            out.append('\n');
        }
        if (writes != null) {
            out.append(String.format(Locale.ROOT, "writes   : %,d due, %,d skipped (more than %d in flight), "
                            + "%,d accepted over %.0f s; outcomes %s%n", writes.due(), writes.skipped(),
                    OpenLoopWriter.MAX_IN_FLIGHT, writes.accepted(), seconds(writes.elapsed()), writes.outcomes()));
        }
        return out.toString();
    }

    private String readCpu() {
        StringBuilder out = new StringBuilder("cpu      : CPU time per measured phase, and how busy the machine was\n");
        reads.forEach((read, phase) -> {
            CpuMeter.Usage u = phase.cpu();
            double requests = phase.result().perSecond() * seconds(u.wall());
            out.append(String.format(Locale.ROOT, "           %-12s benchmark JVM %.1f s, server tree %s, "
                            + "PostgreSQL %s; machine busy %.0f%%; server JVM without Redis %s per request%n",
                    read.name().toLowerCase(Locale.ROOT) + ":",
                    seconds(u.client()), u.server().map(d -> String.format(Locale.ROOT, "%.1f s", seconds(d)))
                            .orElse("-"), u.database().map(d -> String.format(Locale.ROOT, "%.1f s", seconds(d)))
                            .orElse("-"), u.machineBusy() * 100,
                    u.serverWithoutRedis().filter(d -> requests > 0).map(d -> String.format(Locale.ROOT,
                            "%.3f ms", seconds(d) * 1000 / requests)).orElse("-")));
        });
        return out.toString();
    }

    private ResultTable streamTable() {
        ResultTable table = new ResultTable(String.format(Locale.ROOT, "SSE fan-out, %,d of %,d streams of top 10 "
                        + "open, %d changes (latency from the change's 202 to the event; ratio = p99 ÷ first-client "
                        + "p99)", streams.opened() - streams.closedEarly(), streams.asked(), streams.changes().size()));
        LatencySummary last = streams.lastClient();
        LatencySummary first = firstClient();
        LatencySummary per = streams.perClient();
        table.add(new Row("delivery to the LAST client, per change (" + last.count() + " changes)", "",
                millis(last.p50()), millis(last.p95()), millis(last.p99()), "first client",
                ratio(last.p99(), first.p99())));
        table.add(new Row("delivery to each client (" + per.count() + " deliveries)", "", millis(per.p50()),
                millis(per.p95()), millis(per.p99()), "first client", ratio(per.p99(), first.p99())));
        table.add(new Row("baseline: delivery to the FIRST client, per change", "", millis(first.p50()),
                millis(first.p95()), millis(first.p99()), "", ""));
        LatencySummary snap = streams.snapshotLatency();
        table.add(new Row(String.format(Locale.ROOT, "connect: request to snapshot event (%,d streams in %.1f s)",
                        snap.count(), seconds(streams.connectTime())),
                rate(perSecond(snap.count(), streams.connectTime())), millis(snap.p50()), millis(snap.p95()),
                millis(snap.p99()), "", ""));
        return table;
    }

    private LatencySummary firstClient() {
        org.HdrHistogram.Histogram h = LatencySummary.newHistogram();
        streams.changes().stream().filter(c -> c.firstClientMicros() >= 0)
                .forEach(c -> LatencySummary.record(h, c.firstClientMicros() * 1_000));
        return LatencySummary.of(h);
    }

    private String streamLines() {
        StringBuilder out = new StringBuilder();
        LatencySummary last = streams.lastClient();
        boolean complete = last.count() == streams.changes().size() && !streams.changes().isEmpty();
        out.append(String.format(Locale.ROOT, "targets  : fan-out p99 (last client) < %s ms: %s (%s ms)%s%n",
                millis(TARGET_FANOUT_P99_MICROS), complete && last.p99() < TARGET_FANOUT_P99_MICROS ? "yes" : "NO",
                millis(last.p99()), complete ? "" : "; not every change reached every client"));
        out.append(String.format(Locale.ROOT, "streams  : asked %,d, opened %,d, failed to open %,d, closed early "
                        + "%,d, deliveries missed %,d%s%n", streams.asked(), streams.opened(), streams.failedToOpen(),
                streams.closedEarly(), streams.missed(), streams.firstError().isEmpty() ? ""
                        : "; first error: " + streams.firstError()));
        StringBuilder perChange = new StringBuilder("changes  : last-client ms per change:");
        streams.changes().forEach(c -> perChange.append(' ').append(c.lastClientMicros() < 0
                ? c.received() + "/" + c.expected() : millis(c.lastClientMicros())));
        out.append(perChange).append('\n');
        if (streamsCpu != null) {
            out.append(String.format(Locale.ROOT, "cpu      : during the changes: benchmark JVM %.1f s, server "
                            + "tree %s; machine busy %.0f%%%n", seconds(streamsCpu.client()),
                    streamsCpu.server().map(d -> String.format(Locale.ROOT, "%.1f s", seconds(d))).orElse("-"),
                    streamsCpu.machineBusy() * 100));
        }
        if (serverFanOut != null) {
            out.append(String.format(Locale.ROOT, "server   : offering an event to every client of its group took "
                            + "%.2f ms on average (%d events, leaderboard.stream.fanout); the rest of the last "
                            + "client's latency is the projection, the notification and the clients' own reading%n",
                    serverFanOut.millisPerEvent(), serverFanOut.events()));
        }
        return out.toString();
    }

    private ResultTable exportTable() {
        ResultTable table = new ResultTable("Export with a small heap (-Xmx" + options.exportHeap()
                + "; per s = rows per second; ratio = per s ÷ compared per s)");
        for (ExportCheck.Result result : exports) {
            double perSecond = result.rowsPerSecond();
            table.add(new Row(String.format(Locale.ROOT, "HTTP GET export?format=%s, %,d rows, %.1f MiB, %.1f s",
                            result.format(), result.rows(), result.bytes() / 1048576.0, seconds(result.elapsed())),
                    rate(perSecond), "", "", "", exportBaseline == null ? "" : "JDBC cursor",
                    exportBaseline == null ? "" : ratio(perSecond, exportBaseline.rowsPerSecond())));
        }
        if (exportBaseline != null) {
            table.add(new Row(String.format(Locale.ROOT, "baseline: same query, plain JDBC cursor, %,d rows, %.1f s",
                    exportBaseline.rows(), seconds(exportBaseline.elapsed())), rate(exportBaseline.rowsPerSecond()),
                    "", "", "", "", ""));
        }
        return table;
    }

    private static double perSecond(long count, Duration elapsed) {
        return elapsed.isZero() ? 0 : count / (elapsed.toNanos() / 1e9);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
