package dev.leaderboard.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param publicReads whether read endpoints answer without a token ({@code LEADERBOARD_PUBLIC_READS}) */
@ConfigurationProperties("leaderboard")
public record ReadAccessProperties(@DefaultValue("true") boolean publicReads) {
}
