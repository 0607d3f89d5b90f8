package dev.leaderboard.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every live stream client of this instance, grouped by what they watch. Change notifications arrive once per
 * instance (Redis pub/sub) and are handled once per group; only the final write is per client.
 */
public class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final Rankings rankings;
    private final StreamProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<StreamGroup.Key, StreamGroup> groups = new ConcurrentHashMap<>();
    private final StreamSlots slots;
    /** How each open client leaves: its group, and its slot. Run once, by whichever end comes first. */
    private final Map<SseEmitter, Runnable> departures = new ConcurrentHashMap<>();
    /** A few threads, so one slow client connection cannot hold up every other group's events. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4,
            Thread.ofPlatform().name("live-streams-", 0).daemon().factory());
    private volatile boolean running;

    public LiveStreams(Rankings rankings, StreamProperties properties, Clock clock, ObjectMapper json) {
        this.rankings = rankings;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.slots = new StreamSlots(properties.maxConnections(), properties.maxConnectionsPerIp(),
                properties.retryAfter());
    }

    /**
     * Opens a stream for a client at the given address, or refuses it before anything is sent when this instance or
     * that address holds its maximum of streams.
     *
     * @throws dev.leaderboard.query.limits.OverCapacityException 503 over the instance's cap, 429 over the address's
     */
    public SseEmitter open(String leaderboardId, TimeWindow window, int top, String clientAddress)
            throws IOException {
        StreamSlots.Slot slot = slots.acquire(clientAddress);
        SseEmitter client = new SseEmitter(properties.timeout().toMillis());
        // Registered as joining inside the map's compute, so the heartbeat cannot drop the group as empty while
        // this client's first event is being sent (the client would then sit in a group no one serves).
        StreamGroup group = groups.compute(new StreamGroup.Key(leaderboardId, window, top), (key, existing) -> {
            StreamGroup joined = existing != null ? existing : new StreamGroup(key, properties.minInterval(), clock,
                    scheduler, slice -> rankings.currentTop(slice, key.top()), this::toJson, this::depart);
            joined.joining();
            return joined;
        });
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                departures.remove(client);
                group.leave(client);
                slot.release();
            }
        };
        departures.put(client, leave);
        // Completion follows a timeout or an error too; a failed write (heartbeat, event) departs directly, as the
        // container may report a vanished client late or not at all.
        client.onCompletion(leave);
        client.onTimeout(leave);
        client.onError(e -> leave.run());
        try {
            group.join(client);
        } catch (IOException | RuntimeException e) {
            leave.run();
            throw e;
        } finally {
            group.joined();
        }
        return client;
    }

    /** A client whose connection failed: it leaves its group and frees its slot. */
    private void depart(SseEmitter client) {
        Runnable leave = departures.get(client);
        if (leave != null) {
            leave.run();
        }
    }

    /** Stream slots taken on this instance (open streams, and streams being opened). */
    public int slotsInUse() {
        return slots.inUse();
    }

    /** A board's top changed somewhere in the cluster; only the current period matters to live clients. */
    public void onChange(BoardChange change) {
        if (change.isReset()) {
            groups.forEach((key, group) -> group.markDirty(key.window().periodOf(clock.instant()).key()));
            return;
        }
        if (!change.topChanged()) {
            return;
        }
        TimeWindow window = TimeWindow.fromId(change.window()).orElse(null);
        if (window == null || !window.periodOf(clock.instant()).key().equals(change.period())) {
            return;
        }
        groups.forEach((key, group) -> {
            if (key.leaderboardId().equals(change.leaderboardId()) && key.window() == window) {
                group.markDirty(change.period());
            }
        });
    }

    public int clients() {
        return groups.values().stream().mapToInt(g -> g.clients().size()).sum();
    }

    private void heartbeat() {
        groups.forEach((key, group) -> {
            for (SseEmitter client : group.clients()) {
                try {
                    client.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException e) {
                    depart(client);
                }
            }
            groups.computeIfPresent(key, (k, current) -> current == group && group.isIdle() ? null : current);
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        long every = properties.heartbeat().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Runs before the web server's graceful shutdown, which would otherwise wait for these endless requests. */
    @Override
    public void stop() {
        running = false;
        int closed = 0;
        for (StreamGroup group : groups.values()) {
            for (SseEmitter client : group.clients()) {
                client.complete();
                closed++;
            }
        }
        groups.clear();
        scheduler.shutdownNow();
        log.info("Closed {} live stream connections", closed);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
