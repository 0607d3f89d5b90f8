package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An operator reviewed a flag.
 *
 * @param resolution {@code dismissed} (no abuse) or {@code confirmed} (abuse; the operator suspends or adjusts
 *                   separately)
 */
@Revision("1")
public record FlagResolved(String userId, String flagId, String resolution, String reason, String operator,
                           Instant occurredAt) {
}
