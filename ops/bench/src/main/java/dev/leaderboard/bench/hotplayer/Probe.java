package dev.leaderboard.bench.hotplayer;

import dev.leaderboard.bench.report.LatencySummary;

import java.util.Map;

/**
 * Sequential submissions for one player: the first one (which may have to load the aggregate from the event store)
 * and the steady state after it.
 *
 * @param firstMicros latency of the first submission
 * @param steady      latencies of the submissions after the first
 * @param failures    submissions not answered 202 accepted, per outcome (the probe's figures are then suspect)
 */
public record Probe(long firstMicros, LatencySummary steady, Map<String, Long> failures) {

    public Probe {
        failures = Map.copyOf(failures);
    }
}
