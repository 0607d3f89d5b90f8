package dev.leaderboard.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.windows.TimeWindow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Every live stream client of this instance, grouped by what they watch. Change notifications arrive once per
 * instance (Redis pub/sub) and are handled once per group; only the final write is per client.
 */
public class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** Heartbeats go to one of this many buckets of clients per tick, so no tick walks every client. */
    static final int HEARTBEAT_BUCKETS = 16;

    private final Rankings rankings;
    private final StreamProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<StreamGroup.Key, StreamGroup> groups = new ConcurrentHashMap<>();
    private final StreamSlots slots;
    private final List<Set<SseConnection>> heartbeatBuckets = IntStream.range(0, HEARTBEAT_BUCKETS)
            .mapToObj(i -> (Set<SseConnection>) ConcurrentHashMap.<SseConnection>newKeySet()).toList();
    private final Map<StreamDrop, LongAdder> drops = new EnumMap<>(StreamDrop.class);
    private final LongAdder fanOuts = new LongAdder();
    private final LongAdder fanOutNanos = new LongAdder();
    /** Flushes only read Redis and offer bytes (writes never wait for a client); two threads are plenty. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("live-streams-", 0).daemon().factory());
    private final ExecutorService fanOut;
    private long heartbeatTick;
    private volatile boolean running;

    public LiveStreams(Rankings rankings, StreamProperties properties, Clock clock, ObjectMapper json) {
        this.rankings = rankings;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.fanOut = Executors.newFixedThreadPool(properties.fanOutThreads(),
                Thread.ofPlatform().name("live-streams-fan-out-", 0).daemon().factory());
        this.slots = new StreamSlots(properties.maxConnections(), properties.maxConnectionsPerIp(),
                properties.retryAfter());
        for (StreamDrop drop : StreamDrop.values()) {
            drops.put(drop, new LongAdder());
        }
    }

    /**
     * Opens a stream for a client at the given address and sends it the current top, or refuses it before anything
     * is sent when this instance or that address holds its maximum of streams.
     *
     * @throws dev.leaderboard.query.limits.OverCapacityException 503 over the instance's cap, 429 over the address's
     */
    public void open(String leaderboardId, TimeWindow window, int top, String clientAddress,
                     HttpServletRequest request, HttpServletResponse response) throws IOException {
        StreamSlots.Slot slot = slots.acquire(clientAddress);
        // Registered as joining inside the map's compute, so the heartbeat cannot drop the group as empty while
        // this client is being added (the client would then sit in a group no one serves).
        StreamGroup group = groups.compute(new StreamGroup.Key(leaderboardId, window, top), (key, existing) -> {
            StreamGroup joined = existing != null ? existing : new StreamGroup(key, properties.minInterval(), clock,
                    scheduler, slice -> rankings.currentTop(slice, key.top()), this::toJson, nanos -> {
                        fanOuts.increment();
                        fanOutNanos.add(nanos);
                    }, fanOut);
            joined.joining();
            return joined;
        });
        Consumer<SseConnection> ended = connection -> {
            group.leave(connection);
            bucketOf(connection).remove(connection);
            slot.release();
        };
        SseConnection connection = null;
        try {
            connection = group.join(() -> SseConnection.open(request, response, properties.timeout(),
                    properties.slowClientTimeout(), clock, drop -> drops.get(drop).increment(), ended));
            bucketOf(connection).add(connection);
            connection.start();
        } catch (IOException | RuntimeException e) {
            if (connection == null) {
                slot.release();
            } else {
                connection.close();
            }
            throw e;
        } finally {
            group.joined();
        }
    }

    private Set<SseConnection> bucketOf(SseConnection connection) {
        return heartbeatBuckets.get(Math.floorMod(System.identityHashCode(connection), HEARTBEAT_BUCKETS));
    }

    /** Events offered to all clients of their group (one per group and flush). */
    public long fanOuts() {
        return fanOuts.sum();
    }

    /** Time spent offering those events to every client of their group, in seconds. */
    public double fanOutSeconds() {
        return fanOutNanos.sum() / 1e9;
    }

    /** Streams this instance ended because the client was too slow or gone ({@link StreamDrop}). */
    public long dropped(StreamDrop reason) {
        return drops.get(reason).sum();
    }

    /** Stream slots taken on this instance (open streams, and streams being opened). */
    public int slotsInUse() {
        return slots.inUse();
    }

    /**
     * A board changed somewhere in the cluster; only the current period matters to live clients. Whether its top
     * changed is for each group to find out: it reads its top N and sends nothing when that is what it last sent.
     */
    public void onChange(BoardChange change) {
        if (change.isReset()) {
            groups.forEach((key, group) -> group.markDirty(key.window().periodOf(clock.instant()).key()));
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

    /** One bucket of clients per tick; the whole round takes one heartbeat interval. Idle groups are dropped. */
    private void heartbeat() {
        Set<SseConnection> bucket = heartbeatBuckets.get((int) (heartbeatTick++ % HEARTBEAT_BUCKETS));
        for (SseConnection connection : bucket) {
            connection.heartbeat();
        }
        groups.forEach((key, group) ->
                groups.computeIfPresent(key, (k, current) -> current == group && group.isIdle() ? null : current));
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
        long every = Math.max(1, properties.heartbeat().toMillis() / HEARTBEAT_BUCKETS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Runs before the web server's graceful shutdown, which would otherwise wait for these endless requests. */
    @Override
    public void stop() {
        running = false;
        int closed = 0;
        for (StreamGroup group : groups.values()) {
            for (SseConnection client : group.clients()) {
                client.close();
                closed++;
            }
        }
        groups.clear();
        scheduler.shutdownNow();
        fanOut.shutdownNow();
        log.info("Closed {} live stream connections", closed);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
