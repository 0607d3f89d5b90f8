package dev.leaderboard.projections.standings;

import dev.leaderboard.windows.TimeWindow;

import java.time.Instant;

/**
 * A player's total in one period of one window of one leaderboard, when it was reached, and the version (aggregate
 * sequence number) of the event that set it.
 */
public record Standing(String leaderboardId, TimeWindow window, String period, String userId, long score,
                       Instant reachedAt, long version) {

    /** Identifies the row a standing replaces. */
    public record Key(String leaderboardId, TimeWindow window, String period, String userId)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int c = leaderboardId.compareTo(other.leaderboardId);
            if (c == 0) c = window.compareTo(other.window);
            if (c == 0) c = period.compareTo(other.period);
            if (c == 0) c = userId.compareTo(other.userId);
            return c;
        }
    }

    public Key key() {
        return new Key(leaderboardId, window, period, userId);
    }
}
