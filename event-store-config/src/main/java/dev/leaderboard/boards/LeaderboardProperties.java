package dev.leaderboard.boards;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Leaderboards that exist by configuration ({@code leaderboard.boards.<id>.name/description/tiers}). {@code global}
 * always exists, configured or not; {@code leaderboard.boards.global.tiers} gives it tiers.
 */
@ConfigurationProperties("leaderboard")
public record LeaderboardProperties(Map<String, Board> boards) {

    public LeaderboardProperties {
        boards = boards == null ? Map.of() : Map.copyOf(boards);
    }

    /** {@code tiers} in order; a bad tier fails the start with its reason (see {@link Tier}). */
    public record Board(String name, String description, List<TierSpec> tiers) {

        public List<Tier> tierList() {
            return tiers == null ? List.of() : Tiers.validated(tiers.stream().map(TierSpec::toTier).toList());
        }
    }

    /** {@code leaderboard.boards.<id>.tiers[i].name/top/topPercent}. */
    public record TierSpec(String name, Long top, BigDecimal topPercent) {
        Tier toTier() {
            return new Tier(name, top, topPercent);
        }
    }
}
