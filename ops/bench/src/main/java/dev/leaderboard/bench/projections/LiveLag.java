package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.LoadSettings;
import dev.leaderboard.bench.load.Outcome;
import dev.leaderboard.bench.report.LatencySummary;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.windows.TimeWindow;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end lag under write load: {@code POST /api/v1/actions} at a fixed open-loop rate (request {@code n} is due
 * at {@code start + n / rate}, whatever the answers before it did), each request on its own virtual thread, at most
 * {@code maxInFlight} at a time. Every {@code probeEvery}-th action goes to a fresh probe player; when its 202
 * arrives, the probe is timed until the player appears in the live generation's all-time {@code members} hash,
 * which a poller checks with pipelined {@code HEXISTS} every {@link #POLL_INTERVAL} (less often when more than 100
 * probes wait, so the poller never floods Redis: at most about 50,000 checks per second).
 */
final class LiveLag {

    static final Duration POLL_INTERVAL = Duration.ofMillis(2);
    /** How long a probe may stay invisible after the load ended before it counts as never seen. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    record Settings(double rate, Duration duration, int probeEvery, int players, int maxInFlight) {
    }

    /**
     * @param scheduled      requests due within the phase
     * @param offered        requests sent (fewer than scheduled when the in-flight cap held the schedule back)
     * @param accepted       answered 202 accepted
     * @param elapsed        first request due until the last answer
     * @param probes         probe actions accepted
     * @param probesSeen     of those, seen in Redis
     * @param lag            202 answer → visible in Redis
     * @param requests       request latency (send → answer), all requests
     * @param dispatchBehind how far the dispatcher fell behind its schedule at most (in-flight cap reached)
     */
    record Result(long scheduled, long offered, long accepted, Map<String, Long> outcomes, Duration elapsed, long probes,
                  long probesSeen, LatencySummary lag, LatencySummary requests, Duration dispatchBehind) {

        double acceptedPerSecond() {
            return elapsed.isZero() ? 0 : accepted / (elapsed.toNanos() / 1e9);
        }
    }

    private record Pending(String userId, long acceptedAt) {
    }

    private final ActionClient client;
    private final BenchRedis redis;
    private final String membersKey;
    private final String runId;

    LiveLag(ActionClient client, BenchRedis redis, RedisKeys keys, int liveGeneration, String leaderboardId,
            String runId) {
        this.client = client;
        this.redis = redis;
        this.membersKey = keys.members(liveGeneration, leaderboardId, TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY);
        this.runId = runId;
    }

    String membersKey() {
        return membersKey;
    }

    Result run(String phase, Settings settings) throws InterruptedException {
        ConcurrentLinkedQueue<Pending> accepted = new ConcurrentLinkedQueue<>();
        Histogram lag = LatencySummary.newHistogram();
        Histogram requests = new org.HdrHistogram.ConcurrentHistogram(1, 120_000_000L, 3);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        LongAdder acceptedCount = new LongAdder();
        LongAdder probes = new LongAdder();
        AtomicLong lastAnswer = new AtomicLong();
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        long[] seen = {0};
        long[] behind = {0};

        ExecutorService requestThreads = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        long end = start + settings.duration().toNanos();
        double periodNanos = 1e9 / settings.rate();
        long total = (long) Math.floor(settings.duration().toNanos() / periodNanos);
        AtomicBoolean loadOver = new AtomicBoolean();
        Thread poller = Thread.ofPlatform().name("bench-lag-poller").daemon()
                .start(() -> seen[0] = poll(accepted, lag, loadOver));
        long offered = 0;
        try {
            for (long n = 0; n < total; n++) {
                long due = start + (long) (n * periodNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                // Bounded in time: when the server is too slow, the in-flight cap holds the schedule back, and
                // whatever is still unsent at the end of the phase is never sent.
                long left = end - System.nanoTime();
                if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    break;
                }
                behind[0] = Math.max(behind[0], System.nanoTime() - due);
                boolean probe = n % settings.probeEvery() == 0;
                String user = probe ? "lag" + runId + phase + "-" + n
                        : LoadSettings.playerId(ThreadLocalRandom.current().nextInt(settings.players()));
                String actionId = runId + "-" + phase + "-" + n;
                offered++;
                requestThreads.execute(() -> {
                    try {
                        long sent = System.nanoTime();
                        Outcome outcome = client.submit(user, actionId);
                        long answered = System.nanoTime();
                        LatencySummary.record(requests, answered - sent);
                        lastAnswer.accumulateAndGet(answered, Math::max);
                        outcomes.computeIfAbsent(outcome.label(), k -> new LongAdder()).increment();
                        if (outcome.allAccepted()) {
                            acceptedCount.increment();
                            if (probe) {
                                probes.increment();
                                accepted.add(new Pending(user, answered));
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            requestThreads.shutdown();
            if (!requestThreads.awaitTermination(90, TimeUnit.SECONDS)) {
                requestThreads.shutdownNow();
            }
            loadOver.set(true);
            poller.join(PROBE_TIMEOUT.toMillis() + 10_000);
            poller.interrupt();
        }
        Map<String, Long> counted = new java.util.TreeMap<>();
        outcomes.forEach((label, count) -> counted.put(label, count.sum()));
        long finished = Math.max(lastAnswer.get(), start);
        return new Result(total, offered, acceptedCount.sum(), counted, Duration.ofNanos(finished - start),
                probes.sum(), seen[0], LatencySummary.of(lag), LatencySummary.of(requests),
                Duration.ofNanos(behind[0]));
    }

    /** Runs until the load is over and every probe was seen, or {@link #PROBE_TIMEOUT} after the load. */
    private long poll(ConcurrentLinkedQueue<Pending> accepted, Histogram lag, AtomicBoolean loadOver) {
        List<Pending> waiting = new ArrayList<>();
        long seen = 0;
        long doneAt = 0;
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.setAutoFlushCommands(false);
            RedisAsyncCommands<String, String> async = connection.async();
            while (true) {
                for (Pending p = accepted.poll(); p != null; p = accepted.poll()) {
                    waiting.add(p);
                }
                if (!waiting.isEmpty()) {
                    List<RedisFuture<Boolean>> answers = new ArrayList<>(waiting.size());
                    for (Pending p : waiting) {
                        answers.add(async.hexists(membersKey, p.userId()));
                    }
                    connection.flushCommands();
                    LettuceFutures.awaitAll(Duration.ofSeconds(10), answers.toArray(RedisFuture[]::new));
                    long now = System.nanoTime();
                    Iterator<Pending> it = waiting.iterator();
                    for (RedisFuture<Boolean> answer : answers) {
                        Pending p = it.next();
                        if (answer.isDone() && isTrue(answer)) {
                            LatencySummary.record(lag, now - p.acceptedAt());
                            seen++;
                            it.remove();
                        }
                    }
                }
                if (loadOver.get()) {
                    if (doneAt == 0) {
                        doneAt = System.nanoTime();
                    }
                    if ((waiting.isEmpty() && accepted.isEmpty())
                            || System.nanoTime() - doneAt > PROBE_TIMEOUT.toNanos()) {
                        return seen;
                    }
                }
                // Many waiting probes (the projection is far behind) would turn a 2 ms poll into a flood of HEXISTS
                // competing with the projection for Redis and CPU: poll at most ~50,000 probes per second.
                Thread.sleep(Math.max(POLL_INTERVAL.toMillis(), waiting.size() / 50));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return seen;
        }
    }

    private static boolean isTrue(RedisFuture<Boolean> answer) throws InterruptedException {
        try {
            return Boolean.TRUE.equals(answer.get());
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }
}
