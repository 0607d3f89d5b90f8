package dev.leaderboard.command.actions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxAttempts how often a command is tried when another instance wrote the same player's stream first
 *                    (an optimistic-concurrency conflict); conflicts are retried, never shown to the client
 * @param batching    how concurrent single-action requests are coalesced into group-committed batches
 * @param segmentClaim the claim of a service token that states the segment of the players it submits for (a body's
 *                     {@code segment} overrides it); player tokens' claims are never read
 */
@ConfigurationProperties("leaderboard.commands")
public record CommandProperties(@DefaultValue("10") int maxAttempts, @DefaultValue Batching batching,
                                @DefaultValue("region") String segmentClaim) {

    /**
     * @param workers       batching threads; a player's requests always go to the same one
     * @param maxSize       most commands in one transaction
     * @param linger        how long a batch waits for more requests after its first one (0: only what is queued)
     * @param queueCapacity requests that may wait per worker; beyond it a request is answered 503
     * @param answerTimeout longest a request waits for its batch to commit before it is answered 503
     */
    public record Batching(@DefaultValue("2") int workers,
                           @DefaultValue("250") int maxSize,
                           @DefaultValue("1ms") Duration linger,
                           @DefaultValue("5000") int queueCapacity,
                           @DefaultValue("10s") Duration answerTimeout) {
    }
}
