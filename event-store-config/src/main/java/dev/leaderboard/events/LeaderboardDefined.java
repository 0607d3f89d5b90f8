package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An operator defined a leaderboard, or changed its name, description or tiers. {@code tiers} is null in events
 * stored before boards had tiers (and means none).
 */
@Revision("1")
public record LeaderboardDefined(String leaderboardId, String name, String description, Instant definedAt,
                                 List<BoardTier> tiers) {

    public LeaderboardDefined(String leaderboardId, String name, String description, Instant definedAt) {
        this(leaderboardId, name, description, definedAt, null);
    }
}
