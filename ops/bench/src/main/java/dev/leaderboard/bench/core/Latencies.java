package dev.leaderboard.bench.core;

import java.util.*;

/** Nearest-rank percentiles of a baseline's own timings (one per batch: few enough to keep and sort), in ms. */
public record Latencies(long count, double p50, double p99, double p999) {

    public static Latencies ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? new Latencies(0, 0, 0, 0) : new Latencies(sorted.length, at(sorted, 0.50) / 1e6,
                at(sorted, 0.99) / 1e6, at(sorted, 0.999) / 1e6);
    }

    /** The nearest-rank {@code quantile} of a sorted, non-empty array. */
    public static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.max(0, Math.ceil(quantile * sorted.length) - 1)];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", p50, p99, p999);
    }
}
