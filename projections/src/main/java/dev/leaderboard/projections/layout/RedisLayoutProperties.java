package dev.leaderboard.projections.layout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param keyPrefix prefix of every key this service writes, so several deployments can share one Redis */
@ConfigurationProperties("leaderboard.redis")
public record RedisLayoutProperties(@DefaultValue("lb") String keyPrefix) {
}
