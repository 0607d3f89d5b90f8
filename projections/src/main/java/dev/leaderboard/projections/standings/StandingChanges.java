package dev.leaderboard.projections.standings;

import dev.leaderboard.eventstore.TraceOrigin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The standings a batch of events changes: for each row only the newest version survives, in key order (so
 * concurrent batches lock rows in the same order and cannot deadlock). Suspensions and reinstatements are kept as
 * each player's state after the batch (a player's events arrive in their order), so a batch that suspends and
 * reinstates a player writes only the outcome.
 */
public final class StandingChanges {

    private final Map<Standing.Key, Standing> latest = new TreeMap<>();
    /** User id → suspended since (suspended after the batch), or null (reinstated after the batch). */
    private final Map<String, Instant> suspensions = new TreeMap<>();
    private int events;
    /** Where the batch's events come from, collected only while tracing is on ({@link RedisWriteTracing}). */
    private final Set<TraceOrigin> traceOrigins = new LinkedHashSet<>();

    /** Records what one event changed; events that change no standing are not counted. */
    public void add(List<Standing> standings) {
        if (standings.isEmpty()) {
            return;
        }
        events++;
        for (Standing standing : standings) {
            latest.merge(standing.key(), standing, (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    public void suspend(String userId, Instant at) {
        events++;
        suspensions.put(userId, at);
    }

    public void reinstate(String userId) {
        events++;
        suspensions.put(userId, null);
    }

    public List<Standing> latest() {
        return new ArrayList<>(latest.values());
    }

    public boolean hasSuspensions() {
        return !suspensions.isEmpty();
    }

    /** Players suspended after the batch, with the time of their suspension, in user id order. */
    public Map<String, Instant> suspended() {
        Map<String, Instant> suspended = new LinkedHashMap<>();
        suspensions.forEach((user, at) -> {
            if (at != null) {
                suspended.put(user, at);
            }
        });
        return suspended;
    }

    /** Players reinstated after the batch, in user id order. */
    public List<String> reinstated() {
        return suspensions.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }

    /** Every player whose suspension state the batch changed. */
    public Set<String> suspensionsChanged() {
        return suspensions.keySet();
    }

    public int events() {
        return events;
    }

    public void addTraceOrigin(TraceOrigin origin) {
        traceOrigins.add(origin);
    }

    public Set<TraceOrigin> traceOrigins() {
        return traceOrigins;
    }

    public boolean isEmpty() {
        return latest.isEmpty() && suspensions.isEmpty();
    }
}
