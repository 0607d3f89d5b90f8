package dev.leaderboard.bench.load;

import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The one closed-loop load runner of the benchmarks: {@code clients} platform threads, each calling its own
 * {@link Operation} one call at a time (one request in flight per client) until the phase's deadline or its call
 * cap, first for the warm-up (discarded), then for the measured phase. Every call returns an {@link Outcome} with
 * the number of actions it carried; calls are timed from start to return into an HdrHistogram, so latency is
 * service time under this load (a closed loop never queues more than {@code clients} calls, so it is not corrected
 * for coordinated omission). CPU time of the load generator, the server and PostgreSQL is metered over exactly the
 * measured phase when a {@link CpuMeter} supplier is given.
 *
 * <p>Every phase is bounded twice: by its duration, and by {@link Settings#maxCallsPerClient()} calls per client.
 */
public final class LoadRunner {

    /** Guards every client's loop besides the deadline. */
    public static final long DEFAULT_MAX_CALLS_PER_CLIENT = 50_000_000L;

    /**
     * @param clients           concurrent clients, one call in flight each
     * @param warmup            unmeasured load before the measured phase (zero: none)
     * @param duration          the measured phase
     * @param maxCallsPerClient a client stops after this many calls in a phase, even before the deadline
     */
    public record Settings(int clients, Duration warmup, Duration duration, long maxCallsPerClient) {

        public Settings {
            if (clients < 1 || maxCallsPerClient < 1 || duration.isNegative() || warmup.isNegative()) {
                throw new IllegalArgumentException("a load needs at least one client, one call and no negative time");
            }
        }

        public Settings(int clients, Duration warmup, Duration duration) {
            this(clients, warmup, duration, DEFAULT_MAX_CALLS_PER_CLIENT);
        }
    }

    /** One client's work: call {@code n} (0-based within the phase) of this client. */
    @FunctionalInterface
    public interface Operation {
        Outcome call(long n) throws Exception;
    }

    /** Makes each client's operation; {@code phase} is "m" for the measured phase, unique per warm-up phase. */
    @FunctionalInterface
    public interface Clients {
        Operation client(String phase, int index);
    }

    private final String name;

    /** @param name prefix of the client threads' names */
    public LoadRunner(String name) {
        this.name = name;
    }

    /** Warm-up (if any), then the measured phase, metered by {@code cpu} if given. */
    public LoadResult run(Settings settings, Clients clients, Optional<Supplier<CpuMeter>> cpu) {
        warmUp(settings.clients(), settings.warmup(), settings.maxCallsPerClient(), clients);
        return measure(settings.clients(), settings.duration(), settings.maxCallsPerClient(), clients, cpu);
    }

    /** Load whose figures nobody reads: warms the server's JIT, caches and connection pools. */
    public void warmUp(int clients, Duration length, long maxCallsPerClient, Clients operations) {
        if (!length.isZero()) {
            phase("w" + Long.toString(System.nanoTime(), 36), clients, length, maxCallsPerClient, operations,
                    Optional.empty());
        }
    }

    public LoadResult measure(int clients, Duration length, long maxCallsPerClient, Clients operations,
                              Optional<Supplier<CpuMeter>> cpu) {
        return phase("m", clients, length, maxCallsPerClient, operations, cpu);
    }

    private LoadResult phase(String phase, int clients, Duration length, long maxCalls, Clients operations,
                             Optional<Supplier<CpuMeter>> cpu) {
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                Thread.ofPlatform().name(name + "-", 0).daemon().factory());
        try {
            List<Operation> perClient = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                perClient.add(operations.client(phase, c));
            }
            Optional<CpuMeter> meter = cpu.map(Supplier::get);
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            List<Callable<Tally>> workers = perClient.stream()
                    .<Callable<Tally>>map(operation -> () -> drive(operation, maxCalls, deadline)).toList();
            List<Future<Tally>> futures = pool.invokeAll(workers);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Optional<CpuMeter.Usage> usage = meter.map(CpuMeter::stop);
            return merge(futures, elapsed, usage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during load", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Tally drive(Operation operation, long maxCalls, long deadline) {
        Tally tally = new Tally();
        for (long n = 0; n < maxCalls && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted();
             n++) {
            long started = System.nanoTime();
            Outcome outcome;
            try {
                outcome = operation.call(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                outcome = Outcome.failed(e, 0);
                if (tally.firstError == null) {
                    tally.firstError = e.toString();
                }
            }
            LatencySummary.record(tally.latency, System.nanoTime() - started);
            tally.count(outcome);
        }
        return tally;
    }

    private static LoadResult merge(List<Future<Tally>> futures, Duration elapsed, Optional<CpuMeter.Usage> cpu)
            throws InterruptedException {
        Histogram latency = LatencySummary.newHistogram();
        Map<String, Long> calls = new HashMap<>();
        Map<String, Long> actions = new HashMap<>();
        long callCount = 0;
        long actionCount = 0;
        long accepted = 0;
        String firstError = "";
        for (Future<Tally> future : futures) {
            Tally tally;
            try {
                tally = future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
            latency.add(tally.latency);
            tally.calls.forEach((label, count) -> calls.merge(label, count, Long::sum));
            tally.actions.forEach((label, count) -> actions.merge(label, count, Long::sum));
            callCount += tally.callCount;
            actionCount += tally.actionCount;
            accepted += tally.accepted;
            if (firstError.isEmpty() && tally.firstError != null) {
                firstError = tally.firstError;
            }
        }
        return new LoadResult(callCount, actionCount, accepted, calls, actions, LatencySummary.of(latency), elapsed,
                cpu, firstError);
    }

    /** One client thread's counts; merged after the phase, so it needs no synchronisation. */
    private static final class Tally {
        final Histogram latency = LatencySummary.newHistogram();
        final Map<String, Long> calls = new HashMap<>();
        final Map<String, Long> actions = new HashMap<>();
        long callCount;
        long actionCount;
        long accepted;
        String firstError;

        void count(Outcome outcome) {
            callCount++;
            actionCount += outcome.actions();
            accepted += outcome.accepted();
            calls.merge(outcome.label(), 1L, Long::sum);
            outcome.statuses().forEach((status, count) -> actions.merge(status, (long) count, Long::sum));
        }
    }
}
