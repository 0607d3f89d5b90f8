package dev.leaderboard.bench.core;

import io.gatling.javaapi.core.Simulation;

import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation in this JVM and returns its figures, read from the HTML report it writes under
 * {@code ops/bench/target/gatling/} (or {@code BENCH_GATLING_DIR}). Simulations are instantiated by Gatling, so a
 * scenario hands its parameters over through {@link #parameters(Class)}: one run at a time.
 */
public final class GatlingRun {

    private static final AtomicReference<Object> PARAMETERS = new AtomicReference<>();

    static {
        // Offline and quiet: no usage analytics, no warm-up request to gatling.io; the percentiles the tables need.
        Map.of("data.enableAnalytics", "false", "http.warmUpUrl", "", "data.console.light", "true",
                "data.console.writePeriod", "10", "charting.indicators.percentile1", "50",
                "charting.indicators.percentile2", "95", "charting.indicators.percentile3", "99",
                "charting.indicators.percentile4", "99.9").forEach((k, v) -> System.setProperty("gatling." + k, v));
    }

    /** The parameters of the running simulation, as handed to {@link #run}. */
    public static <P> P parameters(Class<P> type) {
        return type.cast(PARAMETERS.get());
    }

    public static Path resultsRoot() {
        return Optional.ofNullable(System.getenv("BENCH_GATLING_DIR")).map(Path::of)
                .orElse(Files.isDirectory(Path.of("ops/bench")) ? Path.of("ops/bench/target/gatling")
                        : Path.of("target/gatling")).toAbsolutePath();
    }

    /** Runs {@code simulation} with {@code parameters}; fails if Gatling does not finish with a report. */
    public static synchronized GatlingStats run(Class<? extends Simulation> simulation, Object parameters,
                                                String description) {
        PARAMETERS.set(parameters);
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
            PARAMETERS.set(null);
        }
    }
}
