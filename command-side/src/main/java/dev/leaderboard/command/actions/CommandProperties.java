package dev.leaderboard.command.actions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxAttempts how often a command is tried when another instance wrote the same player's stream first
 *                    (an optimistic-concurrency conflict); conflicts are retried, never shown to the client
 */
@ConfigurationProperties("leaderboard.commands")
public record CommandProperties(@DefaultValue("10") int maxAttempts) {
}
