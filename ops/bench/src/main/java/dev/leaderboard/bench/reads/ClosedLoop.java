package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop reads: {@code readers} platform threads, each one request in flight, until the phase ends. The same
 * runner drives the HTTP reads and the bare-Redis baselines, so both are measured alike.
 */
final class ClosedLoop {

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

    static Result run(int readers, Duration warmup, Duration duration, java.util.function.Supplier<Request> perReader) {
        ExecutorService pool = Executors.newFixedThreadPool(readers,
                Thread.ofPlatform().name("bench-reader-", 0).daemon().factory());
        try {
            if (!warmup.isZero()) {
                phase(pool, readers, warmup, perReader);
            }
            return phase(pool, readers, duration, perReader);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result phase(ExecutorService pool, int readers, Duration length,
                                java.util.function.Supplier<Request> perReader) {
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Callable<Tally>> workers = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            Request request = perReader.get();
            workers.add(() -> drive(request, deadline));
        }
        try {
            List<Future<Tally>> futures = pool.invokeAll(workers);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Histogram latency = LatencySummary.newHistogram();
            long requests = 0;
            long failures = 0;
            String firstError = "";
            for (Future<Tally> future : futures) {
                Tally tally = future.get();
                latency.add(tally.latency);
                requests += tally.requests;
                failures += tally.failures;
                if (firstError.isEmpty() && tally.firstError != null) {
                    firstError = tally.firstError;
                }
            }
            return new Result(requests, failures, LatencySummary.of(latency), elapsed, firstError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during reads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reader failed", e.getCause());
        }
    }

    private static Tally drive(Request request, long deadline) {
        Tally tally = new Tally();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            long sent = System.nanoTime();
            boolean ok;
            try {
                ok = request.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                ok = false;
                if (tally.firstError == null) {
                    tally.firstError = e.toString();
                }
            }
            LatencySummary.record(tally.latency, System.nanoTime() - sent);
            tally.requests++;
            if (!ok) {
                tally.failures++;
                if (tally.firstError == null) {
                    tally.firstError = "unexpected answer";
                }
            }
        }
        return tally;
    }

    private static final class Tally {
        final Histogram latency = LatencySummary.newHistogram();
        long requests;
        long failures;
        String firstError;
    }
}
