package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/**
 * An anomaly rule matched a player's stream of actions. A flag changes no score; an operator reviews and resolves it.
 *
 * @param flagId   unique id of this flag
 * @param rule     the rule's name, e.g. {@code burst}
 * @param evidence what the rule saw (counts, window, thresholds, action ids), for the reviewer
 */
@Revision("1")
public record PlayerFlagged(String userId, String flagId, String rule, Map<String, Object> evidence,
                            Instant occurredAt) {

    public PlayerFlagged {
        evidence = evidence == null ? Map.of() : evidence;
    }
}
