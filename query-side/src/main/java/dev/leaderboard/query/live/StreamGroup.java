package dev.leaderboard.query.live;

import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.RankingPage;
import dev.leaderboard.query.rankings.RankingsResponse;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.windows.TimeWindow;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The clients watching the same top N of one board and window on this instance. A change notification only marks
 * the group dirty; at most once per interval the group reads the current top itself (one read for all its clients,
 * so notifications arriving late or out of order cannot leave clients on an older state) and sends it only if it
 * differs from what the group last sent.
 */
final class StreamGroup {

    record Key(String leaderboardId, TimeWindow window, int top) {
    }

    private final Key key;
    private final Set<SseEmitter> clients = new CopyOnWriteArraySet<>();
    private final AtomicInteger joining = new AtomicInteger();
    private final Duration minInterval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Function<Slice.OfPeriod, RankingPage> readTop;
    private final Function<Object, String> toJson;
    private final Consumer<SseEmitter> gone;
    private List<RankedEntry> lastSent;
    private long lastSentAtMillis;
    private long lastId;
    private String dirtyPeriod;
    private boolean flushScheduled;

    StreamGroup(Key key, Duration minInterval, Clock clock, ScheduledExecutorService scheduler,
                Function<Slice.OfPeriod, RankingPage> readTop, Function<Object, String> toJson,
                Consumer<SseEmitter> gone) {
        this.key = key;
        this.minInterval = minInterval;
        this.clock = clock;
        this.scheduler = scheduler;
        this.readTop = readTop;
        this.toJson = toJson;
        this.gone = gone;
    }

    /** Sends the current state to a new client and adds it, atomically with respect to the group's flushes. */
    synchronized void join(SseEmitter client) throws IOException {
        Slice.OfPeriod slice = slice(key.window().periodOf(clock.instant()).key());
        RankingPage page = readTop.apply(slice);
        if (lastSent == null) {
            lastSent = page.entries();
        }
        client.send(event(++lastId, toJson.apply(RankingsResponse.of(slice, 0, key.top(), page))));
        clients.add(client);
    }

    void leave(SseEmitter client) {
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

    Set<SseEmitter> clients() {
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
        List<SseEmitter> recipients;
        String data;
        long id;
        synchronized (this) {
            flushScheduled = false;
            Slice.OfPeriod slice = slice(dirtyPeriod);
            RankingPage page = readTop.apply(slice);
            if (page.entries().equals(lastSent)) {
                return;
            }
            lastSent = page.entries();
            lastSentAtMillis = clock.millis();
            id = ++lastId;
            data = toJson.apply(RankingsResponse.of(slice, 0, key.top(), page));
            // Clients that join after this point got a state at least as new in their own snapshot.
            recipients = List.copyOf(clients);
        }
        for (SseEmitter client : recipients) {
            try {
                client.send(event(id, data));
            } catch (IOException | IllegalStateException e) {
                gone.accept(client);
            }
        }
    }

    private Slice.OfPeriod slice(String period) {
        return new Slice.OfPeriod(key.leaderboardId(), key.window(), key.window().parsePeriod(period));
    }

    private static SseEmitter.SseEventBuilder event(long id, String data) {
        return SseEmitter.event().name("leaderboard").id(Long.toString(id)).data(data, MediaType.APPLICATION_JSON);
    }
}
