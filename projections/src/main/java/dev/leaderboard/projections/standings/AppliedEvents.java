package dev.leaderboard.projections.standings;

import java.util.concurrent.atomic.LongAdder;

/** Counts events applied to the standings, by live processing and replays alike (exported as a counter). */
public final class AppliedEvents {

    private final LongAdder count = new LongAdder();

    public void add(int events) {
        count.add(events);
    }

    public double total() {
        return count.sum();
    }
}
