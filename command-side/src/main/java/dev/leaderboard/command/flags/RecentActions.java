package dev.leaderboard.command.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The times and points of a player's latest accepted actions (at most {@link #CAPACITY}), oldest first: what the
 * anomaly rules look at. Part of the aggregate's state, so it is rebuilt from the events and the same everywhere.
 */
public final class RecentActions {

    public static final int CAPACITY = 64;

    private final List<Long> epochMillis;
    private final List<Long> points;

    private RecentActions(List<Long> epochMillis, List<Long> points) {
        this.epochMillis = epochMillis;
        this.points = points;
    }

    public static RecentActions none() {
        return new RecentActions(List.of(), List.of());
    }

    public RecentActions plus(Instant at, long awarded) {
        List<Long> times = new ArrayList<>(epochMillis);
        List<Long> awards = new ArrayList<>(points);
        times.add(at.toEpochMilli());
        awards.add(awarded);
        if (times.size() > CAPACITY) {
            times.removeFirst();
            awards.removeFirst();
        }
        return new RecentActions(List.copyOf(times), List.copyOf(awards));
    }

    public int size() {
        return epochMillis.size();
    }

    /** Time of the i-th kept action, 0 = oldest kept. */
    public long millisAt(int i) {
        return epochMillis.get(i);
    }

    public long pointsAt(int i) {
        return points.get(i);
    }

    /** A read-only view of lists kept by the caller (the aggregate), which must not change them meanwhile. */
    public static RecentActions view(List<Long> epochMillis, List<Long> points) {
        if (epochMillis == null || points == null || epochMillis.size() != points.size()) {
            return none();
        }
        return new RecentActions(Collections.unmodifiableList(epochMillis), Collections.unmodifiableList(points));
    }

    /** Appends to lists kept by the caller, dropping the oldest beyond {@link #CAPACITY}: no copy per event. */
    public static void append(List<Long> epochMillis, List<Long> points, Instant at, long awarded) {
        epochMillis.add(at.toEpochMilli());
        points.add(awarded);
        while (epochMillis.size() > CAPACITY) {
            epochMillis.removeFirst();
            points.removeFirst();
        }
    }
}
