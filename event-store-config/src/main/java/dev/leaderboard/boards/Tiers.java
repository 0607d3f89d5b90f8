package dev.leaderboard.boards;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a board's ordered tiers cut it. Tiers cut by the ordinal rank (ties already broken by who reached the score
 * first), so a tier never holds more players than its size; a player belongs to the first tier that holds their rank.
 */
public final class Tiers {

    private Tiers() {
    }

    /** Each tier's rank range on a board of {@code totalPlayers}, in the tiers' order. */
    public static List<TierRange> ranges(List<Tier> tiers, long totalPlayers) {
        if (totalPlayers < 0) {
            throw new IllegalArgumentException("totalPlayers must be 0 or more, was " + totalPlayers);
        }
        List<TierRange> ranges = new ArrayList<>(tiers.size());
        long taken = 0;
        for (Tier tier : tiers) {
            long cut = Math.max(taken, tier.cumulativeCut(totalPlayers));
            ranges.add(new TierRange(tier.name(), taken + 1, cut));
            taken = cut;
        }
        return ranges;
    }

    /** The tier holding an ordinal rank, if any. */
    public static Optional<String> tierOf(List<TierRange> ranges, long rank) {
        return ranges.stream().filter(r -> r.holds(rank)).map(TierRange::name).findFirst();
    }

    /**
     * The share of the board ranked below a player, in percent: {@code 100 x (totalPlayers - rank) / totalPlayers}.
     * It is {@code 100 - topPercent}, so a player is inside a {@code topPercent: P} cut exactly when their percentile
     * is at least {@code 100 - P} (except the first player of a board too small for P to reach one rank).
     */
    public static double percentile(long rank, long totalPlayers) {
        return 100.0 * (totalPlayers - rank) / totalPlayers;
    }
}
