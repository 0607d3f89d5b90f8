package dev.leaderboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on. */
public record MachineInfo(int cpus, String cpuModel, long memoryMiB, String os, String jdk) {

    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU"),
                firstValue(Path.of("/proc/meminfo"), "MemTotal")
                        .map(kb -> Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024).orElse(-1L),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %,d MiB RAM, %s, JDK %s", cpus, cpuModel, memoryMiB, os,
                jdk);
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg (other work on a shared machine shows here). */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
