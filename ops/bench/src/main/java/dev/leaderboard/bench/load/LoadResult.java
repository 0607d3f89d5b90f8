package dev.leaderboard.bench.load;

import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The measured phase of a {@link LoadRunner} run.
 *
 * @param calls          every call made in the measured phase (requests, for HTTP)
 * @param actions        actions those calls carried
 * @param accepted       of those, actions stored before the answer
 * @param callOutcomes   call count per {@link Outcome#label()}
 * @param actionOutcomes action count per status ({@link Outcome#statuses()})
 * @param latency        latency of every call, whatever its outcome (send to fully read answer)
 * @param elapsed        from the start of the phase until the last client's last answer
 * @param cpu            CPU time during the measured phase, if it was metered
 * @param firstError     one exception's description, or "" when no call threw
 */
public record LoadResult(long calls, long actions, long accepted, Map<String, Long> callOutcomes,
                         Map<String, Long> actionOutcomes, LatencySummary latency, Duration elapsed,
                         Optional<CpuMeter.Usage> cpu, String firstError) {

    public LoadResult {
        callOutcomes = Map.copyOf(callOutcomes);
        actionOutcomes = Map.copyOf(actionOutcomes);
    }

    /** Requests, for the HTTP loads. */
    public long requests() {
        return calls;
    }

    public double acceptedPerSecond() {
        return perSecond(accepted);
    }

    public double callsPerSecond() {
        return perSecond(calls);
    }

    private double perSecond(long count) {
        return elapsed.isZero() ? 0 : count / (elapsed.toNanos() / 1e9);
    }
}
