package dev.leaderboard.bench.report;

import org.HdrHistogram.Histogram;

/** Latency percentiles of one measurement, in microseconds. */
public record LatencySummary(long count, long p50, long p95, long p99, long p999, long max) {

    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0, 0);

    /** Recording range of {@link #newHistogram()}: 1 µs to 2 minutes at 3 significant digits. */
    private static final long HIGHEST_MICROS = 120_000_000L;

    public static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    /** Records a duration measured with {@link System#nanoTime()}, clamped into the histogram's range. */
    public static void record(Histogram histogram, long elapsedNanos) {
        long micros = Math.max(1, elapsedNanos / 1_000);
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    public static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(histogram.getTotalCount(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue());
    }
}
