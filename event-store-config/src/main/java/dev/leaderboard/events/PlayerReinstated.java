package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A suspension was lifted: the player is back on every board with the totals they had. */
@Revision("1")
public record PlayerReinstated(String userId, String reason, String operator, Instant occurredAt) {
}
