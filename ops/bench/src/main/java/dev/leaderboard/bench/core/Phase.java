package dev.leaderboard.bench.core;

import java.io.IOException;
import java.nio.file.*;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One measured phase: CPU meter and, with {@code --server-jfr}, a JFR recording of the server over exactly the phase
 * ({@code jcmd}), summarised by {@link JfrSummary} and the JDK's {@code jfr view hot-methods}.
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
    private Path jfr;
    private Measured result;

    public Phase(String name, Supplier<CpuMeter> meters, Optional<ProcessHandle> server, Optional<Path> jfrDirectory) {
        this.name = name;
        this.meters = meters;
        this.server = server;
        this.jfrDirectory = jfrDirectory;
    }

    public synchronized void start() {
        if (jfrDirectory.isPresent() && server.isPresent()) {
            try {
                Path file = Files.createDirectories(jfrDirectory.get()).toAbsolutePath()
                        .resolve(name + "-" + System.currentTimeMillis() + ".jfr");
                jdkTool("jcmd", pid(), "JFR.start", "name=bench-" + name, "settings=profile", "filename=" + file);
                jfr = file;
            } catch (Exception e) {
                System.err.println("JFR recording of " + name + " did not start: " + e.getMessage());
            }
        }
        meter = meters.get();
    }

    public synchronized Measured stop() {
        CpuMeter.Usage usage = meter.stop();
        result = new Measured(usage, Optional.empty());
        if (jfr != null) {
            try {
                jdkTool("jcmd", pid(), "JFR.stop", "name=bench-" + name);
                result = new Measured(usage, Optional.of("JFR of the server during " + name + ": " + jfr + "\n"
                        + JfrSummary.read(jfr) + jdkTool("jfr", "view", "--width", "150", "hot-methods", "" + jfr)));
            } catch (Exception e) {
                result = new Measured(usage, Optional.of("JFR recording of " + name + " failed: " + e.getMessage()));
            }
        }
        return result;
    }

    /** What {@link #stop()} measured. */
    public synchronized Measured result() {
        if (result == null) {
            throw new IllegalStateException("phase " + name + " was not measured");
        }
        return result;
    }

    private String pid() {
        return Long.toString(server.orElseThrow().pid());
    }

    /** Runs a tool of this JDK ({@code jcmd}, {@code jfr}) and returns its output. */
    private static String jdkTool(String tool, String... arguments) throws IOException, InterruptedException {
        Path path = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling(tool);
        Process process = new ProcessBuilder(Stream.concat(Stream.of(path.toString()), Stream.of(arguments))
                .toList()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || output.contains("Could not")) {
            throw new IllegalStateException(tool + " " + String.join(" ", arguments) + " failed: " + output.strip());
        }
        return output;
    }
}
