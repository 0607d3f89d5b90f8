package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A player was suspended: hidden from every board, window and export, and refused when submitting, until reinstated.
 * Totals are kept, so reinstatement shows them again exactly.
 *
 * @param operator the operator's subject, or {@code rule:<name>} for an automatic suspension by an anomaly rule
 * @param flagId   the flag that caused an automatic suspension; null when an operator suspended
 */
@Revision("1")
public record PlayerSuspended(String userId, String reason, String operator, String flagId, Instant occurredAt) {
}
