package dev.leaderboard.bench.core;

import jdk.jfr.consumer.*;

import java.io.IOException;
import java.nio.file.*;
import java.util.*;
import java.util.function.Supplier;
import java.util.stream.*;

/**
 * One measured phase: CPU meter and, with {@code --server-jfr}, a JFR recording of the server over exactly the phase
 * ({@code jcmd}), summarised by its execution samples per thread group and the JDK's {@code jfr view hot-methods}.
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
                jdkTool("jcmd", "" + server.get().pid(), "JFR.start", "name=bench-" + name, "settings=profile",
                        "filename=" + file);
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
                jdkTool("jcmd", "" + server.get().pid(), "JFR.stop", "name=bench-" + name);
                result = new Measured(usage, Optional.of("JFR of the server during " + name + ": " + jfr + "\n"
                        + threadSamples(jfr) + jdkTool("jfr", "view", "--width", "150", "hot-methods", "" + jfr)));
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

    /** A recording's execution samples by thread group: which part of the server took the CPU. */
    static String threadSamples(Path file) throws IOException {
        Map<String, Long> threads = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    RecordedThread thread = event.getThread("sampledThread");
                    threads.merge(threadGroup(thread == null || thread.getJavaName() == null ? "?"
                            : thread.getJavaName()), 1L, Long::sum);
                }
            }
        }
        long samples = threads.values().stream().mapToLong(Long::longValue).sum();
        int width = threads.keySet().stream().mapToInt(String::length).max().orElse(10);
        return "  JFR execution samples by thread: %,d%n".formatted(samples) + threads.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(Locale.ROOT, "    %-" + width + "s %7d %5.1f %%", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, samples)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Thread names without their numbers, e.g. {@code http-nio-*-exec-*}. */
    static String threadGroup(String threadName) {
        return threadName.replaceAll("\\d+", "*");
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
