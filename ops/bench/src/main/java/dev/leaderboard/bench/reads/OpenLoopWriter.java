package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.load.LoadSettings;
import dev.leaderboard.bench.load.Outcome;
import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Background write load at a fixed rate (open loop): submissions are started on schedule whether or not earlier
 * ones have been answered, each on its own virtual thread, for players {@code p0..p<players-1>} (none of them is on
 * the synthetic board). At most {@link #MAX_IN_FLIGHT} are outstanding: a submission due while that many wait is
 * skipped and counted, so an overloaded server is reported, not hidden behind a growing queue.
 */
final class OpenLoopWriter implements AutoCloseable {

    static final int MAX_IN_FLIGHT = 256;
    /** Never more than this many submissions in one run, whatever the rate and duration. */
    static final long MAX_SUBMISSIONS = 10_000_000L;

    /** One action of one player, sent and answered (blocking: each runs on a virtual thread of its own). */
    interface Submission {
        Outcome submit(String userId, String actionId) throws InterruptedException;
    }

    private final Submission client;
    private final int ratePerSecond;
    private final int players;
    private final String idPrefix;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Histogram latency = LatencySummary.newHistogram();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong due = new AtomicLong();
    private volatile boolean stopping;
    private Thread pacer;
    private long startNanos;
    private long stopNanos;

    OpenLoopWriter(Submission client, int ratePerSecond, int players, String idPrefix) {
        this.client = client;
        this.ratePerSecond = ratePerSecond;
        this.players = players;
        this.idPrefix = idPrefix;
    }

    record Result(int targetPerSecond, long due, long skipped, long accepted, Map<String, Long> outcomes,
                  LatencySummary latency, Duration elapsed) {

        double acceptedPerSecond() {
            return elapsed.isZero() ? 0 : accepted / (elapsed.toNanos() / 1e9);
        }
    }

    void start() {
        startNanos = System.nanoTime();
        pacer = Thread.ofPlatform().name("bench-write-pacer").daemon().start(this::pace);
    }

    private void pace() {
        long sent = 0;
        while (!stopping && sent < MAX_SUBMISSIONS) {
            long shouldHaveSent = (System.nanoTime() - startNanos) * ratePerSecond / 1_000_000_000L;
            while (sent < shouldHaveSent && !stopping) {
                long n = sent++;
                due.incrementAndGet();
                if (!inFlight.tryAcquire()) {
                    skipped.incrementAndGet();
                    continue;
                }
                senders.execute(() -> send(n));
            }
            LockSupport.parkNanos(500_000);
        }
    }

    private void send(long n) {
        try {
            String player = LoadSettings.playerId(ThreadLocalRandom.current().nextInt(players));
            long begin = System.nanoTime();
            Outcome outcome = client.submit(player, idPrefix + n);
            long took = System.nanoTime() - begin;
            synchronized (latency) {
                LatencySummary.record(latency, took);
            }
            if (outcome.allAccepted()) {
                accepted.incrementAndGet();
            }
            outcomes.computeIfAbsent(outcome.label(), k -> new AtomicLong()).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.release();
        }
    }

    /** Stops starting submissions, waits (bounded) for those in flight, and returns the figures. */
    Result stop() {
        stopping = true;
        stopNanos = System.nanoTime();
        try {
            if (pacer != null) {
                pacer.join(5_000);
            }
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        Map<String, Long> counts = new java.util.TreeMap<>();
        outcomes.forEach((label, count) -> counts.put(label, count.get()));
        LatencySummary summary;
        synchronized (latency) {
            summary = LatencySummary.of(latency);
        }
        return new Result(ratePerSecond, due.get(), skipped.get(), accepted.get(), counts, summary,
                Duration.ofNanos(stopNanos - startNanos));
    }

    @Override
    public void close() {
        if (!stopping) {
            stop();
        }
    }
}
