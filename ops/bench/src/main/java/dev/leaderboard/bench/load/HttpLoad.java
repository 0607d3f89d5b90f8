package dev.leaderboard.bench.load;

import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Closed-loop load: {@code clients} threads, each sending one action at a time for a random player until the phase
 * ends. Latency is the time from sending a request to reading its whole answer, so it is service time under this
 * load (a closed loop never queues more than {@code clients} requests).
 */
public final class HttpLoad {

    /** Guards the loop of each client besides the deadline. */
    private static final long MAX_REQUESTS_PER_CLIENT = 50_000_000L;

    private final ActionClient client;
    private final String actionIdPrefix;

    /** @param actionIdPrefix makes action ids unique across runs against the same store */
    public HttpLoad(ActionClient client, String actionIdPrefix) {
        this.client = client;
        this.actionIdPrefix = actionIdPrefix;
    }

    /** The measured phase. */
    public LoadResult measure(LoadSettings settings) {
        return phase("m", settings.clients(), settings.players(), settings.duration());
    }

    /** Load whose figures nobody reads: warms the server's JIT, caches and connection pools. */
    public void warmUp(int clients, int players, Duration length) {
        if (!length.isZero()) {
            phase("w" + Long.toString(System.nanoTime(), 36), clients, players, length);
        }
    }

    private LoadResult phase(String phaseName, int clients, int players, Duration length) {
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                Thread.ofPlatform().name("bench-client-", 0).daemon().factory());
        try {
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            List<Callable<ClientTally>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String idPrefix = actionIdPrefix + "-" + phaseName + "-" + c + "-";
                workers.add(() -> drive(idPrefix, players, deadline));
            }
            List<Future<ClientTally>> futures = pool.invokeAll(workers);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return merge(futures, elapsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during load", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private ClientTally drive(String idPrefix, int players, long deadline) throws InterruptedException {
        ClientTally tally = new ClientTally();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long n = 0; n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; n++) {
            String player = LoadSettings.playerId(random.nextInt(players));
            long sent = System.nanoTime();
            Outcome outcome = client.submit(player, idPrefix + n);
            LatencySummary.record(tally.latency, System.nanoTime() - sent);
            tally.count(outcome);
        }
        return tally;
    }

    private static LoadResult merge(List<Future<ClientTally>> futures, Duration elapsed) throws InterruptedException {
        Histogram latency = LatencySummary.newHistogram();
        Map<String, Long> outcomes = new HashMap<>();
        long requests = 0;
        long accepted = 0;
        for (Future<ClientTally> future : futures) {
            ClientTally tally;
            try {
                tally = future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
            latency.add(tally.latency);
            tally.outcomes.forEach((label, count) -> outcomes.merge(label, count, Long::sum));
            requests += tally.requests;
            accepted += tally.accepted;
        }
        return new LoadResult(requests, accepted, outcomes, LatencySummary.of(latency), elapsed);
    }

    /** One client thread's counts; merged after the phase, so it needs no synchronisation. */
    private static final class ClientTally {
        final Histogram latency = LatencySummary.newHistogram();
        final Map<String, Long> outcomes = new HashMap<>();
        long requests;
        long accepted;

        void count(Outcome outcome) {
            requests++;
            if (outcome.accepted()) {
                accepted++;
            }
            outcomes.merge(outcome.label(), 1L, Long::sum);
        }
    }
}
