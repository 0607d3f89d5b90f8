package dev.leaderboard.boards;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One reward tier of a board: the players whose ordinal rank is within the first {@code top} ranks, or within the
 * first {@code topPercent} percent of the board (ranks 1 .. floor(P / 100 x totalPlayers), at least 1 on a board
 * that is not empty), less those of the tiers before it. Exactly one of {@code top} and {@code topPercent} is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tier(String name, Long top, BigDecimal topPercent) {

    public static final String NAME = "[A-Za-z0-9._-]{1,64}";
    public static final int MAX_PERCENT_DECIMALS = 6;

    public Tier {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("a tier's name must be 1-64 of [A-Za-z0-9._-], was '" + name + "'");
        }
        if ((top == null) == (topPercent == null)) {
            throw new IllegalArgumentException("tier '" + name + "' needs exactly one of 'top' and 'topPercent'");
        }
        if (top != null && top < 1) {
            throw new IllegalArgumentException("tier '" + name + "': 'top' must be 1 or more, was " + top);
        }
        if (topPercent != null && (topPercent.signum() <= 0 || topPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("tier '" + name + "': 'topPercent' must be more than 0 and at most 100,"
                    + " was " + topPercent.toPlainString());
        }
        if (topPercent != null && topPercent.stripTrailingZeros().scale() > MAX_PERCENT_DECIMALS) {
            throw new IllegalArgumentException("tier '" + name + "': 'topPercent' has at most "
                    + MAX_PERCENT_DECIMALS + " decimals");
        }
    }

    public static Tier top(String name, long top) {
        return new Tier(name, top, null);
    }

    public static Tier topPercent(String name, String percent) {
        return new Tier(name, null, new BigDecimal(percent));
    }

    /** The last ordinal rank this tier's cut reaches on a board of {@code totalPlayers}, tiers before it included. */
    long cumulativeCut(long totalPlayers) {
        if (totalPlayers == 0) {
            return 0;
        }
        if (top != null) {
            return Math.min(top, totalPlayers);
        }
        long cut = topPercent.multiply(BigDecimal.valueOf(totalPlayers)).divideToIntegralValue(BigDecimal.valueOf(100))
                .longValueExact();
        return Math.max(1, cut);
    }
}
