package dev.leaderboard.query.live;

import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.RankingPage;
import dev.leaderboard.query.rankings.RankingsResponse;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.windows.TimeWindow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The clients watching the same top N of one board and window on this instance. A change notification only marks
 * the group dirty; at most once per interval the group reads the current top itself (one read for all its clients,
 * so notifications arriving late or out of order cannot leave clients on an older state) and sends it only if it
 * differs from what the group last sent: serialized and encoded once, the same bytes offered to every client, none
 * of which can make the others wait ({@link SseConnection}).
 */
final class StreamGroup {

    record Key(String leaderboardId, TimeWindow window, int top) {
    }

    /** Clients offered an event by one fan-out task; larger groups are offered in parallel slices. */
    static final int FAN_OUT_SLICE = 500;

    private final Key key;
    /** Many clients, rare joins and leaves, a walk per flush: copy-on-write would copy 10,000 entries per join. */
    private final Set<SseConnection> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger joining = new AtomicInteger();
    private final Duration minInterval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Function<Slice.OfPeriod, RankingPage> readTop;
    private final Function<Object, String> toJson;
    private final LongConsumer fanOutNanos;
    private final Executor fanOut;
    private List<RankedEntry> lastSent;
    private long lastSentAtMillis;
    private long lastId;
    private String dirtyPeriod;
    private boolean flushScheduled;

    StreamGroup(Key key, Duration minInterval, Clock clock, ScheduledExecutorService scheduler,
                Function<Slice.OfPeriod, RankingPage> readTop, Function<Object, String> toJson,
                LongConsumer fanOutNanos, Executor fanOut) {
        this.key = key;
        this.minInterval = minInterval;
        this.clock = clock;
        this.scheduler = scheduler;
        this.readTop = readTop;
        this.toJson = toJson;
        this.fanOutNanos = fanOutNanos;
        this.fanOut = fanOut;
    }

    /** Opens a stream for one client of this group. */
    interface Opening {
        SseConnection open() throws IOException;
    }

    /**
     * Reads the current state, then opens the client's stream with it as the first frame and adds the client,
     * atomically with respect to the group's flushes. A failed read opens nothing (the request still gets a
     * problem); the stream starts writing once {@link SseConnection#start()} is called.
     */
    synchronized SseConnection join(Opening opening) throws IOException {
        Slice.OfPeriod slice = slice(key.window().periodOf(clock.instant()).key());
        RankingPage page = readTop.apply(slice);
        byte[] first = frame(lastId + 1, toJson.apply(RankingsResponse.of(slice, 0, key.top(), page)));
        SseConnection client = opening.open();
        if (lastSent == null) {
            lastSent = page.entries();
        }
        lastId++;
        client.offer(first);
        clients.add(client);
        return client;
    }

    void leave(SseConnection client) {
        clients.remove(client);
    }

    /** A client is about to join (counted until {@link #joined()}), so the group is not idle meanwhile. */
    void joining() {
        joining.incrementAndGet();
    }

    void joined() {
        joining.decrementAndGet();
    }

    /** No client, and none joining: the group may be dropped. */
    boolean isIdle() {
        return clients.isEmpty() && joining.get() == 0;
    }

    Set<SseConnection> clients() {
        return clients;
    }

    /** The board's top may have changed in this period: look again at most once per interval. */
    synchronized void markDirty(String period) {
        dirtyPeriod = period;
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        long wait = Math.max(0, lastSentAtMillis + minInterval.toMillis() - clock.millis());
        scheduler.schedule(this::flush, wait, TimeUnit.MILLISECONDS);
    }

    private void flush() {
        byte[] frame;
        synchronized (this) {
            flushScheduled = false;
            Slice.OfPeriod slice = slice(dirtyPeriod);
            RankingPage page = readTop.apply(slice);
            if (page.entries().equals(lastSent)) {
                return;
            }
            lastSent = page.entries();
            lastSentAtMillis = clock.millis();
            frame = frame(++lastId, toJson.apply(RankingsResponse.of(slice, 0, key.top(), page)));
            // Offered inside the lock: a client joining meanwhile waits, then gets a state at least this new.
            long start = System.nanoTime();
            offerToAll(frame);
            fanOutNanos.accept(System.nanoTime() - start);
        }
    }

    /**
     * A write that does not wait still costs a system call, and on loopback the wake-up of the reading process: at
     * thousands of clients, slices on several threads finish sooner than one thread walking them all.
     */
    private void offerToAll(byte[] frame) {
        if (clients.size() <= FAN_OUT_SLICE) {
            clients.forEach(client -> client.offer(frame));
            return;
        }
        List<SseConnection> all = List.copyOf(clients);
        List<CompletableFuture<Void>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += FAN_OUT_SLICE) {
            List<SseConnection> slice = all.subList(from, Math.min(all.size(), from + FAN_OUT_SLICE));
            slices.add(CompletableFuture.runAsync(() -> slice.forEach(client -> client.offer(frame)), fanOut));
        }
        CompletableFuture.allOf(slices.toArray(CompletableFuture[]::new)).join();
    }

    private Slice.OfPeriod slice(String period) {
        return new Slice.OfPeriod(key.leaderboardId(), key.window(), key.window().parsePeriod(period));
    }

    /** One {@code leaderboard} event; the JSON is compact, so it fits one {@code data} line. */
    static byte[] frame(long id, String json) {
        return ("event:leaderboard\nid:" + id + "\ndata:" + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
