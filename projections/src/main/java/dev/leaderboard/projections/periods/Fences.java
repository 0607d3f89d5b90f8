package dev.leaderboard.projections.periods;

import dev.leaderboard.windows.TimeWindow;

import java.util.Map;

/**
 * The fences of closed periods as read at one moment: window and period key to the event store position the close
 * covered. An event of a fenced period stored above the fence is late and does not count in that period.
 */
public record Fences(Map<String, Long> positions) {

    public static final Fences NONE = new Fences(Map.of());

    public Fences {
        positions = Map.copyOf(positions);
    }

    static String key(TimeWindow window, String period) {
        return window.id() + "|" + period;
    }

    /** True when an event stored at {@code position} came after the close of this window's period. */
    public boolean excludes(TimeWindow window, String period, long position) {
        Long fence = positions.get(key(window, period));
        return fence != null && position > fence;
    }
}
