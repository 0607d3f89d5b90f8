package dev.leaderboard.bench.core;

import io.gatling.javaapi.core.Simulation;

import java.io.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation in this JVM and reads its figures from the HTML report. Gatling instantiates the
 * simulation, so parameters, duration and the measured phase (none for a warm-up) go over static state.
 */
public final class GatlingRun {

    private static final AtomicLong IDS = new AtomicLong();
    private static volatile Object parameters;
    private static volatile Duration during = Duration.ZERO;
    private static volatile Phase phase;

    /** A simulation metered over exactly its run: the phase (CPU, JFR) starts before the load and stops after it. */
    public abstract static class Metered extends Simulation {

        @Override
        public void before() {
            if (phase != null) {
                phase.start();
            }
        }

        @Override
        public void after() {
            if (phase != null) {
                phase.stop();
            }
        }
    }

    static {
        // Offline and quiet: no usage analytics, no warm-up request to gatling.io; the percentiles the tables need.
        Map.of("data.enableAnalytics", "false", "http.warmUpUrl", "", "data.console.light", "true",
                "data.console.writePeriod", "10", "charting.indicators.percentile1", "50",
                "charting.indicators.percentile2", "95", "charting.indicators.percentile3", "99",
                "charting.indicators.percentile4", "99.9").forEach((k, v) -> System.setProperty("gatling." + k, v));
    }

    public static <P> P parameters(Class<P> type) {
        return type.cast(parameters);
    }

    /** A number no other request of this JVM got: action ids stay unique across a warm-up and its measured run. */
    public static long nextId() {
        return IDS.incrementAndGet();
    }

    public static Duration during() {
        return during;
    }

    public static boolean measured() {
        return phase != null;
    }

    /** {@code BENCH_GATLING_DIR} (ops/bench/run sets it to ops/bench/target/gatling), or target/gatling. */
    public static Path resultsRoot() {
        return Path.of(System.getenv().getOrDefault("BENCH_GATLING_DIR", "target/gatling")).toAbsolutePath();
    }

    /** Runs {@code simulation} for {@code load}, metered as {@code measured} (null: a warm-up). */
    public static synchronized GatlingStats run(Class<? extends Simulation> simulation, Object parameters,
                                                String description, Duration load, Phase measured) {
        GatlingRun.parameters = parameters;
        during = load;
        phase = measured;
        // Gatling looks up its latest release on Maven Central unless it checked recently: record a check now, so
        // it stays offline (java.util.prefs, node /io/gatling/latestVersion; a failed check shows no notice).
        Preferences versionCheck = Preferences.userRoot().node("/io/gatling/latestVersion");
        versionCheck.putLong("lastCheckTimestamp", System.currentTimeMillis());
        versionCheck.putBoolean("lastCheckSuccess", false);
        // Gatling's console goes to stderr with the progress; stdout holds the result tables only.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            Path root = Files.createDirectories(resultsRoot());
            long started = System.currentTimeMillis();
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[]{
                    "--simulation", simulation.getName(), "--results-folder", root.toString(),
                    "--run-description", description});
            try (Stream<Path> runs = Files.list(root)) {
                return GatlingStats.read(runs.filter(run -> Files.isRegularFile(run.resolve("index.html"))
                                && run.toFile().lastModified() >= started - 1_000)
                        .max(Comparator.comparingLong(run -> run.toFile().lastModified()))
                        .orElseThrow(() -> new IllegalStateException("Gatling (" + simulation.getSimpleName()
                                + ") wrote no report, status " + status)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(stdout);
            phase = null;
        }
    }
}
