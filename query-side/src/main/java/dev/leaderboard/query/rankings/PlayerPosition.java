package dev.leaderboard.query.rankings;

import java.util.List;

/** A player's rank and score in a slice, with the neighbouring rows around it. */
public record PlayerPosition(long rank, long score, long totalPlayers, List<RankedEntry> neighbours) {

    /**
     * The first 0-based row of the neighbour window: centred on the player, shifted (not cut short) at the top or
     * bottom so it holds {@code min(2 x context + 1, total)} rows.
     */
    public static long windowStart(long rank0, int context, long total) {
        long size = Math.min(2L * context + 1, total);
        long start = Math.max(0, rank0 - context);
        return Math.max(0, Math.min(start, total - size));
    }

    public static long windowSize(int context, long total) {
        return Math.min(2L * context + 1, total);
    }
}
