package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.load.LoadResult;
import dev.leaderboard.bench.load.LoadRunner;
import dev.leaderboard.bench.load.Outcome;
import dev.leaderboard.bench.report.LatencySummary;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Closed-loop reads on the benchmarks' {@link LoadRunner}: {@code readers} platform threads, each one request in
 * flight, until the phase ends. The same runner drives the HTTP reads and the bare-Redis baselines (and the write
 * loads), so all are measured alike.
 */
final class ClosedLoop {

    private static final Outcome OK = Outcome.none("ok", 0);
    private static final Outcome UNEXPECTED = Outcome.none("unexpected answer", 0);

    /** One request; returns whether it succeeded. Called by one reader thread at a time per instance it returns. */
    @FunctionalInterface
    interface Request {
        boolean call() throws Exception;
    }

    /**
     * @param requests  requests completed in the measured phase (successful or not)
     * @param failures  requests that failed (non-200 answer, exception)
     * @param latency   every request's latency
     * @param elapsed   measured wall time
     * @param firstError one failure's description, for the report
     */
    record Result(long requests, long failures, LatencySummary latency, Duration elapsed, String firstError) {

        double perSecond() {
            return elapsed.isZero() ? 0 : (requests - failures) / (elapsed.toNanos() / 1e9);
        }
    }

    private ClosedLoop() {
    }

    static Result run(int readers, Duration warmup, Duration duration, Supplier<Request> perReader) {
        LoadResult result = new LoadRunner("bench-reader").run(new LoadRunner.Settings(readers, warmup, duration),
                (phase, index) -> {
                    Request request = perReader.get();
                    return n -> request.call() ? OK : UNEXPECTED;
                }, Optional.empty());
        long ok = result.callOutcomes().getOrDefault(OK.label(), 0L);
        long failures = result.calls() - ok;
        String firstError = !result.firstError().isEmpty() ? result.firstError()
                : failures > 0 ? UNEXPECTED.label() : "";
        return new Result(result.calls(), failures, result.latency(), result.elapsed(), firstError);
    }
}
