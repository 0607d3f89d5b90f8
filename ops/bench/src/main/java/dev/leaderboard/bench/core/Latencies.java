package dev.leaderboard.bench.core;

import java.util.*;

/** Nearest-rank percentiles of a baseline's own timings (one per batch: few enough to keep and sort), in ms. */
public record Latencies(long count, double p50, double p99, double p999) {

    public static Latencies ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999));
    }

    private static double rank(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(q * sorted.length) - 1] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", p50, p99, p999);
    }
}
