package dev.leaderboard.boards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a board's ordered tiers cut it. Tiers cut by the ordinal rank (ties already broken by who reached the score
 * first), so a tier never holds more players than its size; a player belongs to the first tier that holds their rank.
 */
public final class Tiers {

    /** The most tiers a board may have. */
    public static final int MAX_TIERS = 20;

    private Tiers() {
    }

    /**
     * The tiers if they can define a board: at most {@link #MAX_TIERS}, names unique.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<Tier> validated(List<Tier> tiers) {
        if (tiers.size() > MAX_TIERS) {
            throw new IllegalArgumentException("a board has at most " + MAX_TIERS + " tiers, these are "
                    + tiers.size());
        }
        Set<String> names = new HashSet<>();
        for (Tier tier : tiers) {
            if (!names.add(tier.name())) {
                throw new IllegalArgumentException("tier names must be unique; '" + tier.name() + "' is there twice");
            }
        }
        return List.copyOf(tiers);
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
