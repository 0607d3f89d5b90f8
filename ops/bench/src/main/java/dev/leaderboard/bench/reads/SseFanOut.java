package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Holds many {@code GET .../stream?top=10} connections with {@link HttpClient} (one selector thread per
 * {@link #CONNECTIONS_PER_CLIENT} connections, lines handled by a small shared pool), then changes the top several
 * times and times each change's delivery: from the moment the changing action's 202 answer arrived to the moment
 * each client received the first event showing the change.
 * <p>
 * A change is one action of the richest type by the leader player: the first takes it from nowhere to rank 1 (the
 * synthetic board's top is below one such action), each later one raises its score at rank 1. So "the event showing
 * change k" is the first event whose data holds the leader with at least k × points; a client that receives a
 * coalesced event gets every change it covers at once.
 */
final class SseFanOut implements AutoCloseable {

    static final int CONNECTIONS_PER_CLIENT = 1000;
    private static final int CONNECTS_IN_FLIGHT = 200;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);

    private final URI streamUri;
    private final String leader;
    private final long points;
    private final int changes;
    private final PrintStream progress;
    private final ExecutorService lineHandlers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("bench-sse-lines-", 0).daemon().factory());
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<Stream> streams = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger failedToOpen = new AtomicInteger();
    private final AtomicInteger closedEarly = new AtomicInteger();

    SseFanOut(URI baseUrl, String leader, long points, int changes, PrintStream progress) {
        this.streamUri = baseUrl.resolve("/api/v1/leaderboards/" + SyntheticBoard.BOARD + "/stream?top=10");
        this.leader = leader;
        this.points = points;
        this.changes = changes;
        this.progress = progress;
    }

    /** How the connections went, and the delivery of every change. */
    record Result(int asked, int opened, int failedToOpen, int closedEarly, Duration connectTime,
                  LatencySummary snapshotLatency, List<Change> changes, LatencySummary lastClient,
                  LatencySummary perClient, long missed, String firstError) {
    }

    /**
     * @param lastClientMicros from the 202 to the last client's event (only when every open client got it)
     * @param received         clients that got the change within the delivery timeout
     */
    record Change(int number, long lastClientMicros, long firstClientMicros, int received, int expected) {
    }

    private volatile String firstError = "";

    /** Opens {@code connections} streams, waiting for each one's snapshot event; bounded in time. */
    Duration connect(int connections, Histogram snapshotLatency) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore pending = new Semaphore(CONNECTS_IN_FLIGHT);
        HttpRequest request = HttpRequest.newBuilder(streamUri).header("Accept", "text/event-stream").GET().build();
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos() + connections * 20_000_000L;
        for (int i = 0; i < connections; i++) {
            if (i % CONNECTIONS_PER_CLIENT == 0) {
                clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30)).executor(lineHandlers).build());
            }
            long wait = deadline - System.nanoTime();
            if (wait <= 0 || !pending.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                progress.printf("  SSE: gave up opening connections after %d%n", i);
                break;
            }
            Stream stream = new Stream(pending, snapshotLatency);
            streams.add(stream);
            stream.sentAt = System.nanoTime();
            CompletableFuture<HttpResponse<Void>> response = clients.getLast()
                    .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream));
            response.whenComplete((r, failure) -> {
                if (failure != null) {
                    stream.fail(failure);
                } else if (r.statusCode() != 200) {
                    stream.fail(new IllegalStateException("HTTP " + r.statusCode()));
                }
            });
            if ((i + 1) % 1000 == 0) {
                progress.printf("  SSE: %,d connections requested, %,d open%n", i + 1, open.get());
            }
        }
        // every stream either has its snapshot or failed once all permits are back
        long wait = Math.max(0, deadline - System.nanoTime());
        if (!pending.tryAcquire(CONNECTS_IN_FLIGHT, wait, TimeUnit.NANOSECONDS)) {
            progress.println("  SSE: some connections neither opened nor failed in time");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    int openStreams() {
        return open.get() - closedEarly.get();
    }

    /** Times {@code changes} top changes; {@code change} submits change k and returns once its 202 arrived. */
    Result measure(int asked, Duration connectTime, Histogram snapshotLatency, ChangeAction change,
                   Duration spacing) throws Exception {
        List<Change> results = new ArrayList<>();
        Histogram lastClient = LatencySummary.newHistogram();
        Histogram perClient = LatencySummary.newHistogram();
        long missed = 0;
        for (int k = 1; k <= changes; k++) {
            List<Stream> expected = streams.stream().filter(Stream::isLive).toList();
            long answered = change.submit(k);
            long deadline = answered + DELIVERY_TIMEOUT.toNanos();
            int index = k - 1;
            while (System.nanoTime() < deadline && expected.stream().anyMatch(s -> s.isLive()
                    && s.arrivals.get(index) == 0)) {
                Thread.sleep(5);
            }
            long first = Long.MAX_VALUE;
            long last = 0;
            int received = 0;
            for (Stream s : expected) {
                long at = s.arrivals.get(index);
                if (at == 0) {
                    missed++;
                    continue;
                }
                received++;
                long latency = Math.max(0, at - answered);
                LatencySummary.record(perClient, latency);
                first = Math.min(first, latency);
                last = Math.max(last, latency);
            }
            long lastMicros = received == expected.size() && received > 0 ? last / 1_000 : -1;
            if (lastMicros >= 0) {
                LatencySummary.record(lastClient, last);
            }
            results.add(new Change(k, lastMicros, received == 0 ? -1 : first / 1_000, received, expected.size()));
            progress.printf("  SSE change %d: %,d of %,d clients, last after %s ms%n", k, received,
                    expected.size(), lastMicros < 0 ? "-" : String.format("%.1f", lastMicros / 1000.0));
            Thread.sleep(spacing.toMillis());
        }
        return new Result(asked, open.get(), failedToOpen.get(), closedEarly.get(), connectTime,
                LatencySummary.of(snapshotLatency), results, LatencySummary.of(lastClient),
                LatencySummary.of(perClient), missed, firstError);
    }

    @FunctionalInterface
    interface ChangeAction {
        /** Submits change k; returns {@link System#nanoTime()} when its 202 answer arrived. */
        long submit(int k) throws Exception;
    }

    @Override
    public void close() {
        for (Stream stream : streams) {
            stream.cancel();
        }
        for (HttpClient client : clients) {
            client.shutdownNow();
        }
        lineHandlers.shutdownNow();
    }

    /** One SSE connection: records when its snapshot came and when each change first showed in an event. */
    private final class Stream implements Flow.Subscriber<String> {

        private final Semaphore pending;
        private final Histogram snapshotLatency;
        final AtomicLongArray arrivals = new AtomicLongArray(changes);
        volatile long sentAt;
        private volatile Flow.Subscription subscription;
        private volatile boolean snapshot;
        private volatile boolean ended;
        private boolean released;
        private int seen;
        private final String marker = "\"userId\":\"" + leader + "\",\"score\":";

        Stream(Semaphore pending, Histogram snapshotLatency) {
            this.pending = pending;
            this.snapshotLatency = snapshotLatency;
        }

        boolean isLive() {
            return snapshot && !ended;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            long now = System.nanoTime();
            if (!snapshot) {
                snapshot = true;
                open.incrementAndGet();
                synchronized (snapshotLatency) {
                    LatencySummary.record(snapshotLatency, now - sentAt);
                }
                release();
            }
            int at = line.indexOf(marker);
            if (at < 0) {
                return;
            }
            long score = 0;
            for (int i = at + marker.length(); i < line.length() && Character.isDigit(line.charAt(i)); i++) {
                score = score * 10 + (line.charAt(i) - '0');
            }
            int level = (int) Math.min(changes, score / points);
            for (int k = seen + 1; k <= level; k++) {
                arrivals.compareAndSet(k - 1, 0, now);
            }
            seen = Math.max(seen, level);
        }

        @Override
        public void onError(Throwable failure) {
            fail(failure);
        }

        @Override
        public void onComplete() {
            end();
        }

        void fail(Throwable failure) {
            if (firstError.isEmpty()) {
                firstError = failure.toString();
            }
            if (!snapshot) {
                failedToOpen.incrementAndGet();
            }
            end();
        }

        private void end() {
            if (!ended) {
                ended = true;
                if (snapshot) {
                    closedEarly.incrementAndGet();
                }
            }
            release();
        }

        private synchronized void release() {
            if (!released) {
                released = true;
                pending.release();
            }
        }

        void cancel() {
            ended = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
