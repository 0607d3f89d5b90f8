package dev.leaderboard.command.flags;

import java.util.Map;

/** An anomaly rule matched: its name, what it saw, and whether it suspends the player by itself. */
public record RuleHit(String rule, Map<String, Object> evidence, boolean autoSuspend) {
}
