package dev.leaderboard.events;

import java.math.BigDecimal;

/**
 * A reward tier as stored in {@link LeaderboardDefined}: exactly one of {@code top} and {@code topPercent}. Not
 * validated here (validation rules may tighten; stored events must keep deserializing): the command validated it.
 */
public record BoardTier(String name, Long top, BigDecimal topPercent) {
}
