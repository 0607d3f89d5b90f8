package dev.leaderboard.bench.load;

import dev.leaderboard.bench.report.LatencySummary;

import java.time.Duration;
import java.util.Map;

/**
 * The measured phase of an HTTP load run.
 *
 * @param requests  every request sent in the measured phase
 * @param accepted  requests answered 202 accepted
 * @param outcomes  request count per {@link Outcome#label()}
 * @param latency   latency of every request, whatever its outcome
 * @param elapsed   from the start of the phase until the last client's last answer
 */
public record LoadResult(long requests, long accepted, Map<String, Long> outcomes, LatencySummary latency,
                         Duration elapsed) {

    public LoadResult {
        outcomes = Map.copyOf(outcomes);
    }

    public double acceptedPerSecond() {
        return elapsed.isZero() ? 0 : accepted / (elapsed.toNanos() / 1e9);
    }
}
