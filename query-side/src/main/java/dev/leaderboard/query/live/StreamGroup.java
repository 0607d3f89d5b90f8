package dev.leaderboard.query.live;

import dev.leaderboard.projections.layout.TopChange;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The clients watching the same top N of one board and window on this instance. A change is rendered once for the
 * group, only when its top N differs from what the group last saw, and at most once per interval: changes arriving
 * sooner are coalesced and the latest state goes out when the interval has passed.
 */
final class StreamGroup {

    record Key(String leaderboardId, TimeWindow window, int top) {
    }

    private final Key key;
    private final Set<SseEmitter> clients = new CopyOnWriteArraySet<>();
    private final Duration minInterval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Function<Object, String> toJson;
    private List<RankedEntry> lastSent;
    private long lastSentAtMillis;
    private long lastId;
    private TopChange pending;
    private boolean flushScheduled;

    StreamGroup(Key key, Duration minInterval, Clock clock, ScheduledExecutorService scheduler,
                Function<Object, String> toJson) {
        this.key = key;
        this.minInterval = minInterval;
        this.clock = clock;
        this.scheduler = scheduler;
        this.toJson = toJson;
    }

    /** Sends the current state to a new client only, and adds it to the group. */
    void join(SseEmitter client, Slice.OfPeriod slice, RankingPage snapshot) throws IOException {
        long id;
        synchronized (this) {
            if (lastSent == null) {
                lastSent = snapshot.entries();
            }
            id = ++lastId;
        }
        client.send(event(id, toJson.apply(RankingsResponse.of(slice, 0, key.top(), snapshot))));
        clients.add(client);
    }

    void leave(SseEmitter client) {
        clients.remove(client);
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }

    Set<SseEmitter> clients() {
        return clients;
    }

    void offer(TopChange change) {
        synchronized (this) {
            if (entriesOf(change).equals(lastSent) && pending == null) {
                return;
            }
            pending = change;
            if (flushScheduled) {
                return;
            }
            flushScheduled = true;
            long wait = Math.max(0, lastSentAtMillis + minInterval.toMillis() - clock.millis());
            scheduler.schedule(this::flush, wait, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        TopChange change;
        long id;
        List<RankedEntry> entries;
        synchronized (this) {
            change = pending;
            pending = null;
            flushScheduled = false;
            if (change == null) {
                return;
            }
            entries = entriesOf(change);
            if (entries.equals(lastSent)) {
                return;
            }
            lastSent = entries;
            lastSentAtMillis = clock.millis();
            id = ++lastId;
        }
        Slice.OfPeriod slice = new Slice.OfPeriod(key.leaderboardId(), key.window(),
                key.window().parsePeriod(change.period()));
        String data = toJson.apply(RankingsResponse.of(slice, 0, key.top(),
                new RankingPage(change.totalPlayers(), entries)));
        for (SseEmitter client : clients) {
            try {
                client.send(event(id, data));
            } catch (IOException | IllegalStateException e) {
                clients.remove(client);
            }
        }
    }

    private List<RankedEntry> entriesOf(TopChange change) {
        List<RankedEntry> entries = new ArrayList<>(key.top());
        for (int i = 0; i < change.top().size() && i < key.top(); i++) {
            TopChange.Row row = change.top().get(i);
            entries.add(new RankedEntry(i + 1, row.userId(), row.score()));
        }
        return entries;
    }

    private static SseEmitter.SseEventBuilder event(long id, String data) {
        return SseEmitter.event().name("leaderboard").id(Long.toString(id)).data(data, MediaType.APPLICATION_JSON);
    }
}
