package dev.leaderboard.command.flags;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator reviewed a flag: {@code dismissed} (no abuse) or {@code confirmed}. */
public record ResolveFlag(@TargetAggregateIdentifier String userId, String flagId, String resolution, String reason,
                          String operator) {
}
