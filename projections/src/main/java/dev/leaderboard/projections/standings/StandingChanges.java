package dev.leaderboard.projections.standings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The standings a batch of events changes: for each row only the newest version survives, in key order (so
 * concurrent batches lock rows in the same order and cannot deadlock).
 */
public final class StandingChanges {

    private final Map<Standing.Key, Standing> latest = new TreeMap<>();
    private int events;

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

    public List<Standing> latest() {
        return new ArrayList<>(latest.values());
    }

    public int events() {
        return events;
    }

    public boolean isEmpty() {
        return latest.isEmpty();
    }
}
