package dev.leaderboard.bench.core;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a baseline's own timings (one per batch: a few thousand values, kept and sorted). */
public record Latencies(long count, double p50, double p99, double p999) {

    public static Latencies ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999));
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", p50, p99, p999);
    }
}
