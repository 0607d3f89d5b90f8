package dev.leaderboard.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheSize         players whose aggregate stays in memory between commands
 * @param snapshotThreshold events loaded from the store after which a new snapshot is taken (off the command thread)
 */
@ConfigurationProperties("leaderboard.user-aggregate")
public record UserAggregateProperties(@DefaultValue("100000") long cacheSize,
                                      @DefaultValue("200") int snapshotThreshold) {
}
