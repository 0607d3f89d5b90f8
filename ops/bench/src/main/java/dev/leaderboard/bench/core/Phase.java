package dev.leaderboard.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** One measured phase: CPU meter and, with {@code --server-jfr}, a JFR recording of the server, summarised at the end. */
public final class Phase {

    /** @param profile the JFR summary, when recorded */
    public record Measured(CpuMeter.Usage cpu, Optional<String> profile) {
    }

    private final String name;
    private final Supplier<CpuMeter> meters;
    private final Optional<ProcessHandle> server;
    private final Optional<Path> jfrDirectory;
    private CpuMeter meter;
    private ServerJfr jfr;

    public Phase(String name, Supplier<CpuMeter> meters, Optional<ProcessHandle> server, Optional<Path> jfrDirectory) {
        this.name = name;
        this.meters = meters;
        this.server = server;
        this.jfrDirectory = jfrDirectory;
    }

    public synchronized void start() {
        if (jfrDirectory.isPresent() && server.isPresent()) {
            try {
                Files.createDirectories(jfrDirectory.get());
                jfr = ServerJfr.start(server.get(), "bench-" + name,
                        jfrDirectory.get().resolve(name + "-" + System.currentTimeMillis() + ".jfr"));
            } catch (Exception e) {
                System.err.println("JFR recording of " + name + " did not start: " + e.getMessage());
            }
        }
        meter = meters.get();
    }

    public synchronized Measured stop() {
        CpuMeter.Usage usage = meter.stop();
        if (jfr == null) {
            return new Measured(usage, Optional.empty());
        }
        try {
            Path file = jfr.stop();
            return new Measured(usage, Optional.of("JFR of the server during " + name + ": " + file + "\n"
                    + JfrSummary.read(file).render(20)));
        } catch (Exception e) {
            return new Measured(usage, Optional.of("JFR recording of " + name + " failed: " + e.getMessage()));
        }
    }
}
