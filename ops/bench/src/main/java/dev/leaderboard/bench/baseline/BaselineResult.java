package dev.leaderboard.bench.baseline;

import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;

import java.time.Duration;

/**
 * One baseline's figures.
 *
 * @param latency one measured unit: a single-row insert with its commit, or a whole batch with its commit
 * @param cpu     CPU time of the inserting JVM and of PostgreSQL during the measurement
 */
public record BaselineResult(String name, long events, Duration elapsed, LatencySummary latency,
                             String latencyUnit, CpuMeter.Usage cpu) {

    public double eventsPerSecond() {
        return elapsed.isZero() ? 0 : events / (elapsed.toNanos() / 1e9);
    }
}
