package dev.leaderboard.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBodyBytes      largest request body accepted; larger ones get 413 before anything is parsed
 * @param maxBatchBodyBytes the same for {@code POST /api/v1/actions/batch} (up to 1,000 actions)
 */
@ConfigurationProperties("leaderboard.http")
public record HttpProperties(@DefaultValue("16384") long maxBodyBytes,
                             @DefaultValue("1048576") long maxBatchBodyBytes) {
}
