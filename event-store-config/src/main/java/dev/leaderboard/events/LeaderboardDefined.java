package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An operator defined a leaderboard, or changed its name or description. */
@Revision("1")
public record LeaderboardDefined(String leaderboardId, String name, String description, Instant definedAt) {
}
