package dev.leaderboard.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One measured phase: {@link #start()} starts the CPU meter and, with {@code --server-jfr}, a JFR recording of the
 * server; {@link #stop()} ends both and summarises the recording.
 */
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
            } catch (IOException | RuntimeException e) {
                System.err.println("JFR recording of " + name + " did not start: " + e.getMessage());
            }
        }
        meter = meters.get();
    }

    public synchronized Measured stop() {
        CpuMeter.Usage usage = meter.stop();
        Optional<String> profile = Optional.empty();
        if (jfr != null) {
            try {
                Path file = jfr.stop();
                profile = Optional.of("JFR of the server during " + name + ": " + file + "\n"
                        + JfrSummary.read(file).render(20));
            } catch (IOException | RuntimeException e) {
                profile = Optional.of("JFR recording of " + name + " failed: " + e.getMessage());
            }
        }
        return new Measured(usage, profile);
    }
}
