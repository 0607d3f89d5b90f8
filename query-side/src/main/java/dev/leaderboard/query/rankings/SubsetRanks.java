package dev.leaderboard.query.rankings;

import java.util.Comparator;
import java.util.List;

/**
 * Given players of one board, window and period: those with a score, in rank order with their board ranks, and
 * those without one.
 */
public record SubsetRanks(long totalPlayers, List<RankedEntry> found, List<String> missing) {

    public SubsetRanks {
        found = found.stream().sorted(Comparator.comparingLong(RankedEntry::rank)).toList();
        missing = List.copyOf(missing);
    }
}
