package dev.leaderboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average (1, 5, 15 minutes) from {@code /proc/loadavg}, as {@code uptime} prints it. On a
 * shared 2-core machine it says how much else ran next to a measurement; every figure is printed with it.
 */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** e.g. "6.52 6.60 4.55"; "?" where it cannot be read. */
    public static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
